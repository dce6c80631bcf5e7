import { readFileSync } from 'node:fs';
import { parseArgs, stringFlag } from '../args';
import { CliUsageError, type CommandFn } from '../types';
import { parseCsvRecords } from '../../common/csv';
import { AGGREGATIONS, NORMALIZATIONS, rankMatrix, type AggregationMethod, type Direction, type Normalization } from '../../engine';

export const usage = `usage: stedsvalg score --matrix FILE.csv --weights FILE.csv [--method wsm|topsis]
                       [--normalization minmax|vector|percentile|z] [--json]

  --matrix   decision matrix: an "id" column, then one numeric column per criterion
             (an empty cell is a missing value: left out of that row's score, weights renormalised)
  --weights  rows "criterion,weight,direction"; direction is "benefit" (higher is better)
             or "cost" (lower is better); weight ≥ 0
  --method   wsm (weighted sum, default) or topsis
  --normalization  default minmax for wsm, vector for topsis
Delimiter "," or ";" is detected from the header line.
`;

/** Reads a CSV file with a header, or throws a usage error naming the file. */
export function readCsvFile(path: string, label: string): ReturnType<typeof parseCsvRecords> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliUsageError(`cannot read ${label} file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return parseCsvRecords(text);
  } catch (err) {
    throw new CliUsageError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Parses a number cell, or throws naming file, line and column. Empty → NaN when `allowEmpty`. */
export function numberCell(path: string, line: number, column: string, raw: string | undefined, allowEmpty = false): number {
  const text = (raw ?? '').trim();
  if (text === '') {
    if (allowEmpty) return NaN;
    throw new CliUsageError(`${path} line ${line}, column ${column}: a number is required`);
  }
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) throw new CliUsageError(`${path} line ${line}, column ${column}: "${text}" is not a number`);
  return value;
}

function readWeights(path: string): Map<string, { weight: number; direction: Direction }> {
  const { header, records } = readCsvFile(path, 'weights');
  for (const col of ['criterion', 'weight', 'direction']) {
    if (!header.includes(col)) throw new CliUsageError(`${path}: missing column "${col}" (expected criterion,weight,direction)`);
  }
  const out = new Map<string, { weight: number; direction: Direction }>();
  for (const { line, values } of records) {
    const id = values.criterion.trim();
    if (!id) throw new CliUsageError(`${path} line ${line}, column criterion: empty criterion`);
    if (out.has(id)) throw new CliUsageError(`${path} line ${line}, column criterion: "${id}" appears twice`);
    const weight = numberCell(path, line, 'weight', values.weight);
    if (weight < 0) throw new CliUsageError(`${path} line ${line}, column weight: must be ≥ 0`);
    const direction = values.direction.trim().toLowerCase();
    if (direction !== 'benefit' && direction !== 'cost') {
      throw new CliUsageError(`${path} line ${line}, column direction: "${values.direction}" must be benefit or cost`);
    }
    out.set(id, { weight, direction });
  }
  if (out.size === 0) throw new CliUsageError(`${path}: no weights`);
  return out;
}

/** `stedsvalg score`: ranks any decision matrix by WSM or TOPSIS (see `usage`). */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const matrixPath = stringFlag(parsed, 'matrix', true);
  const weightsPath = stringFlag(parsed, 'weights', true);
  const method = (stringFlag(parsed, 'method') ?? 'wsm') as AggregationMethod;
  if (!AGGREGATIONS.includes(method)) throw new CliUsageError(`--method must be wsm or topsis, got "${method}"`);
  const normalization = (stringFlag(parsed, 'normalization') ?? (method === 'topsis' ? 'vector' : 'minmax')) as Normalization;
  if (!NORMALIZATIONS.includes(normalization)) throw new CliUsageError(`--normalization must be one of ${NORMALIZATIONS.join(', ')}, got "${normalization}"`);

  const weights = readWeights(weightsPath);
  const { header, records } = readCsvFile(matrixPath, 'matrix');
  if (header[0] !== 'id') throw new CliUsageError(`${matrixPath}: the first column must be "id"`);
  const criteria = header.slice(1);
  if (criteria.length === 0) throw new CliUsageError(`${matrixPath}: no criterion columns after "id"`);
  for (const c of criteria) if (!weights.has(c)) throw new CliUsageError(`${weightsPath}: no weight for criterion "${c}" (a column of ${matrixPath})`);
  for (const c of weights.keys()) if (!criteria.includes(c)) throw new CliUsageError(`${weightsPath}: criterion "${c}" is not a column of ${matrixPath}`);
  if (records.length === 0) throw new CliUsageError(`${matrixPath}: no rows`);
  const seen = new Set<string>();
  const values = new Float64Array(records.length * criteria.length);
  const ids = records.map(({ line, values: row }, i) => {
    const id = row.id.trim();
    if (!id) throw new CliUsageError(`${matrixPath} line ${line}, column id: empty id`);
    if (seen.has(id)) throw new CliUsageError(`${matrixPath} line ${line}, column id: "${id}" appears twice`);
    seen.add(id);
    criteria.forEach((c, j) => (values[i * criteria.length + j] = numberCell(matrixPath, line, c, row[c], true)));
    return id;
  });
  let result;
  try {
    result = rankMatrix(
      { ids, criteria: criteria.map((id) => ({ id, direction: weights.get(id)!.direction })), values },
      criteria.map((c) => weights.get(c)!.weight), { method, normalization },
    );
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.flags.json) {
    io.stdout(JSON.stringify({ method, normalization, baseline: result.baseline, items: result.items }, null, 2) + '\n');
    return 0;
  }
  io.stdout(`method ${method}, normalization ${normalization}; contributions are points${result.baseline ? ` around a baseline of ${result.baseline}` : ''}\n`);
  const width = Math.max(2, ...ids.map((id) => id.length));
  io.stdout(`${'rank'.padStart(4)}  ${'id'.padEnd(width)}  ${'score'.padStart(7)}  ${criteria.map((c) => c.padStart(Math.max(8, c.length))).join('  ')}  missing\n`);
  for (const it of result.items) {
    const parts = criteria.map((c) => it.contributions[c].toFixed(2).padStart(Math.max(8, c.length)));
    io.stdout(`${String(it.rank).padStart(4)}  ${it.id.padEnd(width)}  ${it.score.toFixed(2).padStart(7)}  ${parts.join('  ')}  ${it.missing.join(' ')}\n`);
  }
  return 0;
};
