import { toCsv } from '../../src/common/csv';
import { templateColumns } from '../../src/model/answers';
import { dataset } from '../helpers/app';

/** A complete, valid answer row in the file format (Norwegian column names and values). */
export function validRecord(kommunenummer: string, overrides: Record<string, string> = {}): Record<string, string> {
  const name = dataset().municipalities.find((m) => m.kommunenummer === kommunenummer)?.name ?? '';
  return {
    kommunenummer,
    kommunenavn: name,
    mottatt_dato: '30.05.2022',
    sp1_utfordringer: 'Rus blant unge; flom og skred; ventetid på pass.',
    sp1_omrader: 'forebygging, beredskap',
    sp2_fornoyd: 'delvis',
    sp2_begrunnelse: 'Lang responstid om natten.',
    sp3_samarbeid: 'Politiråd hvert kvartal.',
    sp3_ressurser: 'SLT-koordinator i 50 % stilling.',
    sp4_tjenestested: 'mer',
    sp4_tilstedevaerelse: 'mer',
    sp4_oppmote: 'som_i_dag',
    sp4_telefon: 'som_i_dag',
    sp4_internett: 'mindre',
    sp4_kommentar: '',
    sp5_onsker_tjenestested: 'ja',
    ...overrides,
  };
}

/** Rows as CSV text with every template column (missing cells empty). */
export function csvOf(records: readonly Record<string, string>[], delimiter = ';', columns: readonly string[] = templateColumns): string {
  return toCsv([columns, ...records.map((r) => columns.map((c) => r[c] ?? ''))], delimiter);
}

/** All 357 kommunenummer in file order. */
export function allKommunenummer(): string[] {
  return dataset().municipalities.map((m) => m.kommunenummer);
}

/** A fixed clock for tests. */
export const now = '2022-06-15T10:00:00.000Z';
