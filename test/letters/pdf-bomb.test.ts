/**
 * A small PDF whose compressed page unpacks to hundreds of megabytes: PDF.js would keep the unpacked bytes in typed
 * arrays outside the worker's heap limit (a 1 MB file took the process to 2.2 GB). The reader counts what the
 * FlateDecode streams unpack to first and refuses the file past its budget; an ordinary PDF still reads.
 */
import zlib from 'node:zlib';
import { extractText } from '../../src/letters/extract';
import { defaultPdfTextOptions, pdfText } from '../../src/letters/pdf-text';

/** zlib data of `bytes` spaces, made in 1 MB pieces (the unpacked bytes never exist in memory at once). */
async function deflatedSpaces(bytes: number): Promise<Buffer> {
  const deflater = zlib.createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflater.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => { deflater.on('end', resolve); deflater.on('error', reject); });
  const piece = Buffer.alloc(1 << 20, 0x20);
  for (let left = bytes; left > 0; left -= piece.length) {
    if (!deflater.write(left >= piece.length ? piece : piece.subarray(0, left))) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return Buffer.concat(parts);
}

/** A one-page PDF (catalog, pages, page, font, content stream) with the given FlateDecode content. */
function onePagePdf(content: Buffer): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  const push = (b: Buffer) => parts.push(b);
  const at = () => parts.reduce((n, b) => n + b.length, 0);
  objects.forEach((o, i) => { offsets.push(at()); push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`)); });
  offsets.push(at());
  push(Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`));
  push(content);
  push(Buffer.from('\nendstream\nendobj\n'));
  offsets.push(at());
  push(Buffer.from('5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n'));
  const xref = at();
  push(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

describe('PDF unpack budget', () => {
  it('When a PDF under 1 MB unpacks to 300 MB, then the letter is refused as too large when unpacked, within seconds', async () => {
    const bomb = onePagePdf(await deflatedSpaces(300 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const out = await extractText(bomb, 'brev.pdf');
    expect(out).toMatchObject({ ok: false, code: 'too_large' });
    if (!out.ok) expect(out.message).toMatch(/too large when unpacked.*268435456 bytes/);
    expect(Date.now() - started).toBeLessThan(defaultPdfTextOptions.timeoutMs);
  });

  it('When the same kind of PDF holds an ordinary page of text, then it is read, and a budget below its size refuses it', async () => {
    const page = Buffer.from(`BT /F1 12 Tf 72 760 Td (Herøy kommune ønsker et nytt tjenestested.) Tj ET\n${' '.repeat(50_000)}`, 'latin1');
    const pdf = onePagePdf(zlib.deflateSync(page));
    const read = await pdfText(pdf);
    expect(read).toMatchObject({ ok: true, pages: 1 });
    if (read.ok) expect(read.text).toContain('nytt tjenestested');
    expect(await pdfText(pdf, { maxUnpackedBytes: 10_000 })).toMatchObject({ ok: false, reason: 'unpacks_too_large' });
  });
});
