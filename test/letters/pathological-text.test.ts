/**
 * Letters of pathological text (long runs of one character or of short patterns) against the reader's regular
 * expressions: two of them backtracked quadratically (a 10,000-letter word took 1 s in the domain search, 10,000
 * stops 1.5 s in the sentence splitter, and a letter may hold 400,000 characters). The linear replacements find
 * the same things as the expressions they replace.
 */
import { createRng } from '../../src/engine/random';
import { analyseLetter } from '../../src/letters/analyse';
import { senderIndexFor } from '../../src/letters/reference';
import { kommuneDomains } from '../../src/letters/domains';
import { highlightSegments } from '../../src/letters/highlight';
import { splitSentences } from '../../src/letters/text';

/** The expression the domain search replaces, as a reference. */
function domainsByRegex(text: string): { start: number; end: number; domain: string }[] {
  const re = /(?:[a-z0-9-]+\.)*([a-z0-9-]+\.kommune\.no)/giu;
  const out: { start: number; end: number; domain: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, domain: m[1] });
  return out;
}

describe('pathological letter text', () => {
  it('When letters name kommune domains in many ways, then the linear search finds exactly what the regular expression found', () => {
    const texts = [
      'Kontakt post@heroy.kommune.no eller www.heroy.kommune.no.',
      'Se https://www.Alver.Kommune.NO/politi og postmottak@alver.kommune.no',
      '.kommune.no alene, a..kommune.no, -x-.kommune.no, x.y.z.kommune.no.kommune.no',
      'epost: ordforar@fedje.kommune.no;sak@fedje.kommune.no,ab.kommune.nob',
      'ingen domene her, bare kommune.no og kommune no',
      'a.b.kommune.no a.b..kommune.no .a.kommune.no æøå.kommune.no x.æ.kommune.no',
    ];
    for (const t of texts) expect(kommuneDomains(t)).toEqual(domainsByRegex(t));
  });

  it('When 2,000 seeded random strings of labels, stops and ".kommune.no" are searched, then both find the same domains', () => {
    const rng = createRng(11);
    const pieces = ['a', 'B', '1', '-', '.', ' ', '@', 'æ', '.kommune.no', 'kommune', '.no', 'no'];
    for (let k = 0; k < 2000; k++) {
      let t = '';
      for (let i = 0, len = 1 + Math.floor(rng.next() * 20); i < len; i++) t += pieces[Math.floor(rng.next() * pieces.length)];
      expect(kommuneDomains(t)).toEqual(domainsByRegex(t));
    }
  });

  it('When a letter is one 60,000-letter word, 60,000 stops or a 60,000-character list of short items, then it is analysed in seconds', () => {
    const index = senderIndexFor();
    for (const unit of ['a', '.', 'A. ', 'Ja. ', 'x\n1', '!? ', 'i Oslo sentrum ', 'A-']) {
      const text = unit.repeat(Math.ceil(60_000 / unit.length)).slice(0, 60_000);
      const started = Date.now();
      const a = analyseLetter(text, index);
      // Before: the 'a' and '.' letters took about 40 s each (quadratic); now well under a second on a quiet machine.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(a.text.length).toBeGreaterThan(59_000);
    }
  });

  it('When a run of stops ends a sentence, then it still splits there, and a list number or an abbreviation does not', () => {
    const s = splitSentences('Vi ønsker et tjenestested... Det er viktig!!! Se pkt. 2 i brevet. 2. Ja.');
    expect(s.map((x) => x.text)).toEqual(['Vi ønsker et tjenestested...', 'Det er viktig!!!', 'Se pkt. 2 i brevet.', '2. Ja.']);
  });
  it('When 500 seeded random sets of overlapping evidence are highlighted, then the segments equal those of the plain scan per cut', () => {
    // The plain version this sweep replaced (it scanned every span for every cut: 7.8 s for 28,000 evidence sentences).
    const plain = (text: string, evidence: readonly { field: string; start: number; end: number }[]) => {
      const spans = evidence.filter((e) => e.end > e.start && e.start >= 0 && e.end <= text.length);
      const cuts = [...new Set([0, text.length, ...spans.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
      const out: { text: string; fields: string[]; start: number }[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const [from, to] = [cuts[i], cuts[i + 1]];
        const fields = [...new Set(spans.filter((e) => e.start <= from && e.end >= to).map((e) => e.field))].sort();
        const prev = out[out.length - 1];
        if (prev && prev.fields.join() === fields.join()) prev.text += text.slice(from, to);
        else out.push({ text: text.slice(from, to), fields, start: from });
      }
      return out;
    };
    const rng = createRng(5);
    const text = 'Vi ønsker et tjenestested i sentrum. '.repeat(5);
    for (let k = 0; k < 500; k++) {
      const evidence = Array.from({ length: Math.floor(rng.next() * 12) }, () => {
        const start = Math.floor(rng.next() * (text.length + 5)) - 2;
        const field = (['wantsStation', 'offersPremises', 'satisfied'] as const)[Math.floor(rng.next() * 3)];
        return { field, start, end: start + Math.floor(rng.next() * 40) - 3 };
      });
      expect(highlightSegments(text, evidence)).toEqual(plain(text, evidence));
    }
  });
});
