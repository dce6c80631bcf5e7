import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sayLocal } from '../../src/common/errors';
import { readZipDirectory, zipEntryData } from '../../src/common/zip-directory';

/** A ZIP (APPNOTE 4.3) of deflated parts, written here so each header field is known. */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [n, content] of Object.entries(parts)) {
    const name = Buffer.from(n, 'utf8');
    const raw = Buffer.from(content, 'utf8');
    const data = zlib.deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zlib.crc32(raw), 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(raw.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zlib.crc32(raw), 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(raw.length, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const endOf = (b: Buffer) => b.length - 22;
const parts = { 'brev/første.txt': 'Herøy kommune ønsker et tjenestested.', 'b.txt': 'x'.repeat(5000) };

describe('ZIP central directory', () => {
  it('When a ZIP is well formed, then every entry is read with its name, sizes, method, flags and offset, and its data is found', () => {
    const b = zip(parts);
    const dir = readZipDirectory(b);
    expect(dir).toMatchObject({ ok: true, shift: 0 });
    if (!dir.ok) return;
    expect(dir.entries.map((e) => [e.name, e.method, e.flags, e.uncompressedSize])).toEqual([['brev/første.txt', 8, 0x800, Buffer.byteLength(parts['brev/første.txt'])], ['b.txt', 8, 0x800, 5000]]);
    expect(dir.entries[0].localOffset).toBe(0);
    const data = zipEntryData(b, dir.entries[1], dir.shift);
    expect(data.ok && zlib.inflateRawSync(b.subarray(data.start, data.end)).toString()).toBe(parts['b.txt']);
  });

  it('When bytes are prepended to the ZIP, then the shift is found and the data still read', () => {
    const b = Buffer.concat([Buffer.alloc(100, 0x41), zip(parts)]);
    const dir = readZipDirectory(b);
    expect(dir).toMatchObject({ ok: true, shift: 100 });
    if (!dir.ok) return;
    const data = zipEntryData(b, dir.entries[0], dir.shift);
    expect(data.ok && zlib.inflateRawSync(b.subarray(data.start, data.end)).toString()).toBe(parts['brev/første.txt']);
  });

  it('When the ZIP is a fixture made by a real zip tool, then its entries are read', () => {
    const dir = readZipDirectory(fs.readFileSync(path.join(__dirname, '../fixtures/letters/batch-three.zip')));
    expect(dir.ok && dir.entries.length).toBeGreaterThan(0);
  });

  it('When the file is cut off before its end record, then the problem is no_end_record', () => {
    const b = zip(parts);
    expect(readZipDirectory(b.subarray(0, b.length - 10))).toMatchObject({ ok: false, problem: 'no_end_record' });
    expect(readZipDirectory(Buffer.from('PK'))).toMatchObject({ ok: false, problem: 'no_end_record', said: { key: 'zip.dir.short' } });
  });

  it('When an entry lies past the file (cut in the middle), then its data is refused as cut off', () => {
    const b = zip(parts);
    const dir = readZipDirectory(b);
    if (!dir.ok) throw new Error('expected a directory');
    const cut = Buffer.concat([b.subarray(0, 40), b.subarray(b.length - 22)]);
    expect(zipEntryData(cut, dir.entries[0], 0)).toMatchObject({ ok: false, problem: 'cut_off' });
    expect(zipEntryData(b, { ...dir.entries[1], localOffset: 3 }, 0)).toMatchObject({ ok: false, problem: 'local_header_missing' });
  });

  it('When the end record or an entry carries a ZIP64 marker, then the problem is zip64', () => {
    const b = zip(parts);
    const count = Buffer.from(b);
    count.writeUInt16LE(0xffff, endOf(b) + 10);
    expect(readZipDirectory(count)).toMatchObject({ ok: false, problem: 'zip64' });
    const offset = Buffer.from(b);
    offset.writeUInt32LE(0xffffffff, endOf(b) + 16);
    expect(readZipDirectory(offset)).toMatchObject({ ok: false, problem: 'zip64' });
    const entry = Buffer.from(b);
    entry.writeUInt32LE(0xffffffff, entry.readUInt32LE(endOf(b) + 16) + 24);
    expect(readZipDirectory(entry)).toMatchObject({ ok: false, problem: 'zip64', entry: 'brev/første.txt' });
  });

  it('When the end record declares more entries than the directory holds, then the missing header is named', () => {
    const b = Buffer.from(zip(parts));
    b.writeUInt16LE(3, endOf(b) + 10);
    const dir = readZipDirectory(b);
    expect(dir).toMatchObject({ ok: false, problem: 'entry_missing', index: 3, count: 3 });
    if (dir.ok) return;
    expect(sayLocal('nb', dir.said)).toBe('katalogoppføring 3 av 3 mangler');
    expect(sayLocal('en', dir.said)).toBe('central directory header 3 of 3 is missing');
  });

  it('When the end record places the directory before the file, or there are more entries than allowed, then each is said', () => {
    const b = Buffer.from(zip(parts));
    const outside = Buffer.from(b);
    outside.writeUInt32LE(b.length, endOf(b) + 16);
    expect(readZipDirectory(outside)).toMatchObject({ ok: false, problem: 'outside_file' });
    expect(readZipDirectory(b, { maxEntries: 1 })).toMatchObject({ ok: false, problem: 'too_many_entries', count: 2, max: 1 });
  });
});
