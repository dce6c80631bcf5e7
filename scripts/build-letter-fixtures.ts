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

/**
 * How a letter is laid out, to imitate what a word processor's PDF (or a plain-text e-mail) gives the text
 * extractor: lines broken at a fixed width, long words hyphenated at the break, a running header and footer and
 * page numbers on every page.
 */
export interface Layout {
  /** Break paragraphs into lines of at most this many characters. */
  wrap?: number;
  /** Hyphenate a word (10+ letters) that does not fit at the end of a line, as word processors do. */
  hyphenate?: boolean;
  /** Running header and footer, drawn on every page (PDF only). */
  header?: string;
  footer?: string;
  /** Page number text, `{n}` and `{N}` replaced (PDF only), e.g. "Side {n} av {N}". */
  pageNumbers?: string;
  /** Font size (PDF only), default 10.5. */
  fontSize?: number;
}

interface Expectation { source: string; encoding?: string; layout?: Layout }

const vowels = 'aeiouyæøåéAEIOUYÆØÅÉ';

/** A break point in a long word: before a consonant that starts a syllable (consonant + vowel), as late as fits. */
function hyphenPoint(word: string, room: number): number {
  const max = Math.min(room - 1, word.length - 4);
  for (let i = max; i >= 3; i--) {
    if (!vowels.includes(word[i]) && vowels.includes(word[i + 1]) && /\p{L}/u.test(word[i - 1])) return i;
  }
  return -1;
}

/** Breaks each paragraph (a source line) into lines of at most `width` characters, hyphenating long words. */
export function wrapText(text: string, width: number, hyphenate: boolean): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para.length <= width) { out.push(para); continue; }
    let line = '';
    for (const word of para.split(/ +/)) {
      if (!line) { line = word; continue; }
      if (line.length + 1 + word.length <= width) { line += ` ${word}`; continue; }
      const room = width - line.length - 2;
      const cut = hyphenate && /^\p{L}{10,}[.,]?$/u.test(word) ? hyphenPoint(word, room) : -1;
      if (cut > 0) { out.push(`${line} ${word.slice(0, cut)}-`); line = word.slice(cut); }
      else { out.push(line); line = word; }
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Lines that look like headings (short, no final stop) are set in bold. */
const isHeading = (line: string) => line.length > 0 && line.length < 60 && !/[.,:;!?]$/.test(line) && !/\d{4}/.test(line);

export function writePdf(text: string, file: string, options: { userPassword?: string; layout?: Layout } = {}): Promise<void> {
  const layout = options.layout ?? {};
  const running = Boolean(layout.header || layout.footer || layout.pageNumbers);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      bufferPages: running,
      size: 'A4', margins: { top: running ? 80 : 56, bottom: running ? 80 : 56, left: 64, right: 64 }, info: { CreationDate: fixedDate, Title: path.basename(file) },
      ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, pdfVersion: '1.4' as const } : {}),
    });
    const out = fs.createWriteStream(file);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    doc.fontSize(layout.fontSize ?? 10.5);
    if (layout.header) {
      drawHeader(doc, layout);
      doc.on('pageAdded', () => drawHeader(doc, layout));
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') { doc.moveDown(0.6); continue; }
      doc.font(isHeading(line) ? 'Helvetica-Bold' : 'Helvetica').text(line, { align: 'left' });
    }
    if (running) drawFooters(doc, layout);
    doc.end();
  });
}

/** The running header at the top of a page, drawn first as word processors do; the text position is kept. */
function drawHeader(doc: PDFKit.PDFDocument, layout: Layout): void {
  if (!layout.header) return;
  const { x, y } = doc;
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  doc.font('Helvetica').fontSize(8).text(layout.header, 64, 36, { lineBreak: false });
  doc.fontSize(size);
  doc.x = x;
  doc.y = y;
}

/** Footer and page numbers on every buffered page, drawn inside the bottom margin after the page's text. */
function drawFooters(doc: PDFKit.PDFDocument, layout: Layout): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8);
    if (layout.footer) doc.text(layout.footer, 64, doc.page.height - 52, { lineBreak: false });
    if (layout.pageNumbers) {
      const label = layout.pageNumbers.replace('{n}', String(i - range.start + 1)).replace('{N}', String(range.count));
      doc.text(label, doc.page.width - 140, doc.page.height - 40, { lineBreak: false });
    }
    doc.page.margins.bottom = bottom;
  }
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
    const source = fs.readFileSync(path.join(dir, e.source), 'utf8').replace(/\r\n/g, '\n').trimEnd();
    const text = e.layout?.wrap ? wrapText(source, e.layout.wrap, Boolean(e.layout.hyphenate)) : source;
    const target = path.join(filesDir, name);
    if (name.endsWith('.pdf')) await writePdf(text, target, { layout: e.layout });
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
