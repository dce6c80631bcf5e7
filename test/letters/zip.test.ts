import zlib from 'node:zlib';
import { unzipLetters } from '../../src/letters/zip';

interface Part { name: Buffer; data: Buffer; unpacked: number; flags: number }

/** A ZIP of deflated parts; `declared` overrides the unpacked size the headers state. */
function zip(parts: readonly Part[], declared?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(p.flags, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.data.length, 18); local.writeUInt32LE(declared ?? p.unpacked, 22); local.writeUInt16LE(p.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(p.flags, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.data.length, 20); central.writeUInt32LE(declared ?? p.unpacked, 24); central.writeUInt16LE(p.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.data);
    centrals.push(central, p.name);
    offset += 30 + p.name.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const part = (name: Buffer, text: string, flags = 0x800): Part => ({ name, data: zlib.deflateRawSync(text), unpacked: Buffer.byteLength(text), flags });

describe('unzipLetters', () => {
  it('When a ZIP holds letters and hidden files, then the letters are unpacked with their names (UTF-8 or CP437) and the hidden files skipped', async () => {
    const cp437 = Buffer.from([0x62, 0x72, 0x65, 0x76, 0x2f, 0x9b, 0x2e, 0x74, 0x78, 0x74]); // "brev/¢.txt" in CP437
    const r = await unzipLetters(zip([part(Buffer.from('brev/Herøy.txt'), 'Herøy kommune'), part(cp437, 'abc', 0), part(Buffer.from('__MACOSX/._x'), 'meta')]));
    expect(r).toEqual({ ok: true, entries: [{ name: 'brev/Herøy.txt', bytes: Buffer.from('Herøy kommune') }, { name: 'brev/¢.txt', bytes: Buffer.from('abc') }] });
  });

  it('When a part unpacks to more than its header declares, then the ZIP is refused and the part named', async () => {
    const r = await unzipLetters(zip([part(Buffer.from('a.txt'), 'x'.repeat(10000))], 100));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('a.txt: unpacks to more than the 100 bytes it declares') });
  });

  it('When a part declares more than a letter may hold, then the ZIP is refused before anything is unpacked', async () => {
    const r = await unzipLetters(zip([part(Buffer.from('a.txt'), 'x')], 11 * 1024 * 1024));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('a.txt: 11534336 bytes unpacked') });
  });

  it('When a part is encrypted, or the file is no ZIP, then the ZIP is refused with the reason', async () => {
    expect(await unzipLetters(zip([part(Buffer.from('a.txt'), 'x', 0x801)]))).toMatchObject({ ok: false, message: expect.stringContaining('a.txt: the file is encrypted') });
    expect(await unzipLetters(Buffer.from('PK\u0003\u0004 not really'))).toMatchObject({ ok: false, message: expect.stringContaining('could not be read') });
  });
});
