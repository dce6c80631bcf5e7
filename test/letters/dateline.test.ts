import fs from 'node:fs';
import path from 'node:path';
import { letterDate } from '../../src/letters/dateline';

const HEAD = 'HERØY KOMMUNE\nPostboks 3, 8850 Herøy\n\nJustis- og beredskapsdepartementet\nPostboks 8005 Dep\n0030 Oslo\n\n';
const BODY = '\n\nSvar på brev om bedre polititjenester og beredskap\n\nKommunen viser til brev av 23.02.2022. Fristen for svar er 1. juni 2022.\n';

describe('the date of a letter from its dateline', () => {
  it.each([
    ['Oslo, 12. mars 2022', '2022-03-12'],
    ['Oslo, 12.03.2022', '2022-03-12'],
    ['12.03.2022', '2022-03-12'],
    ['Oslo, 12.3.22', '2022-03-12'],
    ['Oslo 12/03/2022', '2022-03-12'],
    ['Sunndalsøra, 27. mai 2022', '2022-05-27'],
    ['Tromsø, 1. juni 2022', '2022-06-01'],
    ['Bergen, 3. okt. 2022', '2022-10-03'],
    ['Førde, 30 Mai 2022', '2022-05-30'],
    ['Mehamn 12.05.2022', '2022-05-12'],
    ['Guovdageaidnu / Kautokeino, 27.05.2022', '2022-05-27'],
    ['Mo i Rana, fredag 3. juni 2022', '2022-06-03'],
    ['2022-05-30', '2022-05-30'],
    ['Dato: 30.05.2022', '2022-05-30'],
    ['Vår dato: 30. mai 2022', '2022-05-30'],
    ['Sendt: tirsdag 31. mai 2022 15:42', '2022-05-31'],
    ['Utval: Kommunestyret    Møtedato: 19.05.2022    Utvalssak: 38/22', '2022-05-19'],
    ['Behandlet i: Kommunestyret, møte 16.05.2022', '2022-05-16'],
    ['Deres ref.: 22/535 - TRRI          Vår ref.: 2022/318          Silvalen, 24.05.2022', '2022-05-24'],
    ['Deres ref.: 22/535 - TRRI Vår ref.: 2022/318 Silvalen, 24.05.2022', '2022-05-24'],
  ])('When the top of the letter has «%s», then the date is %s', (line, iso) => {
    expect(letterDate(HEAD + line + BODY)).toBe(iso);
  });

  it.each([
    ['a reference to another letter in the running text', 'Kommunen viser til brev av 23.02.2022 fra ministeren.'],
    ['a deadline in the running text', 'Fristen for svar er 1. juni 2022.'],
    ['a date that is not in the calendar', 'Oslo, 31.02.2022'],
    ['a month that does not exist', 'Oslo, 12.13.2022'],
    ['a meeting in the running text', 'Saken ble behandlet i formannskapet 12.05.2022, sak 45/22.'],
  ])('When the top holds only %s, then no date is found (the form keeps the received date)', (_what, line) => {
    expect(letterDate(HEAD + line + BODY)).toBeNull();
  });

  it('When a labelled date comes before a dateline, then the dateline wins; when a dateline is past the top 30 lines, it is not read', () => {
    expect(letterDate(`${HEAD}Dato: 20.05.2022\nOslo, 24. mai 2022${BODY}`)).toBe('2022-05-24');
    expect(letterDate(`${HEAD}Saksbehandler: Tone    Vår ref.: 22/00871-3    Dato: 25.05.2022${BODY}`)).toBe('2022-05-25');
    expect(letterDate(`${'linje\n'.repeat(40)}Oslo, 24. mai 2022`)).toBeNull();
  });

  it('When every fixture letter is read, then each found date is in the reply window (20 May – 1 June 2022) and only letters without a dateline give none', () => {
    const root = path.join(__dirname, '..', 'fixtures');
    const found: [string, string | null][] = [];
    for (const dir of fs.readdirSync(root).filter((d) => d.startsWith('letters'))) {
      const src = path.join(root, dir, 'src');
      if (!fs.existsSync(src)) continue;
      for (const f of fs.readdirSync(src).filter((x) => x.endsWith('.txt'))) found.push([f, letterDate(fs.readFileSync(path.join(src, f), 'utf8'))]);
    }
    expect(found.length).toBeGreaterThan(100);
    for (const [, iso] of found) if (iso) expect(iso >= '2022-05-12' && iso <= '2022-06-01').toBe(true);
    expect(found.filter(([, iso]) => iso === null).map(([f]) => f).sort()).toEqual(['H12-heroy-sunnmore.txt', 'K09-valer-ostfold.txt', 'L35-heroy-uten-kontekst.txt']);
  });
  it('When the top of a letter is a run of capitals and hyphens or slashes (with or without a date after it), then the date is read as before, in well under a second', () => {
    // Place words and separators once both took "-": a 2,000-character line of "A-A-…" held the thread for minutes.
    for (const unit of ['A-', 'Ab-', 'A/', 'A -', 'A/ ', 'Aa Bb ']) {
      for (const tail of ['', ' 12.05.2022', ', 12.05.2022']) {
        const line = unit.repeat(Math.ceil(2000 / unit.length)).slice(0, 2000 - tail.length) + tail;
        const started = Date.now();
        letterDate(`${line}\n`.repeat(30));
        expect(Date.now() - started).toBeLessThan(5000);
      }
    }
    expect(letterDate(`${'Deres ref.: 22/1 '.repeat(10)}Vår ref.: 2022/55 Silvalen, 24.05.2022${BODY}`)).toBe('2022-05-24');
    expect(letterDate(`Bø-Vesterålen, 23. mai 2022${BODY}`)).toBe('2022-05-23');
    expect(letterDate(`Guovdageaidnu / Kautokeino 23.05.2022${BODY}`)).toBe('2022-05-23');
    expect(letterDate(`Mo i Rana 24.05.2022${BODY}`)).toBe('2022-05-24');
  });
});
