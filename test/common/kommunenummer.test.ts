import fs from 'node:fs';
import path from 'node:path';
import { isKommunenummer, kommunenummer, KOMMUNENUMMER_PATTERN } from '../../src/common/kommunenummer';
import { kommunenummerField } from '../../src/common/fields';
import { describeZodError } from '../../src/common/errors';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('the kommunenummer, defined once', () => {
  it('When a value has exactly four digits, then it is a kommunenummer; anything else is not', () => {
    expect(['0301', '5601', '0000'].every(isKommunenummer)).toBe(true);
    expect([301, '301', '03011', ' 0301', '03a1', '', null, undefined, ['0301']].some(isKommunenummer)).toBe(false);
    expect(kommunenummer('0301')).toBe('0301');
    expect(() => kommunenummer('301')).toThrow('"301"');
  });

  it('When the schema reads a bad kommunenummer, then the message names the value given, in both languages', () => {
    const bad = kommunenummerField.safeParse('50x1');
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(describeZodError(bad.error, 'kommunenummer: ')).toBe('kommunenummer: must be a kommunenummer of 4 digits, got "50x1"');
    expect(describeZodError(bad.error, 'kommunenummer: ', 'nb')).toBe('kommunenummer: må være et kommunenummer med fire sifre, fikk «50x1»');
    expect(kommunenummerField.parse('5601')).toBe('5601');
  });

  it('When src/ is searched for the four-digit pattern, then only common/kommunenummer.ts defines it', () => {
    const root = path.resolve(__dirname, '../../src');
    const holders = sourceFiles(root)
      .filter((f) => fs.readFileSync(f, 'utf8').includes(`/${KOMMUNENUMMER_PATTERN.source}/`))
      .map((f) => path.relative(root, f));
    expect(holders).toEqual(['common/kommunenummer.ts']);
  });
});
