/**
 * The inverse of validation: an answer as one row of the Norwegian file format (the columns of the
 * template), so that writing then importing gives back the same answer.
 */
import type { Kommunenummer } from '../common/kommunenummer';
import { toCsv } from '../common/csv';
import {
  areaWords,
  channelColumns,
  channels,
  maxPremisesPerRow,
  premisesColumn,
  satisfiedWords,
  templateColumns,
  trendWords,
  wantsWords,
  wordFor,
  type ResponseContent,
} from '../model/answers';

/** ISO `yyyy-mm-dd` → `dd.mm.yyyy` as Norwegian Excel shows it. */
export function norwegianDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** A number with a decimal comma (`63,4305`), as Norwegian Excel writes it. */
export function norwegianNumber(n: number | null): string {
  return n === null ? '' : String(n).replace('.', ',');
}

/**
 * One answer as a file record keyed by template column.
 * @param name the municipality's name (written to `kommunenavn`)
 * @throws Error when the answer has more premises than a row can hold
 */
export function contentToRecord(c: ResponseContent, name: string): Record<string, string> {
  if (c.q5.premises.length > maxPremisesPerRow) throw new Error(`an answer row holds at most ${maxPremisesPerRow} premises, got ${c.q5.premises.length}`);
  const r: Record<string, string> = Object.fromEntries(templateColumns.map((col) => [col, '']));
  Object.assign(r, {
    kommunenummer: c.kommunenummer,
    kommunenavn: name,
    mottatt_dato: norwegianDate(c.receivedDate),
    sp1_utfordringer: c.q1.challenges,
    sp1_omrader: c.q1.areas.map((a) => wordFor(areaWords, a)).join(', '),
    sp2_fornoyd: wordFor(satisfiedWords, c.q2.satisfied),
    sp2_begrunnelse: c.q2.reasons,
    sp3_samarbeid: c.q3.cooperation,
    sp3_ressurser: c.q3.resources,
    sp4_kommentar: c.q4.comment,
    sp5_onsker_tjenestested: wordFor(wantsWords, c.q5.wantsStation),
  });
  for (const ch of channels) r[channelColumns[ch]] = wordFor(trendWords, c.q4[ch]);
  c.q5.premises.forEach((p, i) => {
    const n = i + 1;
    r[premisesColumn(n, 'adresse')] = p.address;
    r[premisesColumn(n, 'lat')] = norwegianNumber(p.lat);
    r[premisesColumn(n, 'lon')] = norwegianNumber(p.lon);
    r[premisesColumn(n, 'samlokalisert_med')] = p.coLocatedWith;
    r[premisesColumn(n, 'areal_m2')] = norwegianNumber(p.floorAreaM2);
    r[premisesColumn(n, 'ledig_fra')] = norwegianDate(p.availableFrom);
    r[premisesColumn(n, 'arlig_kostnad_nok')] = norwegianNumber(p.yearlyCostNok);
    r[premisesColumn(n, 'merknad')] = p.notes;
  });
  return r;
}

/**
 * Answers as a semicolon-separated CSV in UTF-8 with BOM (what Excel opens with æøå intact).
 * @param nameOf kommunenummer → municipality name
 */
export function answersToCsv(answers: readonly ResponseContent[], nameOf: (kommunenummer: Kommunenummer) => string): string {
  const rows = answers.map((c) => {
    const r = contentToRecord(c, nameOf(c.kommunenummer));
    return templateColumns.map((col) => r[col]);
  });
  return '\ufeff' + toCsv([templateColumns, ...rows], ';');
}
