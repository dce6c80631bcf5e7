/**
 * Validates a read answers table against the reference municipalities: one zod schema for the cells
 * of a row (enumerations, dates, numbers, text lengths), then the checks that need reference data
 * (kommunenummer or unambiguous name, duplicates, coordinates in Norway and in the municipality).
 * Pure: values in, typed rows and problems out.
 */
import { isKommunenummer, type Kommunenummer } from '../common/kommunenummer';
import { z } from 'zod';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { distanceToAreaKm } from '../geo';
import {
  answerColumns,
  areaValues,
  areaWords,
  channelColumns,
  channels,
  importLimits,
  maxPremisesPerRow,
  premisesColumn,
  premisesSuffixes,
  satisfiedWords,
  templateColumns,
  trendWords,
  wantsWords,
  type Area,
  type Premises,
  type ResponseContent,
} from '../model/answers';
import type { RawTable } from './responses-read';
import { garbledCells, rowShapeIssue } from './row-checks';

/** What went wrong, as a stable code; the message text comes from the i18n dictionary (`import.problem.<code>`). */
export type ProblemCode =
  | 'file_unreadable'
  | 'file_too_large'
  | 'no_rows'
  | 'too_many_rows'
  | 'missing_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'missing_kommune'
  | 'malformed_kommunenummer'
  | 'kommunenummer_padded'
  | 'unknown_kommunenummer'
  | 'unknown_name'
  | 'ambiguous_name'
  | 'name_mismatch'
  | 'duplicate_kommune'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_number'
  | 'negative_number'
  | 'text_too_long'
  | 'premises_address_missing'
  | 'coordinate_missing'
  | 'coordinates_swapped'
  | 'outside_norway'
  | 'outside_municipality'
  | 'premises_without_wish'
  | 'row_width'
  | 'cells_beyond_header'
  | 'mixed_encoding'
  | 'mojibake'
  | 'sheet_range'
  | 'sheet_rows_beyond'
  | 'workbook_too_large';

/** One finding about the file, located by spreadsheet row and column (letter) and column name. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Spreadsheet row (1 = header); null for the file as a whole. */
  row: number | null;
  /** Spreadsheet column letter (`A`, `B`, … `AK`), or null. */
  column: string | null;
  /** Column name (e.g. `sp2_fornoyd`), or null. */
  field: string | null;
  code: ProblemCode;
  /** Values for the message template (`{value}`, `{allowed}`, …). */
  params: Record<string, string>;
}

/** A municipality as the validator needs it. */
export interface ReferenceMunicipality {
  kommunenummer: Kommunenummer;
  name: string;
}

export interface ValidationReference {
  municipalities: readonly ReferenceMunicipality[];
  /** Boundary geometry per kommunenummer (for the premises-inside-municipality warning). */
  boundaries: ReadonlyMap<string, unknown>;
}

/** A valid row: its spreadsheet row number and the answer it holds. */
export interface ValidRow {
  row: number;
  content: ResponseContent;
}

export interface ValidationResult {
  rows: ValidRow[];
  problems: Problem[];
  /** Spreadsheet rows with at least one error. */
  rejectedRows: number[];
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Lower-case, single spaces and hyphens as `_`: `Som i dag` → `som_i_dag`. */
export function normaliseWord(s: string): string {
  return s.normalize('NFC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Normalises a name for matching: NFC, lower case, single spaces. */
export function normaliseName(s: string): string {
  return s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Parses a number as Norwegian Excel writes it (`1 234,5`, `1.234,5`) or as plain `1234.5`.
 * @returns the number, or null when the text is not a number
 */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let canonical: string | null = null;
  if (/^[-+]?\d+([.,]\d+)?$/.test(s)) canonical = s.replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) canonical = s.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) canonical = s.replace(/,/g, '');
  if (canonical === null) return null;
  const n = Number(canonical);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses a date as `dd.mm.yyyy` (Norwegian Excel), `dd/mm/yyyy`, or ISO `yyyy-mm-dd` (optionally with a time).
 * @returns ISO `yyyy-mm-dd`, or null when the text is not a real calendar date
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- cell schemas (zod)

type IssueParams = { problem: ProblemCode } & Record<string, string>;

function fail(ctx: z.RefinementCtx, params: IssueParams): never {
  ctx.addIssue({ code: z.ZodIssueCode.custom, params });
  return z.NEVER;
}

const textCell = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const text = s.replace(/\r\n?/g, '\n').trim();
    if (text.length > importLimits.maxTextChars) fail(ctx, { problem: 'text_too_long', max: String(importLimits.maxTextChars) });
    return text;
  });

function enumCell<T extends string>(words: Record<string, T>, empty: T) {
  return z
    .string()
    .default('')
    .transform((s, ctx): T => {
      const w = normaliseWord(s);
      if (w === '') return empty;
      if (Object.prototype.hasOwnProperty.call(words, w)) return words[w];
      return fail(ctx, { problem: 'invalid_value', value: s.trim(), allowed: Object.keys(words).join(', ') });
    });
}

const areasCell = z
  .string()
  .default('')
  .transform((s, ctx): Area[] => {
    const found = new Set<Area>();
    for (const part of s.split(/[,;/]/)) {
      const w = normaliseWord(part);
      if (w === '') continue;
      const area = Object.prototype.hasOwnProperty.call(areaWords, w) ? areaWords[w] : undefined;
      if (!area) return fail(ctx, { problem: 'invalid_value', value: part.trim(), allowed: Object.keys(areaWords).join(', ') });
      found.add(area);
    }
    return areaValues.filter((a) => found.has(a));
  });

const dateCell = z
  .string()
  .default('')
  .transform((s, ctx): string | null => {
    if (s.trim() === '') return null;
    return parseDate(s) ?? fail(ctx, { problem: 'invalid_date', value: s.trim() });
  });

const numberCell = (min: 'any' | 'nonNegative') =>
  z
    .string()
    .default('')
    .transform((s, ctx): number | null => {
      if (s.trim() === '') return null;
      const n = parseNumber(s);
      if (n === null) return fail(ctx, { problem: 'invalid_number', value: s.trim() });
      if (min === 'nonNegative' && n < 0) return fail(ctx, { problem: 'negative_number', value: s.trim() });
      return n;
    });

const premisesCells = Object.fromEntries(
  Array.from({ length: maxPremisesPerRow }, (_, i) => i + 1).flatMap((n) => [
    [premisesColumn(n, 'adresse'), textCell],
    [premisesColumn(n, 'lat'), numberCell('any')],
    [premisesColumn(n, 'lon'), numberCell('any')],
    [premisesColumn(n, 'samlokalisert_med'), textCell],
    [premisesColumn(n, 'areal_m2'), numberCell('nonNegative')],
    [premisesColumn(n, 'ledig_fra'), dateCell],
    [premisesColumn(n, 'arlig_kostnad_nok'), numberCell('nonNegative')],
    [premisesColumn(n, 'merknad'), textCell],
  ]),
) as Record<string, z.ZodTypeAny>;

/** The cells of one row, by column name (the kommune columns are resolved separately). */
export const rowCellsSchema = z.object({
  kommunenummer: z.string().default(''),
  kommunenavn: z.string().default(''),
  mottatt_dato: dateCell,
  sp1_utfordringer: textCell,
  sp1_omrader: areasCell,
  sp2_fornoyd: enumCell(satisfiedWords, 'not_answered'),
  sp2_begrunnelse: textCell,
  sp3_samarbeid: textCell,
  sp3_ressurser: textCell,
  sp4_tjenestested: enumCell(trendWords, 'not_answered'),
  sp4_tilstedevaerelse: enumCell(trendWords, 'not_answered'),
  sp4_oppmote: enumCell(trendWords, 'not_answered'),
  sp4_telefon: enumCell(trendWords, 'not_answered'),
  sp4_internett: enumCell(trendWords, 'not_answered'),
  sp4_kommentar: textCell,
  sp5_onsker_tjenestested: enumCell(wantsWords, 'not_answered'),
  ...premisesCells,
});

type RowCells = z.output<typeof rowCellsSchema>;

// ---------------------------------------------------------------- phases

export interface Columns {
  /** column name → 1-based index in the file */
  index: Map<string, number>;
  problems: Problem[];
}

function problem(severity: Problem['severity'], row: number | null, columns: Columns | null, field: string | null, code: ProblemCode, params: Record<string, string> = {}): Problem {
  const idx = field && columns ? columns.index.get(field) : undefined;
  return { severity, row, column: idx ? columnLetter(idx) : null, field, code, params };
}

function checkHeader(header: readonly string[]): Columns {
  const columns: Columns = { index: new Map(), problems: [] };
  const known = new Set(templateColumns);
  header.forEach((raw, i) => {
    const name = normaliseWord(raw);
    if (name === '') return;
    if (columns.index.has(name)) {
      columns.problems.push({ severity: 'error', row: 1, column: columnLetter(i + 1), field: name, code: 'duplicate_column', params: { value: raw } });
      return;
    }
    columns.index.set(name, i + 1);
    if (!known.has(name)) columns.problems.push({ severity: 'warning', row: 1, column: columnLetter(i + 1), field: name, code: 'unknown_column', params: { value: raw } });
  });
  for (const name of answerColumns) {
    if (!columns.index.has(name)) columns.problems.push({ severity: 'error', row: 1, column: null, field: name, code: 'missing_column', params: {} });
  }
  return columns;
}

/** Index of normalised names (full name and each ` - ` part, e.g. the Sámi and Norwegian names) → kommunenummer. */
function nameIndex(municipalities: readonly ReferenceMunicipality[]): Map<string, Kommunenummer[]> {
  const index = new Map<string, Kommunenummer[]>();
  const add = (key: string, knr: Kommunenummer) => {
    const list = index.get(key) ?? [];
    if (!list.includes(knr)) list.push(knr);
    index.set(key, list);
  };
  for (const m of municipalities) {
    add(normaliseName(m.name), m.kommunenummer);
    for (const part of m.name.split(' - ')) add(normaliseName(part), m.kommunenummer);
  }
  return index;
}

export interface Lookup {
  byNumber: Map<string, ReferenceMunicipality>;
  byName: Map<string, Kommunenummer[]>;
}

function resolveKommune(row: number, cols: Columns, cells: RowCells, lookup: Lookup, problems: Problem[]): Kommunenummer | null {
  const rawNumber = cells.kommunenummer.trim();
  const rawName = cells.kommunenavn.trim();
  let knr: Kommunenummer | null = null;
  if (rawNumber !== '') {
    let candidate = rawNumber;
    if (/^\d{3}$/.test(rawNumber)) {
      candidate = `0${rawNumber}`;
      problems.push(problem('warning', row, cols, 'kommunenummer', 'kommunenummer_padded', { value: rawNumber, fixed: candidate }));
    }
    if (!isKommunenummer(candidate)) {
      problems.push(problem('error', row, cols, 'kommunenummer', 'malformed_kommunenummer', { value: rawNumber }));
      return null;
    }
    if (!lookup.byNumber.has(candidate)) {
      problems.push(problem('error', row, cols, 'kommunenummer', 'unknown_kommunenummer', { value: candidate }));
      return null;
    }
    knr = candidate;
    if (rawName !== '' && !(lookup.byName.get(normaliseName(rawName)) ?? []).includes(knr)) {
      const expected = lookup.byNumber.get(knr)?.name ?? '';
      problems.push(problem('error', row, cols, 'kommunenavn', 'name_mismatch', { value: rawName, kommunenummer: knr, expected }));
      return null;
    }
    return knr;
  }
  if (rawName === '') {
    problems.push(problem('error', row, cols, 'kommunenummer', 'missing_kommune'));
    return null;
  }
  const matches = lookup.byName.get(normaliseName(rawName)) ?? [];
  if (matches.length === 0) {
    problems.push(problem('error', row, cols, 'kommunenavn', 'unknown_name', { value: rawName }));
    return null;
  }
  if (matches.length > 1) {
    const candidates = matches.map((k) => `${k} ${lookup.byNumber.get(k)?.name ?? ''}`).join(', ');
    problems.push(problem('error', row, cols, 'kommunenavn', 'ambiguous_name', { value: rawName, candidates }));
    return null;
  }
  return matches[0];
}

type Cell = string | number | null;

function readPremises(row: number, cols: Columns, cells: RowCells, knr: string | null, ref: ValidationReference, problems: Problem[]): Premises[] {
  const out: Premises[] = [];
  const { norway, polygonToleranceKm } = importLimits;
  const inBox = (lon: number, lat: number) => lon >= norway.minLon && lon <= norway.maxLon && lat >= norway.minLat && lat <= norway.maxLat;
  for (let n = 1; n <= maxPremisesPerRow; n++) {
    const get = (s: (typeof premisesSuffixes)[number]) => (cells as unknown as Record<string, Cell>)[premisesColumn(n, s)];
    const filled = premisesSuffixes.some((s) => {
      const v = get(s);
      return v !== null && v !== '';
    });
    if (!filled) continue;
    const address = String(get('adresse') ?? '');
    if (address === '') problems.push(problem('error', row, cols, premisesColumn(n, 'adresse'), 'premises_address_missing', { n: String(n) }));
    const lat = get('lat') as number | null;
    const lon = get('lon') as number | null;
    if ((lat === null) !== (lon === null)) {
      const missing = premisesColumn(n, lat === null ? 'lat' : 'lon');
      problems.push(problem('error', row, cols, missing, 'coordinate_missing', { n: String(n) }));
    } else if (lat !== null && lon !== null) {
      if (!inBox(lon, lat)) {
        const swapped = inBox(lat, lon);
        problems.push(problem('error', row, cols, premisesColumn(n, 'lat'), swapped ? 'coordinates_swapped' : 'outside_norway', { lat: String(lat), lon: String(lon) }));
      } else if (knr) {
        const geometry = ref.boundaries.get(knr) as Geometry | undefined;
        if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
          const km = distanceToAreaKm([lon, lat], { type: 'Feature', properties: {}, geometry: geometry as Polygon | MultiPolygon });
          if (km > polygonToleranceKm) {
            problems.push(problem('warning', row, cols, premisesColumn(n, 'lat'), 'outside_municipality', { distance: km.toFixed(1), tolerance: String(polygonToleranceKm) }));
          }
        }
      }
    }
    out.push({
      address,
      lon,
      lat,
      coLocatedWith: String(get('samlokalisert_med') ?? ''),
      floorAreaM2: get('areal_m2') as number | null,
      availableFrom: get('ledig_fra') as string | null,
      yearlyCostNok: get('arlig_kostnad_nok') as number | null,
      notes: String(get('merknad') ?? ''),
    });
  }
  return out;
}

function toContent(knr: Kommunenummer, c: RowCells, premises: Premises[]): ResponseContent {
  const q4 = Object.fromEntries(channels.map((ch) => [ch, (c as Record<string, unknown>)[channelColumns[ch]]])) as ResponseContent['q4'];
  return {
    kommunenummer: knr,
    receivedDate: c.mottatt_dato,
    q1: { challenges: c.sp1_utfordringer, areas: c.sp1_omrader },
    q2: { satisfied: c.sp2_fornoyd, reasons: c.sp2_begrunnelse },
    q3: { cooperation: c.sp3_samarbeid, resources: c.sp3_ressurser },
    q4: { ...q4, comment: c.sp4_kommentar },
    q5: { wantsStation: c.sp5_onsker_tjenestested, premises },
  };
}

/**
 * Validates one row given as column name → text (the correction form uses this directly).
 * @returns the content when the row has no errors, else null; problems are appended to `problems`
 */
export function validateRecord(row: number, record: Record<string, string>, ref: ValidationReference, problems: Problem[], cols: Columns = { index: new Map(), problems: [] }, lookup: Lookup = makeLookup(ref)): ResponseContent | null {
  const before = problems.filter((p) => p.severity === 'error').length;
  problems.push(...mojibakeProblems(row, record, cols));
  const parsed = rowCellsSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const params = (issue as { params?: IssueParams }).params;
      const field = String(issue.path[0] ?? '');
      const { problem: code = 'invalid_value', ...rest } = params ?? { problem: 'invalid_value' as const };
      problems.push(problem('error', row, cols, field, code, rest));
    }
  }
  const cells = parsed.success ? parsed.data : null;
  const knr = resolveKommune(row, cols, (cells ?? { kommunenummer: record.kommunenummer ?? '', kommunenavn: record.kommunenavn ?? '' }) as RowCells, lookup, problems);
  if (!cells) return null;
  const premises = readPremises(row, cols, cells, knr, ref, problems);
  if (premises.length > 0 && cells.sp5_onsker_tjenestested !== 'yes') {
    problems.push(problem('warning', row, cols, 'sp5_onsker_tjenestested', 'premises_without_wish'));
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return knr && errors === before ? toContent(knr, cells, premises) : null;
}

function makeLookup(ref: ValidationReference): Lookup {
  return { byNumber: new Map(ref.municipalities.map((m) => [m.kommunenummer, m])), byName: nameIndex(ref.municipalities) };
}

/** A row whose cells do not line up with the header (see `rowShapeIssue`), as a problem. */
function widthProblem(table: RawTable, row: number, cells: readonly string[]): Problem | null {
  const issue = rowShapeIssue(table.format, table.header.length, cells);
  if (!issue) return null;
  if (issue.code === 'row_width') {
    return { severity: 'error', row, column: null, field: null, code: 'row_width', params: { count: String(issue.count), expected: String(issue.expected) } };
  }
  const column = columnLetter(issue.lastColumn);
  return { severity: 'error', row, column, field: null, code: 'cells_beyond_header', params: { column } };
}

function mojibakeProblems(row: number, record: Record<string, string>, cols: Columns): Problem[] {
  return garbledCells(record).map(({ field, excerpt }) => problem('error', row, cols, field, 'mojibake', { value: excerpt }));
}

/**
 * Validates every row of a table. Each problem names its row, column letter and column name.
 * A premises point outside its municipality's polygon beyond the tolerance is a warning, not an error.
 */
export function validateTable(table: RawTable, ref: ValidationReference): ValidationResult {
  const cols = checkHeader(table.header);
  const problems: Problem[] = [...cols.problems];
  const rows: ValidRow[] = [];
  const rejected = new Set<number>();
  const total = table.totalRows ?? table.rows.length;
  if (total === 0) problems.push(problem('error', null, null, null, 'no_rows'));
  if (total > importLimits.maxRows) {
    problems.push(problem('error', null, null, null, 'too_many_rows', { count: String(total), max: String(importLimits.maxRows) }));
  }
  if (problems.some((p) => p.severity === 'error')) return { rows, problems, rejectedRows: [] };
  const lookup = makeLookup(ref);
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const width = widthProblem(table, row, cells);
    if (width) {
      problems.push(width);
      rejected.add(row);
      continue;
    }
    const record: Record<string, string> = {};
    for (const [name, idx] of cols.index) record[name] = cells[idx - 1] ?? '';
    const rowProblems: Problem[] = [];
    const content = validateRecord(row, record, ref, rowProblems, cols, lookup);
    if (content) {
      const first = seen.get(content.kommunenummer);
      if (first !== undefined) {
        rowProblems.push(problem('error', row, cols, 'kommunenummer', 'duplicate_kommune', { value: content.kommunenummer, first: String(first) }));
      } else {
        seen.set(content.kommunenummer, row);
        rows.push({ row, content });
      }
    }
    if (rowProblems.some((p) => p.severity === 'error')) rejected.add(row);
    problems.push(...rowProblems);
  }
  return { rows, problems, rejectedRows: [...rejected].sort((a, b) => a - b) };
}
