/**
 * Text of a PDF with Mozilla's PDF.js (`pdfjs-dist`, legacy build for Node), run in a worker thread:
 * PDF.js ships as ES modules only, a worker keeps a hostile or broken file from blocking the server
 * or eating its memory (`resourceLimits`, a time limit), and the thread is ended either way.
 * https://mozilla.github.io/pdf.js/ (API: getDocument → getPage → getTextContent / getOperatorList)
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/** What PDF.js found, or why it could not read the file. */
export type PdfTextOutcome =
  | { ok: true; pages: number; text: string; images: number }
  | { ok: false; reason: 'encrypted' | 'corrupt' | 'timeout' | 'too_large' | 'unpacks_too_large'; detail: string; figures?: PdfRefusalFigures };

/** The numbers behind a refusal, so it can be said in the reader's language: pages found, the unpacked-bytes limit, the time limit, the worker's exit code. */
export interface PdfRefusalFigures { pages?: number; maxUnpackedBytes?: number; timeoutMs?: number; exitCode?: number }

export interface PdfTextOptions {
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** Heap limit of the worker (MB). */
  maxHeapMb: number;
  /** Read at most this many pages. */
  maxPages: number;
  /** Refuse a file whose FlateDecode streams unpack to more than this many bytes in all. */
  maxUnpackedBytes: number;
}

export const defaultPdfTextOptions: PdfTextOptions = { timeoutMs: 30_000, maxHeapMb: 512, maxPages: 200, maxUnpackedBytes: 256 * 1024 * 1024 };

// Plain JavaScript run by the worker (eval), so the same code works from ts-node, jest and dist/. It serves one
// request per message, so a batch pays for loading PDF.js once.
//
// Before PDF.js sees the file, every FlateDecode stream is inflated once as a stream, counting bytes and keeping
// none, against a budget for the whole file: inflation stops as soon as the budget is passed. PDF.js keeps its
// decoded streams in typed arrays, which the worker's heap limit does not count: a 1 MB PDF whose page unpacks to
// 1 GB took the process to 2.2 GB for the 30 s time limit. Streams zlib cannot read (other filters, filter chains,
// damage) are left to PDF.js.
//
// Images are never needed (no OCR here), but PDF.js decodes an image to find a page's drawing operations, with
// buffers sized by the image's declared width and height: an 880-byte PDF declaring an 8,000 × 8,000 JPEG took
// the process to 612 MB for 7 s, and a larger declaration kills it. \`maxImageSize\` makes PDF.js drop any image
// above MAX_IMAGE_PIXELS undecoded (a 300 dpi A4 scan, 8.7 million pixels, is dropped too); a page without text
// then counts the image dictionaries in the file's bytes instead, so a scan is still told apart from an empty file.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const pdfjsReady = import(workerData.pdfjsUrl);
function inflatedBytes(data, limit) {
  return new Promise((resolve) => {
    const inflater = zlib.createInflate({ chunkSize: 1 << 20 });
    let n = 0;
    let done = false;
    const finish = (v) => { if (!done) { done = true; inflater.destroy(); resolve(v); } };
    inflater.on('data', (chunk) => { n += chunk.length; if (n > limit) finish(n); });
    inflater.on('end', () => finish(n));
    inflater.on('error', () => finish(n));
    inflater.end(data);
  });
}
async function flateBytesOver(bytes, text, budget) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const marker = /stream\\r?\\n/g;
  let used = 0;
  let m;
  while ((m = marker.exec(text)) !== null) {
    if (m.index >= 3 && text.slice(m.index - 3, m.index) === 'end') continue;
    const dictStart = text.lastIndexOf('obj', m.index);
    const dict = text.slice(Math.max(dictStart, m.index - 4096), m.index);
    if (!/\\/(FlateDecode|Fl)\\b/.test(dict)) continue;
    const start = m.index + m[0].length;
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    used += await inflatedBytes(buf.subarray(start, end), budget - used);
    if (used > budget) return true;
    marker.lastIndex = end;
  }
  return false;
}
function imageDictionaries(text) {
  return (text.match(/\\/Subtype\\s*\\/Image\\b/g) || []).length;
}
async function read(pdfjs, bytes, maxPages, maxUnpackedBytes) {
  // The file as latin1 text, once: both the stream budget and the image count search it.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (await flateBytesOver(bytes, text, maxUnpackedBytes)) {
    return { ok: false, reason: 'unpacks_too_large', detail: 'its compressed streams unpack to more than ' + maxUnpackedBytes + ' bytes', figures: { maxUnpackedBytes } };
  }
  // Counted before PDF.js takes the bytes over (it detaches their buffer).
  const declaredImages = imageDictionaries(text);
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true,
      useSystemFonts: false, verbosity: 0, stopAtErrors: false, maxImageSize: workerData.maxImagePixels }).promise;
  } catch (err) {
    const name = err && err.name;
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'corrupt', detail: String(err && err.message || err) };
  }
  try {
    if (doc.numPages > maxPages) return { ok: false, reason: 'too_large', detail: doc.numPages + ' pages', figures: { pages: doc.numPages } };
    const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
    const pages = [];
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        text += item.str + (item.hasEOL ? '\\n' : '');
      }
      pages.push(text);
      if (text.trim().length < 20) {
        const ops = await page.getOperatorList();
        for (const fn of ops.fnArray) if (imageOps.has(fn)) images++;
      }
      page.cleanup();
    }
    if (images === 0 && pages.every((t) => t.trim().length < 20)) images = declaredImages;
    return { ok: true, pages: pages.length, text: pages.join('\\n\\f\\n'), images };
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', async (m) => {
  let out;
  try { out = await read(await pdfjsReady, new Uint8Array(m.bytes), m.maxPages, m.maxUnpackedBytes); }
  catch (err) { out = { ok: false, reason: 'corrupt', detail: String(err && err.message || err) }; }
  parentPort.postMessage({ id: m.id, out });
});
`;

/** Largest image (width × height) PDF.js may decode while reading a letter; larger ones are dropped undecoded (see the worker's comment). */
export const MAX_IMAGE_PIXELS = 4_000_000;

/** How many PDFs the whole process reads at once (memory: each worker's heap limit plus the unpack budget). */
export const MAX_CONCURRENT_READS = 2;

/** A counting semaphore: `acquire` waits for a free slot, first come first served. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

const readSlots = new Slots(MAX_CONCURRENT_READS);

/**
 * A PDF reader for a batch: one worker thread, one file at a time. A file that takes too long, or a worker that dies,
 * costs that file only: the worker is ended and a fresh one serves the next file. `close()` when the batch is done.
 */
export class PdfReader {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly opts: PdfTextOptions;

  constructor(options: Partial<PdfTextOptions> = {}) {
    this.opts = { ...defaultPdfTextOptions, ...options };
  }

  private start(): Worker {
    const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
    const w = new Worker(workerSource, { eval: true, workerData: { pdfjsUrl, maxImagePixels: MAX_IMAGE_PIXELS }, resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb }, stdout: true, stderr: true });
    w.unref();
    return w;
  }

  /**
   * Extracts the text layer of one PDF, page by page (pages separated by a form feed line). At most
   * `MAX_CONCURRENT_READS` files are read at once in the process (each worker may hold its heap and the unpack
   * budget); the others wait their turn, and their time limit starts when they are read.
   */
  async read(bytes: Uint8Array): Promise<PdfTextOutcome> {
    await readSlots.acquire();
    try {
      return await this.readNow(bytes);
    } finally {
      readSlots.release();
    }
  }

  private readNow(bytes: Uint8Array): Promise<PdfTextOutcome> {
    const worker = (this.worker ??= this.start());
    const id = ++this.seq;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: PdfTextOutcome, broken: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (broken) {
          void worker.terminate();
          if (this.worker === worker) this.worker = null;
        }
        resolve(outcome);
      };
      const onMessage = (m: { id: number; out: PdfTextOutcome }) => { if (m.id === id) finish(m.out, false); };
      const onError = (err: Error) => finish({ ok: false, reason: 'corrupt', detail: err.message }, true);
      const onExit = (code: number) => finish({ ok: false, reason: 'corrupt', detail: `PDF reader stopped (exit ${code})`, figures: { exitCode: code } }, true);
      const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no result after ${this.opts.timeoutMs} ms`, figures: { timeoutMs: this.opts.timeoutMs } }, true), this.opts.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes: Buffer.from(bytes), maxPages: this.opts.maxPages, maxUnpackedBytes: this.opts.maxUnpackedBytes });
    });
  }

  /** Ends the worker thread. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/**
 * Extracts the text layer of one PDF with a reader of its own (for single files; batches share a `PdfReader`).
 * @returns `ok: false` with `encrypted` (needs a password), `corrupt`, `timeout`, `too_large` (pages) or
 *   `unpacks_too_large` (its compressed streams unpack past `maxUnpackedBytes`)
 */
export async function pdfText(bytes: Uint8Array, options: Partial<PdfTextOptions> = {}): Promise<PdfTextOutcome> {
  const reader = new PdfReader(options);
  try {
    return await reader.read(bytes);
  } finally {
    await reader.close();
  }
}
