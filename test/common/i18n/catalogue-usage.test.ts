/**
 * Every key of the message catalogue is used somewhere: a key appears as a literal (`'ws.status.optimal'`)
 * in the server code, the browser code or a view, or, for the documents' `report.*` area, as its name
 * (`text(locale, 'page')`, `T('page')`) in `src/export`. Keys are never pieced together at run time
 * (typed maps in `model/labels.ts` hold them as literals), so a key found nowhere is dead text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dictionary } from '../../../src/common/i18n';

const root = path.resolve(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.(ts|ejs)$/.test(e.name) ? [p] : [];
  });
}

const catalogueDir = path.join(root, 'src/common/i18n');
const code = [...filesUnder(path.join(root, 'src')), ...filesUnder(path.join(root, 'views'))]
  .filter((f) => !f.startsWith(catalogueDir))
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');
const exportCode = filesUnder(path.join(root, 'src/export')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

function quoted(text: string, word: string): boolean {
  return ["'", '"', '`'].some((q) => text.includes(`${q}${word}${q}`));
}

describe('the message catalogue', () => {
  it('has no key that nothing uses', () => {
    const unused = Object.keys(dictionary('nb')).filter((key) => {
      if (quoted(code, key)) return false;
      const report = /^report\.(.+)$/.exec(key);
      return !(report && quoted(exportCode, report[1]));
    });
    expect(unused).toEqual([]);
  });

  it('has a text in both locales for every key', () => {
    const nb = dictionary('nb');
    const en = dictionary('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    const empty = Object.keys(nb).filter((k) => !nb[k as keyof typeof nb].trim() || !en[k as keyof typeof en].trim());
    expect(empty).toEqual([]);
  });
});
