/**
 * Bench: letter intake and full-text search (issue 13). Builds 357 letters (one per municipality) from the committed
 * test letters' TXT sources, each made unique, stores them in an in-memory database, then times the searches the
 * issue names against its reference ("well under a second" = 1 000 ms), and times PDF/DOCX extraction.
 *
 *   npx ts-node --transpile-only bench/letters.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/connection';
import { readDataset } from '../src/data/dataset';
import { loadDataset } from '../src/db/load-dataset';
import { intakeLetters } from '../src/letters/intake';
import { extractText } from '../src/letters/extract';
import { PdfReader } from '../src/letters/pdf-text';
import { searchLetters } from '../src/letters/search';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const db = openDatabase(':memory:');
  loadDataset(db, readDataset());
  const dirs = ['letters', 'letters-heldout', 'letters-heldout2'].map((d) => path.join(__dirname, '..', 'test', 'fixtures', d, 'src'));
  const sources = dirs.flatMap((d) => fs.readdirSync(d).map((n) => fs.readFileSync(path.join(d, n), 'utf8')));
  const files = Array.from({ length: 357 }, (_, i) => ({ name: `brev-${i + 1}.txt`, bytes: Buffer.from(`${sources[i % sources.length]}\n\nJournalpost ${i + 1}\n`, 'utf8') }));
  let t = performance.now();
  const report = await intakeLetters(db, files, { dryRun: false, by: 'bench', now: new Date().toISOString(), channel: 'cli' });
  const intakeMs = performance.now() - t;
  console.log(`intake: ${report.counts.new} TXT letters stored in ${(intakeMs / 1000).toFixed(2)} s (${(intakeMs / report.counts.new).toFixed(1)} ms per letter: decode, analyse, FTS index; one transaction)`);
  for (const q of ['samlokalisering', 'lensmannskontor', 'responstid', 'tenestestad lokale']) {
    searchLetters(db, q, {});
    const ms: number[] = [];
    let hits = 0;
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      hits = searchLetters(db, q, {})!.total;
      ms.push(performance.now() - t);
    }
    const m = median(ms);
    console.log(`search "${q}": ${hits} letters, median ${m.toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms over 30 runs (FTS5 match + snippets of up to 100 hits); ratio to the 1 000 ms reference ${(m / 1000).toFixed(4)}`);
  }
  const fixtures = path.join(__dirname, '..', 'test', 'fixtures', 'letters', 'files');
  for (const ext of ['pdf', 'docx']) {
    const names = fs.readdirSync(fixtures).filter((n) => n.endsWith(`.${ext}`));
    t = performance.now();
    for (const n of names) await extractText(fs.readFileSync(path.join(fixtures, n)), n);
    const ms = performance.now() - t;
    console.log(`extract ${ext.toUpperCase()}: ${names.length} files, ${(ms / names.length).toFixed(0)} ms per file${ext === 'pdf' ? ' (PDF.js in a fresh worker thread per file)' : ' (mammoth)'}`);
  }
  const pdfs = fs.readdirSync(fixtures).filter((n) => n.endsWith('.pdf'));
  const reader = new PdfReader();
  t = performance.now();
  for (let round = 0; round < 4; round++) for (const n of pdfs) await extractText(fs.readFileSync(path.join(fixtures, n)), n, reader);
  const batchMs = performance.now() - t;
  await reader.close();
  console.log(`extract PDF in a batch (one worker, as intake does): ${pdfs.length * 4} files, ${(batchMs / (pdfs.length * 4)).toFixed(0)} ms per file`);
  db.close();
}

void main();
