/**
 * Scores the letter pipeline (extract → analyse) against a fixture set's expected codes (`expected.json`):
 * accuracy per field and every mismatch. Used by the accuracy tests and by `scripts/letters-accuracy.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyseLetter, suggestJson } from '../../src/letters/analyse';
import { extractText } from '../../src/letters/extract';
import { senderIndexFor } from '../../src/letters/reference';
import { fold } from '../../src/letters/text';

export interface Expected {
  kommunenummer: string | null;
  wantsStation: string;
  offersPremises: boolean;
  premisesText: string | null;
  coLocation: string[];
  satisfied: string;
  channels: string[];
  note?: string;
}

export const fields = ['sender', 'wantsStation', 'offersPremises', 'premisesText', 'coLocation', 'satisfied', 'channels'] as const;
export type Field = (typeof fields)[number];

export interface Evaluation {
  letters: number;
  accuracy: Record<Field, number>;
  correct: Record<Field, number>;
  mismatches: { file: string; field: Field; expected: unknown; got: unknown }[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The expected premises text is found when each of its words (3+ letters) is in the suggestion. */
function premisesMatch(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  const g = fold(got);
  return fold(expected).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3).every((w) => g.includes(w));
}

export async function evaluate(dir: string): Promise<Evaluation> {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const index = senderIndexFor();
  const correct = Object.fromEntries(fields.map((f) => [f, 0])) as Record<Field, number>;
  const mismatches: Evaluation['mismatches'] = [];
  for (const [file, e] of Object.entries(expected)) {
    const extraction = await extractText(fs.readFileSync(path.join(dir, 'files', file)), file);
    if (!extraction.ok) throw new Error(`${file}: ${extraction.message}`);
    const json = suggestJson(file, analyseLetter(extraction.text, index));
    const s = json.suggestions;
    const checks: Record<Field, [boolean, unknown, unknown]> = {
      sender: [json.kommunenummer === e.kommunenummer, e.kommunenummer, `${json.kommunenummer} (${json.confidence})`],
      wantsStation: [s.wantsStation === e.wantsStation, e.wantsStation, s.wantsStation],
      offersPremises: [s.offersPremises === e.offersPremises, e.offersPremises, s.offersPremises],
      premisesText: [premisesMatch(e.premisesText, s.premisesText), e.premisesText, s.premisesText],
      coLocation: [sameSet(e.coLocation, s.coLocation), e.coLocation, s.coLocation],
      satisfied: [s.satisfied === e.satisfied, e.satisfied, s.satisfied],
      channels: [sameSet(e.channels, s.channels), e.channels, s.channels],
    };
    for (const f of fields) {
      if (checks[f][0]) correct[f]++;
      else mismatches.push({ file, field: f, expected: checks[f][1], got: checks[f][2] });
    }
  }
  const n = Object.keys(expected).length;
  const accuracy = Object.fromEntries(fields.map((f) => [f, correct[f] / n])) as Record<Field, number>;
  return { letters: n, accuracy, correct, mismatches };
}

/** A table of the evaluation for people. */
export function report(title: string, ev: Evaluation): string {
  const lines = [`${title}: ${ev.letters} letters`, ...fields.map((f) => `  ${f.padEnd(15)} ${String(ev.correct[f]).padStart(3)}/${ev.letters}  ${(ev.accuracy[f] * 100).toFixed(1)} %`)];
  for (const m of ev.mismatches) lines.push(`  ✗ ${m.file} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
  return lines.join('\n');
}
