/**
 * Writes the test letters (issue 13) from their committed TXT sources: PDF with PDFKit, DOCX as a minimal
 * WordprocessingML package (ECMA-376 part 1: [Content_Types].xml, _rels/.rels, word/document.xml) zipped with
 * JSZip, TXT in the encoding the expectations name. Also writes the files the intake must refuse (encrypted,
 * image-only, empty, corrupt) and ZIP batches. Deterministic: fixed creation dates, no random ids.
 *
 *   npx ts-node --transpile-only scripts/build-letter-fixtures.ts [test/fixtures/letters ...]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import JSZip from 'jszip';
import iconv from 'iconv-lite';

const fixedDate = new Date('2022-05-31T12:00:00Z');

interface Expectation { source: string; encoding?: string }

/** Lines that look like headings (short, no final stop) are set in bold. */
const isHeading = (line: string) => line.length > 0 && line.length < 60 && !/[.,:;!?]$/.test(line) && !/\d{4}/.test(line);

export function writePdf(text: string, file: string, options: { userPassword?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4', margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { CreationDate: fixedDate, Title: path.basename(file) },
      ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, pdfVersion: '1.4' as const } : {}),
    });
    const out = fs.createWriteStream(file);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    doc.fontSize(10.5);
    for (const line of text.split('\n')) {
      if (line.trim() === '') { doc.moveDown(0.6); continue; }
      doc.font(isHeading(line) ? 'Helvetica-Bold' : 'Helvetica').text(line, { align: 'left' });
    }
    doc.end();
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function docxBuffer(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => {
    if (line.trim() === '') return '<w:p/>';
    const bold = isHeading(line) ? '<w:rPr><w:b/></w:rPr>' : '';
    return `<w:p><w:r>${bold}<w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>`;
  });
  const zip = new JSZip();
  const date = fixedDate;
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', { date, createFolders: false });
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', { date, createFolders: false });
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}<w:sectPr/></w:body></w:document>`, { date, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function encodeText(text: string, encoding: string | undefined): Buffer {
  if (!encoding || encoding === 'utf-8') return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  return iconv.encode(text.replace(/\n/g, '\r\n'), encoding);
}

/** A grey 200×280 PNG (a "scanned page"): one IDAT of filtered scanlines, CRC per chunk (PNG spec, ISO/IEC 15948). */
function scanPng(): Buffer {
  const width = 200;
  const height = 280;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (y % 14 < 2 && x > 20 && x < 180) ? 40 : 235;
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF without text: a scanned page (an image) or only a drawn box. */
function pdfWithoutText(file: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<void> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: fixedDate } });
    const out = fs.createWriteStream(file);
    out.on('finish', () => resolve());
    doc.pipe(out);
    draw(doc);
    doc.end();
  });
}

async function buildSet(dir: string): Promise<string[]> {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Expectation>;
  const filesDir = path.join(dir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
  const written: string[] = [];
  for (const [name, e] of Object.entries(expected)) {
    const text = fs.readFileSync(path.join(dir, e.source), 'utf8').replace(/\r\n/g, '\n').trimEnd();
    const target = path.join(filesDir, name);
    if (name.endsWith('.pdf')) await writePdf(text, target);
    else if (name.endsWith('.docx')) fs.writeFileSync(target, await docxBuffer(text));
    else fs.writeFileSync(target, encodeText(text + '\n', e.encoding));
    written.push(target);
  }
  return written;
}

async function buildRefused(dir: string): Promise<void> {
  const bad = path.join(dir, 'refused');
  fs.mkdirSync(bad, { recursive: true });
  const sample = fs.readFileSync(path.join(dir, 'src', 'L12-gamvik.txt'), 'utf8');
  await writePdf(sample, path.join(bad, 'encrypted.pdf'), { userPassword: 'hemmelig' });
  await pdfWithoutText(path.join(bad, 'image-only.pdf'), (doc) => doc.image(scanPng(), 40, 40, { width: 500 }));
  await pdfWithoutText(path.join(bad, 'empty.pdf'), (doc) => doc.rect(50, 50, 100, 20).stroke());
  fs.writeFileSync(path.join(bad, 'empty.txt'), '');
  fs.writeFileSync(path.join(bad, 'whitespace.txt'), '   \n\n\t \n');
  const good = fs.readFileSync(path.join(dir, 'files', 'L12-gamvik.pdf'));
  fs.writeFileSync(path.join(bad, 'truncated.pdf'), good.subarray(0, 300));
  // How Word stores a password-protected .docx: an OLE compound file (magic D0 CF 11 E0 A1 B1 1A E1), not a ZIP.
  fs.writeFileSync(path.join(bad, 'password-protected.docx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024 - 8, 0)]));
  fs.writeFileSync(path.join(bad, 'picture.png'), scanPng());
}

async function buildZips(dir: string): Promise<void> {
  const files = path.join(dir, 'files');
  const zip = new JSZip();
  for (const n of ['L01-heroy-nordland.pdf', 'L02-heroy-more.docx', 'L03-valer-innlandet.txt']) zip.file(`brev/${n}`, fs.readFileSync(path.join(files, n)), { date: fixedDate, createFolders: false });
  fs.writeFileSync(path.join(dir, 'batch-three.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  zip.file('brev/kryptert.pdf', fs.readFileSync(path.join(dir, 'refused', 'encrypted.pdf')), { date: fixedDate, createFolders: false });
  fs.writeFileSync(path.join(dir, 'batch-with-encrypted.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  const targets = dirs.length ? dirs : ['test/fixtures/letters'];
  for (const d of targets) {
    const dir = path.resolve(d);
    const written = await buildSet(dir);
    if (fs.existsSync(path.join(dir, 'src', 'L12-gamvik.txt')) && path.basename(dir) === 'letters') {
      await buildRefused(dir);
      await buildZips(dir);
    }
    console.log(`${path.relative(process.cwd(), dir)}: ${written.length} letters`);
  }
}

void main();
