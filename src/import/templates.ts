/**
 * Downloadable templates for the answers file: a CSV (semicolon, UTF-8 with BOM, as Norwegian Excel
 * opens it) and an XLSX with a sheet "Svar" (drop-down lists on the enumerations) and a sheet
 * "Gyldige verdier" describing every column and its allowed values, in Norwegian.
 */
import ExcelJS from 'exceljs';
import { toCsv } from '../common/csv';
import {
  answerColumns,
  areaWords,
  importLimits,
  maxPremisesPerRow,
  premisesColumn,
  premisesSuffixes,
  satisfiedWords,
  templateColumns,
  trendWords,
  wantsWords,
  type PremisesSuffix,
} from '../model/answers';

/** What one column holds and which values it accepts, in Norwegian. */
export interface ColumnDoc {
  column: string;
  description: string;
  allowed: string;
  example: string;
}

const trendAllowed = Object.keys(trendWords).join(', ');
const premisesDocs: Record<PremisesSuffix, Omit<ColumnDoc, 'column'>> = {
  adresse: { description: 'Spm. 5: adressen til lokalet kommunen tilbyr (påkrevd når andre lokale-kolonner er fylt ut)', allowed: 'fritekst', example: 'Rådhusgata 1' },
  lat: { description: 'Breddegrad (WGS84), valgfri; må ligge i Norge', allowed: `tall ${importLimits.norway.minLat}–${importLimits.norway.maxLat}, desimalkomma eller -punktum`, example: '63,4305' },
  lon: { description: 'Lengdegrad (WGS84), valgfri; må ligge i Norge', allowed: `tall ${importLimits.norway.minLon}–${importLimits.norway.maxLon}`, example: '10,3951' },
  samlokalisert_med: { description: 'Andre kommunale tjenester lokalet deles med (f.eks. rådhus, brannvesen, NAV, helsesenter)', allowed: 'fritekst', example: 'rådhus, NAV' },
  areal_m2: { description: 'Areal i kvadratmeter', allowed: 'tall > 0', example: '120' },
  ledig_fra: { description: 'Dato lokalet er ledig fra', allowed: 'dd.mm.åååå eller åååå-mm-dd', example: '01.01.2023' },
  arlig_kostnad_nok: { description: 'Årlig kostnad for politiet i kroner (0 = gratis)', allowed: 'tall ≥ 0', example: '150 000' },
  merknad: { description: 'Merknad om lokalet', allowed: 'fritekst', example: 'Egen inngang' },
};

/** Column documentation for the "Gyldige verdier" sheet and the README. */
export const columnDocs: readonly ColumnDoc[] = [
  { column: 'kommunenummer', description: 'Kommunenummer (4 sifre, inndelingen fra 2024). Kan stå tomt når kommunenavn er entydig', allowed: '0301 … 5636', example: '5001' },
  { column: 'kommunenavn', description: 'Kommunenavn; må passe med kommunenummeret når begge er fylt ut', allowed: 'navnet slik SSB/Kartverket skriver det', example: 'Trondheim - Tråante' },
  { column: 'mottatt_dato', description: 'Datoen departementet mottok svaret', allowed: 'dd.mm.åååå eller åååå-mm-dd', example: '30.05.2022' },
  { column: 'sp1_utfordringer', description: 'Spm. 1: utfordringer innen forebygging, beredskap og sivile tjenester', allowed: 'fritekst', example: 'Økende ungdomskriminalitet …' },
  { column: 'sp1_omrader', description: 'Spm. 1: hvilke områder svaret gjelder (kommaseparert)', allowed: Object.keys(areaWords).join(', '), example: 'forebygging, beredskap' },
  { column: 'sp2_fornoyd', description: 'Spm. 2: tilfreds med bemanningsutvikling, tjenestestedstruktur og tjenestetilbud', allowed: Object.keys(satisfiedWords).join(', '), example: 'delvis' },
  { column: 'sp2_begrunnelse', description: 'Spm. 2: årsakene når kommunen ikke er tilfreds', allowed: 'fritekst', example: 'Lang responstid …' },
  { column: 'sp3_samarbeid', description: 'Spm. 3: hvordan samarbeidet kan videreutvikles', allowed: 'fritekst', example: 'Politiråd hvert kvartal …' },
  { column: 'sp3_ressurser', description: 'Spm. 3: ressurser kommunen kan avsette', allowed: 'fritekst', example: 'SLT-koordinator i 50 % stilling' },
  { column: 'sp4_tjenestested', description: 'Spm. 4: ønsket tilgjengelighet via et tjenestested i politiet', allowed: trendAllowed, example: 'mer' },
  { column: 'sp4_tilstedevaerelse', description: 'Spm. 4: via fysisk tilstedeværelse annet sted enn på et tjenestested', allowed: trendAllowed, example: 'mer' },
  { column: 'sp4_oppmote', description: 'Spm. 4: via fysisk oppmøte', allowed: trendAllowed, example: 'som_i_dag' },
  { column: 'sp4_telefon', description: 'Spm. 4: via telefon', allowed: trendAllowed, example: 'som_i_dag' },
  { column: 'sp4_internett', description: 'Spm. 4: via internett', allowed: trendAllowed, example: 'mer' },
  { column: 'sp4_kommentar', description: 'Spm. 4: kommentar', allowed: 'fritekst', example: '' },
  { column: 'sp5_onsker_tjenestested', description: 'Spm. 5: ønsker kommunen et nytt tjenestested', allowed: Object.keys(wantsWords).join(', '), example: 'ja' },
  ...premisesSuffixes.map((s) => ({ column: premisesColumn(1, s), ...premisesDocs[s] })),
];

/** Enumerated columns and their allowed file values (for drop-down lists). */
export const enumeratedColumns: Record<string, readonly string[]> = {
  sp2_fornoyd: Object.keys(satisfiedWords),
  sp4_tjenestested: Object.keys(trendWords),
  sp4_tilstedevaerelse: Object.keys(trendWords),
  sp4_oppmote: Object.keys(trendWords),
  sp4_telefon: Object.keys(trendWords),
  sp4_internett: Object.keys(trendWords),
  sp5_onsker_tjenestested: Object.keys(wantsWords),
};

/** The CSV template: the header row only, semicolon-separated, UTF-8 with BOM. */
export function csvTemplate(): string {
  return '\ufeff' + toCsv([templateColumns], ';');
}

/** Rows in the XLSX template that get drop-down lists. */
const validatedRows = 400;

/** The XLSX template (sheets "Svar" and "Gyldige verdier"). */
export async function xlsxTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Stedsvalg';
  wb.created = new Date(Date.UTC(2022, 1, 23));
  const sheet = wb.addWorksheet('Svar', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = templateColumns.map((c) => ({ header: c, key: c, width: Math.max(14, c.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  // Text format keeps the leading zero of kommunenummer (0301).
  sheet.getColumn(1).numFmt = '@';
  templateColumns.forEach((col, i) => {
    const allowed = enumeratedColumns[col];
    if (!allowed) return;
    const letter = sheet.getColumn(i + 1).letter;
    for (let r = 2; r <= validatedRows; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${allowed.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Ugyldig verdi',
        error: `Tillatte verdier: ${allowed.join(', ')}`,
      };
    }
  });

  const docs = wb.addWorksheet('Gyldige verdier');
  docs.columns = [
    { header: 'Kolonne', key: 'column', width: 28 },
    { header: 'Innhold', key: 'description', width: 80 },
    { header: 'Gyldige verdier', key: 'allowed', width: 44 },
    { header: 'Eksempel', key: 'example', width: 24 },
  ];
  docs.getRow(1).font = { bold: true };
  for (const d of columnDocs) docs.addRow(d);
  docs.addRow({
    column: `lokale2_… – lokale${maxPremisesPerRow}_…`,
    description: `Som lokale1_…, for lokale 2 til ${maxPremisesPerRow}. La kolonnene stå tomme når kommunen ikke tilbyr flere lokaler.`,
    allowed: '',
    example: '',
  });
  docs.addRow({});
  docs.addRow({ column: 'Regler', description: `Én rad per kommune. Tomme svaralternativer leses som ikke_besvart. Høyst ${importLimits.maxRows} rader og 5 MB per fil.` });
  docs.addRow({ column: '', description: `Obligatoriske kolonner (kan være tomme): ${answerColumns.join(', ')}.` });
  docs.addRow({ column: '', description: 'Importen er alt eller ingenting: én feil gjør at ingenting lagres. Lokaler mer enn 2 km utenfor kommunegrensen gir en advarsel.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
