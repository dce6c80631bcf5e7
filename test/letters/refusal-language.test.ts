/**
 * The letters page says why a file or a ZIP is refused in the reader's language (bokmål by default, English when
 * chosen), naming the file and, inside a ZIP, what is wrong with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { createApp } from '../../src/web/app';
import { listLetters } from '../../src/db/letters-repo';

const fixtures = path.join(__dirname, '..', 'fixtures', 'letters');

describe('Letter refusals in the reader\'s language', () => {
  const db = memoryDb();
  let planner: Awaited<ReturnType<typeof agentAs>>;
  beforeAll(async () => {
    planner = await agentAs(createApp({ db }), db, 'planner');
  });

  it('When an image is uploaded as a letter, then the page says why in bokmål by default and in English when chosen', async () => {
    const png = fs.readFileSync(path.join(fixtures, 'refused', 'picture.png'));
    const nb = await planner.post('/letters').set('Accept', 'text/html').attach('file', png, 'skann.png').expect(422);
    expect(nb.text).toContain('<td>skann.png</td>');
    expect(nb.text).toContain('<td>en bildefil (en skanning?); brev må være PDF med tekst, DOCX eller TXT</td>');
    const en = await planner.post('/letters?lang=en').set('Accept', 'text/html').attach('file', png, 'skann.png').expect(422);
    expect(en.text).toContain('<td>an image file (a scan?); letters must be PDF with text, DOCX or TXT</td>');
    expect(listLetters(db)).toHaveLength(0);
  });

  it('When a ZIP of letters is cut off, then the page says the ZIP cannot be read and what is missing, in bokmål and in English', async () => {
    const whole = fs.readFileSync(path.join(fixtures, 'batch-three.zip'));
    const cut = whole.subarray(0, whole.length - 10);
    const nb = await planner.post('/letters?lang=nb').set('Accept', 'text/html').attach('file', cut, 'brev.zip').expect(422);
    expect(nb.text).toContain('<td>brev.zip</td>');
    expect(nb.text).toContain('<td>ZIP-filen kunne ikke leses (sluttposten for ZIP-katalogen mangler)</td>');
    const en = await planner.post('/letters?lang=en').set('Accept', 'text/html').attach('file', cut, 'brev.zip').expect(422);
    expect(en.text).toContain('<td>the ZIP file could not be read (no end of central directory record)</td>');
    const api = await planner.post('/api/letters').attach('file', cut, 'brev.zip').expect(422);
    expect(api.body.items[0]).toMatchObject({ outcome: 'refused', code: 'zip', message: 'the ZIP file could not be read (no end of central directory record)' });
    // The API says it in the reader's language too, with the catalogue key beside it.
    const apiNb = await planner.post('/api/letters?lang=nb').attach('file', cut, 'brev.zip').expect(422);
    expect(apiNb.body.items[0]).toMatchObject({ outcome: 'refused', code: 'zip', message: 'ZIP-filen kunne ikke leses (sluttposten for ZIP-katalogen mangler)' });
    expect(apiNb.body.items[0].said.key).toEqual(expect.any(String));
  });

  it('When a ZIP holds a nested ZIP, then the page names the inner file in the reader\'s language', async () => {
    const { default: zlib } = await import('node:zlib');
    const name = Buffer.from('brev/mer.zip');
    const data = zlib.deflateRawSync('x');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(0x800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(1, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(0x800, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(1, 24); central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    const nb = await planner.post('/letters?lang=nb').set('Accept', 'text/html').attach('file', zip, 'samling.zip').expect(422);
    expect(nb.text).toContain('<td>brev/mer.zip: en ZIP inne i ZIP-filen leses ikke; pakk den ut først</td>');
    const en = await planner.post('/letters?lang=en').set('Accept', 'text/html').attach('file', zip, 'samling.zip').expect(422);
    expect(en.text).toContain('<td>brev/mer.zip: a ZIP inside the ZIP is not read; unpack it first</td>');
  });

  it('When a ZIP entry\'s name climbs out with «..» and holds markup and a NUL, then the whole ZIP is refused, nothing stored, and the page names the entry escaped, in bokmål and English', async () => {
    const { default: zlib } = await import('node:zlib');
    const name = Buffer.from('brev/<img src=x onerror=alert(1)>\u0000/../../../etc/a.txt');
    const data = zlib.deflateRawSync('Herøy kommune ønsker et tjenestested.');
    const size = Buffer.byteLength('Herøy kommune ønsker et tjenestested.');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(0x800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(0x800, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    const before = listLetters(db).length;
    const nb = await planner.post('/letters?lang=nb').set('Accept', 'text/html').attach('file', zip, 'slip.zip').expect(422);
    expect(nb.text).not.toContain('<img src=x');
    expect(nb.text).not.toContain('\u0000');
    expect(nb.text).toContain('<td>ZIP-filen er avvist: delen «brev/&lt;img src=x onerror=alert(1)&gt;\\u{0}/../../../etc/a.txt» har et kontrolltegn');
    const api = await planner.post('/api/letters?lang=en').attach('file', zip, 'slip.zip').expect(422);
    expect(api.body.items[0]).toMatchObject({ file: 'slip.zip', outcome: 'refused', code: 'zip', message: expect.stringMatching(/^the ZIP is refused: the entry "brev\/<img src=x onerror=alert\(1\)>\\u\{0\}\/\.\.\/\.\.\/\.\.\/etc\/a\.txt" has a control character/) });
    expect(listLetters(db)).toHaveLength(before);
  });
});
