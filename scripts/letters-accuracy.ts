/**
 * Prints the accuracy of the letter suggestions per field on a fixture set (default: the main test letters).
 *
 *   npx ts-node --transpile-only scripts/letters-accuracy.ts [test/fixtures/letters ...]
 */
import path from 'node:path';
import { evaluate, report } from '../test/letters/evaluate';

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  for (const d of dirs.length ? dirs : ['test/fixtures/letters']) console.log(report(path.basename(d), await evaluate(path.resolve(d))));
}

void main();
