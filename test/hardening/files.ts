/**
 * Bad files for the import tests, made programmatically: workbooks written with ExcelJS (including
 * the B1048576 and the 1,000,000-row cases), a minimal ZIP writer for containers ExcelJS would never
 * write (bombs, lying headers, missing parts), and CSV text in mixed encodings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { templateColumns } from '../../src/model/answers';
import { readZipDirectory } from '../../src/import/xlsx-guard';
import { csvOf, validRecord } from '../responses/fixtures';

/** A workbook with sheet "Svar": the template header and the given answer rows. */
export async function answersWorkbook(records: readonly Record<string, string>[], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Svar');
  ws.addRow([...templateColumns]);
  for (const r of records) ws.addRow(templateColumns.map((c) => r[c] ?? ''));
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 7 KB workbook: a header and one blank, styled cell at B1048576 (its declared range is A1:B1048576). */
export function blankCellAtB1048576(): Promise<Buffer> {
  return answersWorkbook([validRecord('0301')], (ws) => {
    ws.getCell('B1048576').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  });
}

/** A workbook whose one data cell sits in the last column (XFD). */
export function cellAtXfd(): Promise<Buffer> {
  return answersWorkbook([validRecord('0301')], (ws) => {
    ws.getCell('XFD2').value = 'x';
  });
}

/**
 * A workbook of under 5 MB with 1,000,000 answer rows below the header and no declared range:
 * ExcelJS writes the workbook, its sheet is then repacked with the million rows (ExcelJS's own
 * streaming writer makes 5.5 MB of the same rows, over the upload limit). Cached per machine.
 */
export async function millionRowWorkbook(): Promise<Buffer> {
  const file = path.join(os.tmpdir(), 'stedsvalg-test-million-rows-v2.xlsx');
  if (!fs.existsSync(file)) {
    const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>kommunenummer</t></is></c></row>'];
    for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>301</v></c></row>`);
    const sheet = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    const bytes = await rebuiltWorkbook((parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: sheet, level: 9 } : p)));
    fs.writeFileSync(`${file}.${process.pid}.tmp`, bytes);
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return fs.readFileSync(file);
}

// ---------------------------------------------------------------- a minimal ZIP writer

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** 8 = deflate (default), 0 = stored, anything else is written as is. */
  method?: number;
  /** Writes this uncompressed size into the headers instead of the true one (a lying header). */
  claimedSize?: number;
  /** Deflate level (default zlib's). */
  level?: number;
}

/** Builds a ZIP container (APPNOTE 4.3: local headers, data, central directory, end record). */
export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const method = p.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(p.data, { level: p.level ?? zlib.constants.Z_DEFAULT_COMPRESSION }) : p.data;
    const name = Buffer.from(p.name, 'utf8');
    const size = p.claimedSize ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(p.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc32(p.data), 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A valid one-answer workbook rebuilt with `change` applied to its parts. */
export async function rebuiltWorkbook(change: (parts: ZipPart[]) => ZipPart[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Svar');
  ws.addRow([...templateColumns]);
  ws.addRow(templateColumns.map((c) => validRecord('0301')[c] ?? ''));
  const packed = Buffer.from(await wb.xlsx.writeBuffer());
  return zip(change(readAllParts(packed)));
}

/** Unpacks any ZIP with the app's own directory reader (so data descriptors are fine). */
export function readAllParts(bytes: Buffer): ZipPart[] {
  return readZipDirectory(bytes).map((e) => {
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    return { name: e.name, data: e.method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) };
  });
}

// ---------------------------------------------------------------- CSV

/** A UTF-8 CSV of valid answers in which the answers of `cp1252Rows` (0-based data rows) are Windows-1252 bytes. */
export function mixedEncodingCsv(knrs: readonly string[], cp1252Rows: readonly number[]): Buffer {
  const text = csvOf(knrs.map((k) => validRecord(k, { sp2_begrunnelse: 'Lang vei på vinteren, særlig i Øst.' })));
  const lines = text.split('\n');
  return Buffer.concat(lines.map((line, i) => {
    const bytes = cp1252Rows.includes(i - 1) ? iconv.encode(line, 'win1252') : Buffer.from(line, 'utf8');
    return Buffer.concat([bytes, Buffer.from(i < lines.length - 1 ? '\n' : '')]);
  }));
}
