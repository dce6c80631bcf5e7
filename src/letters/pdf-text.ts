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
  | { ok: false; reason: 'encrypted' | 'corrupt' | 'timeout' | 'too_large'; detail: string };

export interface PdfTextOptions {
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** Heap limit of the worker (MB). */
  maxHeapMb: number;
  /** Read at most this many pages. */
  maxPages: number;
}

export const defaultPdfTextOptions: PdfTextOptions = { timeoutMs: 30_000, maxHeapMb: 512, maxPages: 200 };

// Plain JavaScript run by the worker (eval), so the same code works from ts-node, jest and dist/. It serves one
// request per message, so a batch pays for loading PDF.js once.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const pdfjsReady = import(workerData.pdfjsUrl);
async function read(pdfjs, bytes, maxPages) {
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true,
      useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (err) {
    const name = err && err.name;
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'corrupt', detail: String(err && err.message || err) };
  }
  try {
    if (doc.numPages > maxPages) return { ok: false, reason: 'too_large', detail: doc.numPages + ' pages' };
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
    return { ok: true, pages: pages.length, text: pages.join('\\n\\f\\n'), images };
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', async (m) => {
  let out;
  try { out = await read(await pdfjsReady, new Uint8Array(m.bytes), m.maxPages); }
  catch (err) { out = { ok: false, reason: 'corrupt', detail: String(err && err.message || err) }; }
  parentPort.postMessage({ id: m.id, out });
});
`;

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
    const w = new Worker(workerSource, { eval: true, workerData: { pdfjsUrl }, resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb }, stdout: true, stderr: true });
    w.unref();
    return w;
  }

  /** Extracts the text layer of one PDF, page by page (pages separated by a form feed line). */
  read(bytes: Uint8Array): Promise<PdfTextOutcome> {
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
      const onExit = (code: number) => finish({ ok: false, reason: 'corrupt', detail: `PDF reader stopped (exit ${code})` }, true);
      const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no result after ${this.opts.timeoutMs} ms` }, true), this.opts.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes: Buffer.from(bytes), maxPages: this.opts.maxPages });
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
 * @returns `ok: false` with `encrypted` (needs a password), `corrupt`, `timeout` or `too_large` (pages)
 */
export async function pdfText(bytes: Uint8Array, options: Partial<PdfTextOptions> = {}): Promise<PdfTextOutcome> {
  const reader = new PdfReader(options);
  try {
    return await reader.read(bytes);
  } finally {
    await reader.close();
  }
}
