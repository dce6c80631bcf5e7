import ExcelJS from 'exceljs';
import { getResponse, listResponses } from '../../src/db/responses-repo';
import { importResponses } from '../../src/import/responses-import';
import { templateColumns } from '../../src/model/answers';
import { csvTemplate, xlsxTemplate } from '../../src/import/templates';
import { memoryDb } from '../helpers/app';
import { now, validRecord } from './fixtures';
import { csvField } from '../../src/common/csv';

const opts = { fileName: 'mal.xlsx', dryRun: false, by: 'test', now };

const examples = [
  validRecord('5001', { lokale1_adresse: 'Munkegata 1', lokale1_lat: '63,4305', lokale1_lon: '10,3951', lokale1_samlokalisert_med: 'rådhus', lokale1_areal_m2: '120', lokale1_ledig_fra: '01.01.2023', lokale1_arlig_kostnad_nok: '150 000', lokale1_merknad: 'Egen inngang' }),
  validRecord('1804', { sp5_onsker_tjenestested: 'nei', sp2_fornoyd: 'ja', sp2_begrunnelse: '' }),
  validRecord('', { kommunenavn: 'Kautokeino', sp1_omrader: 'sivile_tjenester' }),
];

describe('import templates', () => {
  it('When the CSV template is filled with valid example rows, then it imports cleanly', async () => {
    const template = csvTemplate();
    expect(template.startsWith('\ufeffkommunenummer;kommunenavn;mottatt_dato;')).toBe(true);
    const header = template.slice(1).trim().split(';');
    expect(header).toEqual(templateColumns);
    const filled = template + examples.map((r) => header.map((c) => csvField(r[c] ?? '', ';')).join(';')).join('\r\n') + '\r\n';
    const db = memoryDb();
    const report = await importResponses(db, Buffer.from(filled, 'utf8'), { ...opts, fileName: 'mal.csv' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'applied', counts: { new: 3, rejected: 0 } });
    expect(getResponse(db, '5612')?.q1.areas).toEqual(['civil']);
    db.close();
  });

  it('When the XLSX template is filled with valid example rows (typed as Excel would: dates and numbers), then it imports cleanly', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxTemplate()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Svar', 'Gyldige verdier']);
    const sheet = wb.getWorksheet('Svar')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(templateColumns);
    examples.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      templateColumns.forEach((c, j) => {
        if (r[c]) row.getCell(j + 1).value = r[c];
      });
    });
    // Excel turns typed dates and numbers into date and number cells.
    const col = (name: string) => templateColumns.indexOf(name) + 1;
    sheet.getRow(2).getCell(col('mottatt_dato')).value = new Date(Date.UTC(2022, 4, 30));
    sheet.getRow(2).getCell(col('lokale1_lat')).value = 63.4305;
    sheet.getRow(2).getCell(col('lokale1_arlig_kostnad_nok')).value = 150000;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const db = memoryDb();
    const report = await importResponses(db, bytes, opts);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'applied', file: { format: 'xlsx', sheet: 'Svar' }, counts: { new: 3 } });
    expect(getResponse(db, '5001')).toMatchObject({ receivedDate: '2022-05-30', q5: { premises: [expect.objectContaining({ lat: 63.4305, yearlyCostNok: 150000, availableFrom: '2023-01-01' })] } });
    expect(listResponses(db)).toHaveLength(3);
    db.close();
  });

  it('When the XLSX template is opened, then "Gyldige verdier" documents every answer column with its allowed values and the enumerations have drop-down lists', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxTemplate()) as unknown as ArrayBuffer);
    const docs = wb.getWorksheet('Gyldige verdier')!;
    const documented = new Map<string, string>();
    docs.eachRow((row, n) => {
      if (n > 1) documented.set(String(row.getCell(1).value ?? ''), String(row.getCell(3).value ?? ''));
    });
    for (const c of templateColumns.filter((c) => !/^lokale[23]_/.test(c))) expect(documented.has(c)).toBe(true);
    expect(documented.get('sp2_fornoyd')).toBe('ja, nei, delvis, ikke_besvart');
    expect(documented.get('sp4_telefon')).toBe('mer, som_i_dag, mindre, ikke_besvart');
    expect(documented.get('sp5_onsker_tjenestested')).toBe('ja, nei, ikke_besvart');
    const svar = wb.getWorksheet('Svar')!;
    const f = svar.getCell(`${svar.getColumn(templateColumns.indexOf('sp2_fornoyd') + 1).letter}2`).dataValidation;
    expect(f).toMatchObject({ type: 'list', formulae: ['"ja,nei,delvis,ikke_besvart"'] });
  });
});
