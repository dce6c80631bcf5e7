/**
 * The drawing primitives of the PDF report (pdfkit): page geometry, headings, paragraphs that may be
 * clipped to a height, and tables whose header words never break (a header's font shrinks until its
 * longest word fits the column). All text passes through `pdfSafe`.
 */
import { pdfSafe } from './pdf-text';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 62, bottom: 60 };
export const CONTENT_W = PAGE.width - 2 * PAGE.margin;
/** The lowest y any content may reach. */
export const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;
export const COLOURS = { accent: '#1d4e89', muted: '#555555', line: '#cccccc', notice: '#b00000', fill: '#f1f1ec', candidate: '#c0392b' };

export function heading(doc: Doc, s: string, size = 15): void {
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(size).fillColor(COLOURS.accent).text(pdfSafe(s), PAGE.margin, doc.y, { width: CONTENT_W });
  doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor('black');
}

export function subheading(doc: Doc, s: string, x = PAGE.margin, width = CONTENT_W): void {
  doc.moveDown(0.35).font('Helvetica-Bold').fontSize(10).fillColor(COLOURS.accent).text(pdfSafe(s), x, doc.y, { width });
  doc.moveDown(0.1).font('Helvetica').fontSize(8.5).fillColor('black');
}

/** A paragraph; with `maxHeight` it is cut to that height and ends in an ellipsis. */
export function paragraph(doc: Doc, s: string, opts: { size?: number; x?: number; width?: number; maxHeight?: number; font?: string; colour?: string } = {}): void {
  const width = opts.width ?? CONTENT_W;
  doc.font(opts.font ?? 'Helvetica').fontSize(opts.size ?? 9).fillColor(opts.colour ?? 'black');
  // An address starts a line of its own, so it is never broken at one of its hyphens (it fits a line).
  const text = pdfSafe(s).replace(/ (https?:\/\/)/g, '\n$1');
  const full = doc.heightOfString(text, { width, lineGap: 1 });
  const height = opts.maxHeight !== undefined ? Math.max(opts.maxHeight, (opts.size ?? 9) * 1.3) : undefined;
  doc.text(text, opts.x ?? PAGE.margin, doc.y, { width, lineGap: 1, ...(height !== undefined && full > height ? { height, ellipsis: true } : {}) });
  doc.fillColor('black');
  doc.moveDown(0.25);
}

/**
 * A quoted text after a lead in our words (a question and its label), within `maxHeight`: when the whole quote does not
 * fit, it keeps as many of its whole sentences as do and marks the omission with « […]», so the report never puts
 * words in a municipality's mouth by cutting one of its sentences; the whole answer is in the CSV, XLSX and on its page.
 */
export function quoteParagraph(doc: Doc, lead: string, quote: string, opts: { size?: number; maxHeight: number }): void {
  const size = opts.size ?? 9;
  doc.font('Helvetica').fontSize(size).fillColor('black');
  const height = Math.max(opts.maxHeight, size * 1.3);
  const sentences = quote.split(/(?<=[.!?])\s+/).filter(Boolean);
  let shown = pdfSafe(`${lead}${quote}`);
  for (let n = sentences.length; n >= 0; n--) {
    shown = pdfSafe(`${lead}${sentences.slice(0, n).join(' ')}${n < sentences.length ? `${n ? ' ' : ''}[…]` : ''}`);
    if (n === 0 || doc.heightOfString(shown, { width: CONTENT_W, lineGap: 1 }) <= height) break;
  }
  doc.text(shown, PAGE.margin, doc.y, { width: CONTENT_W, lineGap: 1 });
  doc.moveDown(0.25);
}

/** The largest font size ≤ `size` at which every word of `s` fits `width` (so no word breaks). */
export function fitWords(doc: Doc, s: string, width: number, size: number, font = 'Helvetica-Bold'): number {
  doc.font(font);
  const words = pdfSafe(s).split(/[\s/–-]+/).filter(Boolean);
  let fitted = size;
  while (fitted > 5 && words.some((w) => doc.fontSize(fitted).widthOfString(w) > width)) fitted -= 0.25;
  return fitted;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const PAD = 2.5;

/**
 * A table at (x, doc.y) that breaks across pages, repeating its header. Header words never break:
 * each header gets the largest size its longest word fits; cell text wraps at spaces.
 */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: { size?: number; x?: number; header?: boolean; zebra?: boolean } = {}): void {
  const size = opts.size ?? 8;
  const x0 = opts.x ?? PAGE.margin;
  const width = columns.reduce((a, c) => a + c.width, 0);
  const drawHeader = () => {
    if (opts.header === false) return;
    const sizes = columns.map((c) => fitWords(doc, c.header, c.width - 2 * PAD, size));
    const h = Math.max(...columns.map((c, i) => doc.font('Helvetica-Bold').fontSize(sizes[i]).heightOfString(pdfSafe(c.header), { width: c.width - 2 * PAD }))) + 2 * PAD;
    if (doc.y + h + 14 > CONTENT_BOTTOM) doc.addPage();
    const y = doc.y;
    doc.rect(x0, y, width, h).fill('#e6ecf3').fillColor('black');
    let x = x0;
    columns.forEach((c, i) => {
      doc.font('Helvetica-Bold').fontSize(sizes[i]).text(pdfSafe(c.header), x + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.y = y + h;
  };
  drawHeader();
  rows.forEach((row, r) => {
    doc.font('Helvetica').fontSize(size);
    const cells = row.map((s) => pdfSafe(s));
    const h = Math.max(...cells.map((s, i) => doc.heightOfString(s || ' ', { width: columns[i].width - 2 * PAD }))) + 2 * PAD;
    if (doc.y + h > CONTENT_BOTTOM) {
      doc.addPage();
      drawHeader();
      doc.font('Helvetica').fontSize(size);
    }
    const y = doc.y;
    if (opts.zebra !== false && r % 2 === 1) doc.rect(x0, y, width, h).fill('#f6f6f6').fillColor('black');
    let x = x0;
    cells.forEach((s, i) => {
      doc.text(s, x + PAD, y + PAD, { width: columns[i].width - 2 * PAD, align: columns[i].align ?? 'left' });
      x += columns[i].width;
    });
    doc.moveTo(x0, y + h).lineTo(x0 + width, y + h).lineWidth(0.3).strokeColor(COLOURS.line).stroke();
    doc.y = y + h;
  });
  doc.x = PAGE.margin;
  doc.moveDown(0.4);
}

/** Label/value pairs in `perRow` side-by-side pairs (no header). */
export function keyValues(doc: Doc, pairs: [string, string][], opts: { size?: number; x?: number; width?: number; perRow?: 1 | 2; keyShare?: number } = {}): void {
  const perRow = opts.perRow ?? 1;
  const width = opts.width ?? CONTENT_W;
  const pairW = width / perRow;
  const keyW = pairW * (opts.keyShare ?? 0.55);
  const rows: string[][] = [];
  const n = Math.ceil(pairs.length / perRow);
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: perRow }, (_, j) => pairs[i + j * n] ?? ['', '']).flat());
  const columns: Column[] = Array.from({ length: perRow }, () => [{ header: '', width: keyW }, { header: '', width: pairW - keyW, align: 'right' as const }]).flat();
  table(doc, columns, rows, { size: opts.size ?? 8, x: opts.x, header: false });
}
