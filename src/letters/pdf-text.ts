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

// Plain JavaScript run by the worker (eval), so the same code works from ts-node, jest and dist/.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(workerData.bytes), isEvalSupported: false, disableFontFace: true,
      useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (err) {
    const name = err && err.name;
    parentPort.postMessage({ ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'corrupt', detail: String(err && err.message || err) });
    return;
  }
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ ok: false, reason: 'too_large', detail: doc.numPages + ' pages' });
    return;
  }
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
  await doc.destroy();
  parentPort.postMessage({ ok: true, pages: pages.length, text: pages.join('\\n\\f\\n'), images });
})().catch((err) => parentPort.postMessage({ ok: false, reason: 'corrupt', detail: String(err && err.message || err) }));
`;

/**
 * Extracts the text layer of a PDF, page by page (pages separated by a form feed line).
 * @returns `ok: false` with `encrypted` (needs a password), `corrupt`, `timeout` or `too_large` (pages)
 */
export function pdfText(bytes: Uint8Array, options: Partial<PdfTextOptions> = {}): Promise<PdfTextOutcome> {
  const opts = { ...defaultPdfTextOptions, ...options };
  const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  return new Promise((resolve) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { bytes: Buffer.from(bytes), pdfjsUrl, maxPages: opts.maxPages },
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: PdfTextOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no result after ${opts.timeoutMs} ms` }), opts.timeoutMs);
    worker.on('message', (m: PdfTextOutcome) => finish(m));
    worker.on('error', (err) => finish({ ok: false, reason: 'corrupt', detail: err.message }));
    worker.on('exit', (code) => finish({ ok: false, reason: 'corrupt', detail: `PDF reader stopped (exit ${code})` }));
  });
}
