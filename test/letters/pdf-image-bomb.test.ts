/**
 * A PDF of under 1 KB whose one image declares 12,000 × 12,000 pixels (a JPEG header and a few bytes of scan):
 * PDF.js sized its decoding buffers by the declaration, outside the worker's heap limit (an 8,000 × 8,000
 * declaration took the process to 612 MB for 7 s; larger ones kill it). The reader lets PDF.js drop images above
 * `MAX_IMAGE_PIXELS` undecoded, and still tells such a scan apart from an empty file.
 */
import { extractText } from '../../src/letters/extract';
import { MAX_IMAGE_PIXELS, pdfText } from '../../src/letters/pdf-text';

/** A baseline greyscale JPEG header declaring w × h pixels, with one-bit Huffman codes and 64 bytes of scan data. */
function jpegHeader(w: number, h: number): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, ((body.length + 2) >> 8) & 255, (body.length + 2) & 255, ...body];
  const dqt = segment(0xdb, [0x00, ...Array<number>(64).fill(1)]);
  const sof = segment(0xc0, [8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0]);
  const dht = segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0x00, 0x10, 1, ...Array<number>(15).fill(0), 0x00]);
  const sos = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  return Buffer.from([0xff, 0xd8, ...dqt, ...sof, ...dht, ...sos, ...Array<number>(64).fill(0), 0xff, 0xd9]);
}

/** A one-page PDF without text that paints one DCTDecode image of w × h. */
function scanPdf(w: number, h: number): Buffer {
  const image = jpegHeader(w, h);
  const content = Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q`);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  const at = () => parts.reduce((n, b) => n + b.length, 0);
  const object = (i: number, head: string, stream?: Buffer) => {
    offsets.push(at());
    parts.push(Buffer.from(`${i} 0 obj\n${head}\n`));
    if (stream) parts.push(Buffer.from('stream\n'), stream, Buffer.from('\nendstream\n'));
    parts.push(Buffer.from('endobj\n'));
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>');
  object(4, `<< /Length ${content.length} >>`, content);
  object(5, `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.length} >>`, image);
  const xref = at();
  parts.push(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Runs `f` while sampling the process's resident memory every 10 ms; returns its value and the peak growth in MB. */
async function peakGrowth<T>(f: () => Promise<T>): Promise<{ value: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const value = await f();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growthMb: (peak - before) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

describe('PDF image budget', () => {
  it('When a PDF of under 1 KB declares a 12,000 × 12,000 image, then it is refused as a scan without decoding it', async () => {
    const bomb = scanPdf(12_000, 12_000);
    expect(bomb.length).toBeLessThan(1024);
    expect(12_000 * 12_000).toBeGreaterThan(MAX_IMAGE_PIXELS);
    const { value, growthMb } = await peakGrowth(() => extractText(bomb, 'skannet-brev.pdf'));
    expect(value).toMatchObject({ ok: false, code: 'image_only' });
    expect(growthMb).toBeLessThan(250);
  });

  it('When the image is small enough to decode, then the page is still seen as an image without text', async () => {
    const read = await pdfText(scanPdf(1_000, 1_000));
    expect(read).toMatchObject({ ok: true, pages: 1 });
    if (read.ok) expect(read.images).toBe(1);
  });
});
