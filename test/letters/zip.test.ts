import zlib from 'node:zlib';
import { sayLocal } from '../../src/common/errors';
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

  it.each([
    ['/etc/passwd.txt', 'has an absolute path'],
    ['C:\\brev\\a.txt', 'has an absolute path'],
    ['brev/../../a.txt', 'climbs out of its folder'],
    ['../.skjult.txt', 'climbs out of its folder'],
    ['__MACOSX/../../a.txt', 'climbs out of its folder'],
    ['brev\\..\\..\\a.txt', 'has a backslash'],
    ['a.txt\u0000.pdf', 'has a control character'],
    ['brev/\u202egpj.txt', 'has a control character'],
  ])('When an entry is named %j, then the whole ZIP is refused naming the entry and why', async (name, why) => {
    const r = await unzipLetters(zip([part(Buffer.from('brev/ok.txt'), 'Herøy kommune'), part(Buffer.from(name), 'x')]));
    expect(r).toMatchObject({ ok: false, said: { key: 'let.zip.badName' } });
    if (r.ok) return;
    expect(r.message).toContain(why);
    expect(r.message).not.toMatch(/[\u0000\u202e]/);
    expect(r.message).toContain(name.replace('\u0000', '\\u{0}').replace('\u202e', '\\u{202e}'));
  });

  it('When two entries have the same name (also in two Unicode spellings), then the ZIP is refused naming it, in bokmål and English', async () => {
    const same = await unzipLetters(zip([part(Buffer.from('brev/a.txt'), 'første'), part(Buffer.from('brev/a.txt'), 'andre')]));
    expect(same).toMatchObject({ ok: false, message: 'the ZIP is refused: the entry "brev/a.txt" appears twice in the ZIP' });
    if (!same.ok) expect(sayLocal('nb', same.said)).toBe('ZIP-filen er avvist: delen «brev/a.txt» finnes to ganger i ZIP-filen');
    const nfd = await unzipLetters(zip([part(Buffer.from('Herøy.txt'.normalize('NFC')), 'a'), part(Buffer.from('Herøy.txt'.normalize('NFD')), 'b')]));
    expect(nfd).toMatchObject({ ok: false, said: { key: 'let.zip.badName', params: { problem: { key: 'zip.name.duplicate' } } } });
  });

  it('When a name is very long and hostile, then the refusal shows at most 120 of its characters', async () => {
    const r = await unzipLetters(zip([part(Buffer.from(`/${'x'.repeat(5000)}`), 'x')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(250);
  });
});
