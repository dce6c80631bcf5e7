/**
 * Validates a read answers table against the reference municipalities: one zod schema for the cells
 * of a row (enumerations, dates, numbers, text lengths), then the checks that need reference data
 * (kommunenummer or unambiguous name, duplicates, coordinates in Norway and in the municipality).
 * Pure: values in, typed rows and problems out.
 */
import { isKommunenummer, type Kommunenummer } from '../common/kommunenummer';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { distanceToAreaKm } from '../geo';
import {
  answerColumns, channelColumns, channels, importLimits, maxPremisesPerRow, premisesColumn, premisesSuffixes, templateColumns,
  type Premises, type ResponseContent,
} from '../model/answers';
import type { RawTable } from './responses-read';
import { garbledCells, rowShapeIssue } from './row-checks';
import { columnLetter, normaliseName, normaliseWord, rowCellsSchema, type IssueParams, type RowCells } from './responses-cells';
import type { Problem, ProblemCode } from './responses-problem';

export { columnLetter, normaliseName, normaliseWord, parseDate, parseNumber, rowCellsSchema } from './responses-cells';
export type { Problem, ProblemCode } from './responses-problem';

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
