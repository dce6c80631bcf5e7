import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { checkDocxArchive } from '../../src/letters/docx-guard';
import { extractText } from '../../src/letters/extract';
import { intakeLetters } from '../../src/letters/intake';
import { listLetters } from '../../src/db/letters-repo';
import { sayLocal } from '../../src/common/errors';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { createApp } from '../../src/web/app';

/** One part of a generated ZIP: its bytes as stored, with the sizes and CRC the headers declare. */
interface Part { name: string; method: 0 | 8; data: Buffer; unpacked: number; crc: number }

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentXml = (text: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

const deflated = (name: string, content: string): Part => {
  const raw = Buffer.from(content, 'utf8');
  return { name, method: 8, data: zlib.deflateRawSync(raw), unpacked: raw.length, crc: zlib.crc32(raw) };
};

/** `head` + `zeros` zero bytes + `tail`, deflated in 1 MB pieces (the whole is never held in memory). */
async function deflatedZeros(name: string, head: string, zeros: number, tail: string): Promise<Part> {
  const out: Buffer[] = [];
  const z = zlib.createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = zlib.crc32(head);
  z.write(head);
  for (let left = zeros; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    if (!z.write(piece)) await new Promise((r) => z.once('drain', r));
  }
  crc = zlib.crc32(tail, crc);
  z.end(tail);
  await done;
  return { name, method: 8, data: Buffer.concat(out), unpacked: Buffer.byteLength(head) + zeros + Buffer.byteLength(tail), crc };
}

/** A ZIP (APPNOTE 4.3) of the parts; `declare` overrides the unpacked size a part's headers state. */
function zip(parts: readonly Part[], declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = declare[p.name] ?? p.unpacked;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14); local.writeUInt32LE(p.data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16); central.writeUInt32LE(p.data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const wrappers = (): Part[] => [deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', RELS)];
const LETTER = 'Herøy kommune, 12. mars 2022. Svar på spørsmål 5: Ja, kommunen ønsker et nytt tjenestested for politiet i Fosnavåg.';

describe('DOCX zip-bomb guard', () => {
  let bomb: Part;
  beforeAll(async () => {
    // 200 MB of zeros inside the text of word/document.xml: about 200 KB packed.
    const xml = documentXml('');
    const cut = xml.indexOf('</w:t>');
    bomb = await deflatedZeros('word/document.xml', xml.slice(0, cut), 200 * 1024 * 1024, xml.slice(cut));
  });

  it('When a generated small DOCX is read, then the guard lets it through and its text is extracted', async () => {
    const docx = zip([...wrappers(), deflated('word/document.xml', documentXml(LETTER))]);
    expect(checkDocxArchive(docx)).toEqual({ ok: true, unpackedBytes: expect.any(Number) });
    const ex = await extractText(docx, 'liten.docx');
    expect(ex).toMatchObject({ ok: true, format: 'docx' });
    expect(ex.ok && ex.text).toContain('nytt tjenestested');
  });

  it('When a real letter DOCX (the fixture) is read, then it still extracts', async () => {
    const bytes = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'letters', 'files', 'L02-heroy-more.docx'));
    expect(checkDocxArchive(bytes).ok).toBe(true);
    const ex = await extractText(bytes, 'L02-heroy-more.docx');
    expect(ex.ok && ex.text).toContain('Herøy');
  });

  it('When document.xml honestly declares 200 MB unpacked, then the file is refused as too large unpacked, in Norwegian and English, before mammoth', async () => {
    const docx = zip([...wrappers(), bomb]);
    expect(docx.length).toBeLessThan(1024 * 1024);
    const ex = await extractText(docx, 'bombe.docx');
    expect(ex).toMatchObject({ ok: false, code: 'too_large' });
    if (ex.ok || !ex.said) throw new Error('expected a refusal said through the catalogue');
    expect(bomb.unpacked).toBeGreaterThan(200 * 1024 * 1024);
    expect(sayLocal('nb', ex.said)).toBe(
      `Word-filen bombe.docx er for stor når den pakkes ut: word/document.xml oppgir ${bomb.unpacked} byte utpakket, mer enn 20 MB. Et brev kan være høyst 20 MB utpakket; lagre brevet som PDF eller fjern store bilder.`,
    );
    expect(ex.message).toBe(sayLocal('en', ex.said));
    expect(ex.message).toMatch(/^The Word file bombe\.docx is too large when unpacked: word\/document\.xml declares \d+ bytes unpacked, more than 20 MB\. A letter may be at most 20 MB unpacked/);
  });

  it('When document.xml declares 1 KB but inflates to 200 MB, then inflating stops at the 20 MB limit and the file is refused', async () => {
    const docx = zip([...wrappers(), bomb], { 'word/document.xml': 1000 });
    const before = process.memoryUsage().rss;
    const guard = checkDocxArchive(docx);
    expect(guard).toEqual({ ok: false, code: 'too_large', reason: { key: 'let.docx.inflated', params: { part: 'word/document.xml', mb: 20 } } });
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    const ex = await extractText(docx, 'løgn.docx');
    expect(ex).toMatchObject({ ok: false, code: 'too_large' });
    expect(ex.ok ? '' : ex.message).toContain('word/document.xml unpacks to more than 20 MB, more than the file declares');
  });

  it('When a 5 MB part is declared with a compression ratio above 200, then it is refused by its ratio', () => {
    const docx = zip([...wrappers(), deflated('word/document.xml', documentXml('0'.repeat(5 * 1024 * 1024)))]);
    const guard = checkDocxArchive(docx);
    expect(guard).toMatchObject({ ok: false, code: 'too_large', reason: { key: 'let.docx.ratio', params: { part: 'word/document.xml', max: 200 } } });
  });

  it('When a DOCX holds word/document.xml twice, then it is refused as damaged naming the part (the guard and mammoth could read different ones)', async () => {
    const docx = zip([...wrappers(), deflated('word/document.xml', documentXml(LETTER)), deflated('word/document.xml', documentXml('annen tekst'))]);
    expect(checkDocxArchive(docx)).toEqual({ ok: false, code: 'corrupt', reason: { key: 'let.docx.corrupt', params: { detail: { key: 'let.zip.badName', params: { name: 'word/document.xml', problem: { key: 'zip.name.duplicate' } } } } } });
    const ex = await extractText(docx, 'to.docx');
    expect(ex.ok ? '' : ex.message).toContain('the entry "word/document.xml" appears twice');
  });

  it('When a DOCX has more than 1,000 parts, then it is refused by its part count', () => {
    const parts = [...wrappers(), deflated('word/document.xml', documentXml(LETTER))];
    for (let i = 0; i < 1000; i++) parts.push(deflated(`word/media/x${i}.xml`, '<x/>'));
    expect(checkDocxArchive(zip(parts))).toMatchObject({ ok: false, code: 'too_large', reason: { key: 'let.docx.entries', params: { n: 1003, max: 1000 } } });
  });

  it('When the central directory is cut off, then the file is refused as damaged with what is wrong', async () => {
    const docx = zip([...wrappers(), deflated('word/document.xml', documentXml(LETTER))]);
    const cut = Buffer.concat([docx.subarray(0, docx.length - 60), docx.subarray(docx.length - 22)]);
    const ex = await extractText(cut, 'skadet.docx');
    expect(ex).toMatchObject({ ok: false, code: 'corrupt' });
    expect(ex.ok ? '' : ex.message).toMatch(/^The Word file skadet\.docx could not be read: its ZIP content is damaged \(.+\)\.$/);
  });

  it('When the bomb is uploaded on the letters page, then the page says in the reader\'s language that the file is too large unpacked, and stores nothing', async () => {
    const db = memoryDb();
    const planner = await agentAs(createApp({ db }), db, 'planner');
    const bytes = zip([...wrappers(), bomb], { 'word/document.xml': 1000 });
    const nb = await planner.post('/letters?lang=nb').set('Accept', 'text/html').attach('file', bytes, 'bombe.docx').expect(422);
    expect(nb.text).toContain('<td>Word-filen bombe.docx er for stor når den pakkes ut: word/document.xml pakkes ut til mer enn 20 MB, mer enn filen oppgir. Et brev kan være høyst 20 MB utpakket; lagre brevet som PDF eller fjern store bilder.</td>');
    const en = await planner.post('/letters?lang=en').set('Accept', 'text/html').attach('file', bytes, 'bombe.docx').expect(422);
    expect(en.text).toContain('<td>The Word file bombe.docx is too large when unpacked: word/document.xml unpacks to more than 20 MB, more than the file declares. A letter may be at most 20 MB unpacked; save the letter as PDF or remove large images.</td>');
    const api = await planner.post('/api/letters').attach('file', bytes, 'bombe.docx').expect(422);
    expect(api.body.items[0]).toMatchObject({ outcome: 'refused', code: 'too_large', message: expect.stringMatching(/^The Word file bombe\.docx is too large when unpacked/) });
    expect(listLetters(db)).toHaveLength(0);
  });

  it('When a batch holds the bomb and a good letter, then nothing is stored and the bomb is reported as too large', async () => {
    const db = memoryDb();
    const good = zip([...wrappers(), deflated('word/document.xml', documentXml(LETTER))]);
    const report = await intakeLetters(db, [{ name: 'god.docx', bytes: good }, { name: 'bombe.docx', bytes: zip([...wrappers(), bomb], { 'word/document.xml': 1000 }) }], { dryRun: false, by: 'kari', now: '2022-06-02T08:00:00.000Z', channel: 'cli' });
    expect(report.status).toBe('rejected');
    expect(report.items[1]).toMatchObject({ file: 'bombe.docx', outcome: 'refused', code: 'too_large', said: { key: 'let.docx.refused' } });
    expect(listLetters(db)).toHaveLength(0);
  });
});
