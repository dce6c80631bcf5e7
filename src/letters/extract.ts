/**
 * The text of a letter file (PDF, DOCX or TXT), or a clear reason why there is none. The format is read
 * from the bytes (magic numbers), not the file name: `%PDF-` (ISO 32000), a ZIP with `word/document.xml`
 * (ECMA-376 WordprocessingML), an OLE compound file (how Word stores a password-protected .docx, and the old
 * .doc format), else text. Libraries: PDF.js (`pdf-text.ts`), mammoth (DOCX raw text), iconv-lite (Windows-1252).
 */
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { letterLimits, type LetterFormat } from '../model/letters';
import { PdfReader, pdfText, type PdfTextOutcome } from './pdf-text';
import { checkDocxArchive } from './docx-guard';
import { sayLocal, type LocalMessage } from '../common/errors';

/** Why a file is refused. */
export type RefusalCode = 'too_large' | 'encrypted' | 'empty' | 'image_only' | 'unsupported' | 'corrupt' | 'timeout';

export type Extraction =
  | { ok: true; format: LetterFormat; text: string; pages: number | null; encoding: string | null; truncated: boolean }
  | { ok: false; code: RefusalCode; message: string; said: LocalMessage };

/** A refusal said through the catalogue (`message` is its English text, for the API, the CLI and the logs). */
const refuseSaid = (code: RefusalCode, said: LocalMessage): Extraction => ({ ok: false, code, message: sayLocal('en', said), said });

/** The format the bytes are in, judged from their first bytes. */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'zip' | 'ole' | 'image' | 'text' | 'binary' {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-' || Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return 'zip';
  if (head.toString('hex') === 'd0cf11e0a1b11ae1') return 'ole';
  if (head.subarray(0, 4).toString('hex') === '89504e47' || (head[0] === 0xff && head[1] === 0xd8) || head.subarray(0, 4).toString('latin1') === 'II*\u0000' || head.subarray(0, 4).toString('latin1') === 'MM\u0000*') return 'image';
  const sample = Buffer.from(bytes.subarray(0, 4096));
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.includes(0)) return 'binary';
  return 'text';
}

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (what older Norwegian Windows writes). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const b = Buffer.from(bytes);
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(b.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(b, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** Letters and digits in the text (an "empty" letter has almost none). */
const substance = (text: string) => (text.match(/[\p{L}\p{N}]/gu) ?? []).length;

function finish(format: LetterFormat, raw: string, pages: number | null, encoding: string | null, imagesWhenEmpty = 0): Extraction {
  if (substance(raw) < letterLimits.minTextChars) {
    if (imagesWhenEmpty > 0) return refuseSaid('image_only', { key: 'let.refuse.imageOnlyPdf' });
    return refuseSaid('empty', { key: 'let.refuse.noText', params: { min: letterLimits.minTextChars } });
  }
  const truncated = raw.length > letterLimits.maxTextChars;
  return { ok: true, format, text: truncated ? raw.slice(0, letterLimits.maxTextChars) : raw, pages, encoding, truncated };
}

/**
 * Reads the raw text of a DOCX that passed the zip-bomb guard (throws when it cannot). mammoth takes seconds for
 * a long document (12.6 s for a 425 KB file whose document.xml unpacks to 17 MB), so the web app runs it in a
 * worker thread (`planning/heavy.ts`); the CLI and tests use `mammothText` in this thread.
 */
export type DocxTextReader = (bytes: Uint8Array) => Promise<string>;

/** mammoth's raw text, in this thread. */
export const mammothText: DocxTextReader = async (bytes) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;

/** A DOCX after the zip-bomb guard (`docx-guard.ts`): mammoth's jszip unpacks every part without a limit. */
async function fromDocx(bytes: Uint8Array, name: string, docxText: DocxTextReader): Promise<Extraction> {
  const guard = checkDocxArchive(bytes);
  if (!guard.ok) {
    if (guard.code === 'corrupt') return refuseSaid('corrupt', { key: 'let.docx.corrupt', params: { ...guard.reason.params, file: name } });
    return refuseSaid('too_large', { key: 'let.docx.refused', params: { file: name, reason: guard.reason, mb: Math.round(letterLimits.maxDocxUnpackedBytes / 1048576) } });
  }
  try {
    return finish('docx', await docxText(bytes), null, null);
  } catch (err) {
    return refuseSaid('corrupt', { key: 'let.refuse.docxUnreadable', params: { detail: err instanceof Error ? err.message : String(err) } });
  }
}

/** Why PDF.js could not read a PDF, said through the catalogue (the library's own words stay as the detail). */
function pdfRefusal(r: Extract<PdfTextOutcome, { ok: false }>): LocalMessage {
  const f = r.figures ?? {};
  switch (r.reason) {
    case 'encrypted': return { key: 'let.refuse.pdfEncrypted' };
    case 'corrupt': return { key: 'let.refuse.pdfCorrupt', params: { detail: f.exitCode !== undefined ? { key: 'let.refuse.pdfStopped', params: { code: f.exitCode } } : r.detail } };
    case 'timeout': return { key: 'let.refuse.pdfTimeout', params: { ms: f.timeoutMs ?? r.detail } };
    case 'too_large': return { key: 'let.refuse.pdfPages', params: { pages: f.pages ?? r.detail, max: letterLimits.maxPdfPages } };
    case 'unpacks_too_large': return { key: 'let.refuse.pdfUnpacks', params: { bytes: f.maxUnpackedBytes ?? r.detail } };
  }
}

/**
 * Extracts the text of one letter file. Never throws for bad input: a refusal is a value.
 * @param name the file name, used only in messages
 * @param pdfReader a reader shared by a batch (else one is started for this file)
 * @param docxText how a DOCX's text is read (default: mammoth in this thread)
 */
export async function extractText(bytes: Uint8Array, name = 'file', pdfReader?: PdfReader, docxText: DocxTextReader = mammothText): Promise<Extraction> {
  if (bytes.length > letterLimits.maxFileBytes) {
    return refuseSaid('too_large', { key: 'let.refuse.tooLarge', params: { file: name, bytes: bytes.length, max: letterLimits.maxFileBytes } });
  }
  if (bytes.length === 0) return refuseSaid('empty', { key: 'let.refuse.emptyFile', params: { file: name } });
  switch (sniffFormat(bytes)) {
    case 'pdf': {
      const r = pdfReader ? await pdfReader.read(bytes) : await pdfText(bytes, { maxPages: letterLimits.maxPdfPages });
      if (!r.ok) return refuseSaid(r.reason === 'unpacks_too_large' ? 'too_large' : r.reason, pdfRefusal(r));
      return finish('pdf', r.text, r.pages, null, r.images);
    }
    case 'zip': {
      const hasDocument = Buffer.from(bytes).includes('word/document.xml');
      if (!hasDocument) return refuseSaid('unsupported', { key: 'let.refuse.zipNotDocx' });
      return fromDocx(bytes, name, docxText);
    }
    case 'ole':
      return /\.docx$/i.test(name) ? refuseSaid('encrypted', { key: 'let.refuse.docxEncrypted' }) : refuseSaid('unsupported', { key: 'let.refuse.oldOffice' });
    case 'image':
      return refuseSaid('image_only', { key: 'let.refuse.image' });
    case 'binary':
      return refuseSaid('unsupported', { key: 'let.refuse.binary' });
    case 'text': {
      const { text, encoding } = decodeText(bytes);
      return finish('txt', text, null, encoding);
    }
  }
}
