/** Deterministic file output: UTF-8, LF, trailing newline; sha256 for `data/vintage.json`. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Feature } from 'geojson';

export function writeText(dir: string, file: string, text: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), text.endsWith('\n') ? text : text + '\n', 'utf8');
}

/** A FeatureCollection with one feature per line (compact but diffable). */
export function formatFeatureCollection(features: readonly Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

export function sha256File(dir: string, file: string): string {
  return createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
}
