/**
 * Builds the place-name data the letters' sender matching reads (issue 13):
 *
 * - `data/municipality-history.csv`: every municipality code and name in use 2013–2023 (the structures before
 *   the 2020 reform and before the 2024 county split) with its county then and its 2024 successor(s).
 * - `data/gazetteer.csv`: names that point at a 2024 municipality: its name (and each part of a Sámi/Kven
 *   double name), administrative centre, former municipality names, postal places, postcodes and the
 *   municipality's web/e-mail domain.
 *
 * Sources (attribution in data/SOURCES.md, "Letters: gazetteer and historical codes"):
 *   data/municipalities.csv (this project, 2024 structure),
 *   ../shared/data/bolstad-postnummer-koordinatar-2020.tsv (Erik Bolstad; 2020 codes, names and fylker),
 *   ../shared/data/aprestmo-postal-codes-2026.json and aprestmo-municipalities-2025.json (aprestmo/norway-geodata),
 *   scripts/gazetteer/kommuner-for-2020.tsv (SSB KLASS 131 changes 2013–2020, transcribed).
 *
 *   npx ts-node --transpile-only scripts/build-gazetteer.ts [--shared ../shared/data]
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatCsv, parseCsv } from './data/csv';

const root = path.resolve(__dirname, '..');
const argShared = process.argv.indexOf('--shared');
const shared = argShared > 0 ? path.resolve(process.argv[argShared + 1]) : path.resolve(root, '..', 'shared', 'data');

interface Kommune2024 { kommunenummer: string; name: string; county: string; adminCentre: string }

/** Successor counties of the 2020–2023 counties that were split on 1 January 2024. */
const splitCounties: Record<string, readonly string[]> = { '30': ['31', '32', '33'], '38': ['39', '40'], '54': ['55', '56'] };

/** County of a code in the structures before 2020 (two first digits). */
const countiesBefore2020: Record<string, string> = {
  '01': 'Østfold', '02': 'Akershus', '03': 'Oslo', '04': 'Hedmark', '05': 'Oppland', '06': 'Buskerud', '07': 'Vestfold',
  '08': 'Telemark', '09': 'Aust-Agder', '10': 'Vest-Agder', '11': 'Rogaland', '12': 'Hordaland', '14': 'Sogn og Fjordane',
  '15': 'Møre og Romsdal', '16': 'Sør-Trøndelag', '17': 'Nord-Trøndelag', '18': 'Nordland', '19': 'Troms', '20': 'Finnmark',
  '50': 'Trøndelag',
};

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const nameParts = (name: string): string[] => [name, ...name.split(/ [-–] /).map((p) => p.trim())].filter((p, i, a) => p && a.indexOf(p) === i);

function readKommuner(): Kommune2024[] {
  return parseCsv(fs.readFileSync(path.join(root, 'data', 'municipalities.csv'), 'utf8')).map((r) => ({
    kommunenummer: r.kommunenummer, name: r.name, county: r.county_name, adminCentre: r.admin_centre,
  }));
}

interface BolstadRow { postnummer: string; place: string; use: string; code2020: string; kommune: string; county: string }

function readBolstad(): BolstadRow[] {
  const text = fs.readFileSync(path.join(shared, 'bolstad-postnummer-koordinatar-2020.tsv'), 'utf8');
  return parseCsv(text, '\t').map((r) => ({
    postnummer: r.POSTNR, place: r.POSTSTAD, use: r['BRUKSOMRÅDE'], code2020: r.KOMMNR.padStart(4, '0'), kommune: r.KOMMUNE, county: r.FYLKE,
  }));
}

/** Maps a 2020–2023 code (with its name) to its 2024 code(s): same code, or by name within the successor counties. */
function makeRecoder2020(kommuner: readonly Kommune2024[]) {
  const byCode = new Map(kommuner.map((k) => [k.kommunenummer, k]));
  const byCountyName = new Map<string, string>();
  for (const k of kommuner) for (const p of nameParts(k.name)) byCountyName.set(`${k.kommunenummer.slice(0, 2)}|${norm(p)}`, k.kommunenummer);
  return (code: string, name: string): string[] => {
    // Ålesund (1507, 2020–2023) was split on 1.1.2024 into Ålesund (1508) and Haram (1580).
    if (code === '1507') return ['1508', '1580'];
    const successors = splitCounties[code.slice(0, 2)];
    if (successors) {
      for (const f of successors) for (const p of nameParts(name)) {
        const hit = byCountyName.get(`${f}|${norm(p)}`);
        if (hit) return [hit];
      }
      throw new Error(`history: cannot map ${code} ${name} to a 2024 municipality`);
    }
    if (byCode.has(code)) return [code];
    return [];
  };
}

interface HistoryRow { code: string; name: string; county: string; period: string; kommunenummer: string; [k: string]: string }

function buildHistory(kommuner: readonly Kommune2024[], bolstad: readonly BolstadRow[]): { rows: HistoryRow[]; to2024: Map<string, string[]> } {
  const recode = makeRecoder2020(kommuner);
  const rows: HistoryRow[] = [];
  const to2024 = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const b of bolstad) {
    if (seen.has(b.code2020)) continue;
    seen.add(b.code2020);
    const targets = recode(b.code2020, b.kommune);
    if (targets.length === 0) continue; // Svalbard, Jan Mayen
    to2024.set(b.code2020, targets);
    for (const t of targets) rows.push({ code: b.code2020, name: b.kommune, county: b.county, period: '2020-2023', kommunenummer: t });
  }
  const tsv = fs.readFileSync(path.join(root, 'scripts', 'gazetteer', 'kommuner-for-2020.tsv'), 'utf8')
    .split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).join('\n');
  for (const r of parseCsv(tsv, '\t')) {
    let targets = to2024.get(r.code_2020);
    if (!targets) throw new Error(`history: ${r.code} ${r.name} points at unknown 2020 code ${r.code_2020}`);
    // Haram (1534 before 2020) came back as 1580 in 2024; the rest of 2020–2023 Ålesund is 1508.
    if (r.code_2020 === '1507') targets = [r.code === '1534' ? '1580' : '1508'];
    const county = countiesBefore2020[r.code.slice(0, 2)];
    if (!county) throw new Error(`history: no county for code ${r.code}`);
    for (const t of targets) rows.push({ code: r.code, name: r.name, county, period: 'before-2020', kommunenummer: t });
  }
  return { rows: dedupe(rows, (r) => `${r.code}|${r.period}|${r.kommunenummer}`), to2024 };
}

interface GazetteerRow { name: string; kind: string; kommunenummer: string; [k: string]: string }

function dedupe<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(key(r)) ? false : (seen.add(key(r)), true)));
}

/** "OSLO" → "Oslo", "MO I RANA" → "Mo i Rana"; names already in mixed case are kept. */
function placeCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const small = new Set(['i', 'på', 'og', 'ved']);
  return s.toLowerCase().split(/(\s+|-)/).map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function buildGazetteer(kommuner: readonly Kommune2024[], history: readonly HistoryRow[], bolstad: readonly BolstadRow[], to2024: Map<string, string[]>): GazetteerRow[] {
  const rows: GazetteerRow[] = [];
  const current = new Set(kommuner.map((k) => k.kommunenummer));
  for (const k of kommuner) {
    for (const p of nameParts(k.name)) rows.push({ name: p, kind: 'kommune', kommunenummer: k.kommunenummer });
    if (k.adminCentre) rows.push({ name: k.adminCentre, kind: 'admin_centre', kommunenummer: k.kommunenummer });
  }
  const currentNames = new Map(kommuner.map((k) => [k.kommunenummer, new Set(nameParts(k.name).map(norm))]));
  for (const h of history) {
    for (const p of nameParts(h.name)) {
      if (currentNames.get(h.kommunenummer)?.has(norm(p))) continue;
      rows.push({ name: p, kind: 'former_kommune', kommunenummer: h.kommunenummer });
    }
  }
  const postal2026 = JSON.parse(fs.readFileSync(path.join(shared, 'aprestmo-postal-codes-2026.json'), 'utf8')) as { code: string; place: string; id: string }[];
  const code2026 = new Map<string, string>();
  for (const p of postal2026) {
    const knr = p.id.padStart(4, '0');
    if (!current.has(knr)) continue;
    code2026.set(p.code, knr);
    rows.push({ name: placeCase(p.place), kind: 'postal_place', kommunenummer: knr });
    rows.push({ name: p.code, kind: 'postcode', kommunenummer: knr });
  }
  for (const b of bolstad) {
    if (b.use === 'Historisk' || /ikkje i bruk/i.test(b.place)) continue;
    const targets = b.code2020 === '1507' ? [code2026.get(b.postnummer) ?? '1508'] : to2024.get(b.code2020) ?? [];
    for (const t of targets) {
      rows.push({ name: placeCase(b.place), kind: 'postal_place', kommunenummer: t });
      if (!code2026.has(b.postnummer)) rows.push({ name: b.postnummer, kind: 'postcode', kommunenummer: t });
    }
  }
  const munis = JSON.parse(fs.readFileSync(path.join(shared, 'aprestmo-municipalities-2025.json'), 'utf8')) as { id: string; url: string }[];
  for (const m of munis) {
    const domain = (m.url ?? '').replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '').toLowerCase();
    if (domain && current.has(m.id)) rows.push({ name: domain, kind: 'web_domain', kommunenummer: m.id });
  }
  const order = ['kommune', 'admin_centre', 'former_kommune', 'postal_place', 'postcode', 'web_domain'];
  return dedupe(rows, (r) => `${r.kind}|${norm(r.name)}|${r.kommunenummer}`).sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name, 'nb') || a.kommunenummer.localeCompare(b.kommunenummer),
  );
}

function main(): void {
  if (!fs.existsSync(shared)) throw new Error(`raw data folder ${shared} not found (pass --shared DIR)`);
  const kommuner = readKommuner();
  const bolstad = readBolstad();
  const { rows: history, to2024 } = buildHistory(kommuner, bolstad);
  const gazetteer = buildGazetteer(kommuner, history, bolstad, to2024);
  const historySorted = [...history].sort((a, b) => (a.period === b.period ? a.code.localeCompare(b.code) : a.period === 'before-2020' ? -1 : 1));
  fs.writeFileSync(path.join(root, 'data', 'municipality-history.csv'), formatCsv(['code', 'name', 'county', 'period', 'kommunenummer'], historySorted));
  fs.writeFileSync(path.join(root, 'data', 'gazetteer.csv'), formatCsv(['name', 'kind', 'kommunenummer'], gazetteer));
  const kinds = gazetteer.reduce<Record<string, number>>((acc, r) => ((acc[r.kind] = (acc[r.kind] ?? 0) + 1), acc), {});
  console.log(`municipality-history.csv: ${history.length} rows; gazetteer.csv: ${gazetteer.length} rows ${JSON.stringify(kinds)}`);
}

main();
