/**
 * The language check: finds, in a text meant for a reader of one language, the words of the other
 * language and raw catalogue keys.
 *
 * The heuristic is two short word lists, each of common words of one language that are not words
 * of the other (checked against the bokmål and English dictionaries by hand: `is`, `and`, `to`,
 * `by`, `or`, `not`, `all`, `time`, `import`, `data` are words in both and are left out), plus the
 * keys of the message catalogue and a pattern for key-shaped strings under a catalogue area
 * (`resp.premises.none`), plus unfilled `{placeholders}`. Proper names (municipalities, counties,
 * police districts, sources and the fixture's people) are removed first: "Møre og Romsdal" is a name,
 * not Norwegian in an English page.
 */
import { dictionary, type Locale } from '../../src/common/i18n';

/** Common English words that are not Norwegian words. */
export const ENGLISH_ONLY = new Set(
  `the of with from this that these those which what where when there their they you your have has been was were
  should would could will into than then only each every other about between after before because yes cannot
  exceeds eligible candidate candidates municipality municipalities shortlist shortlists score sources source
  coverage exact current delete deleted persons people residents empty file place district districts sample
  weight weights travel drive minutes station stations police changed created updated saved invalid required
  must missing unknown advice supports opposes share target parameters method role sign-in sign-out signed
  page may here
  row column field value values none found denied access link used expired already`.split(/\s+/).filter(Boolean),
);

/** Common Norwegian bokmål (and nynorsk) words that are not English words. */
export const NORWEGIAN_ONLY = new Set(
  `og ikke ikkje eller fra frå av på til med som det den ble blir har kan skal må ved etter før hvor hva kva hvis når
  også mellom kommune kommuner kommunen kommunene kortliste kortlisten kortlister poengsum kilde kilder vekt vekter
  lagre slett svar mål dekning kjøretid kjøretiden innbyggere politidistrikt distrikt distriktet tjenestested
  tjenestesteder forslag forslaget eksempel eksempeldata endret opprettet ingen alle nye sist dato filen rad raden
  kolonne kolonnen felt feltet ugyldig mangler ja nei vurdert vurdering sted steder innen uten eksakt personer
  antall andel fil siden side lenken brukt rolle`.split(/\s+/).filter(Boolean),
);

/** A problem found in a text. */
export interface LanguageFinding {
  kind: 'foreign-word' | 'raw-key' | 'placeholder';
  match: string;
  context: string;
}

const allKeys = Object.keys(dictionary('nb'));
const keySet = new Set(allKeys);
const areaPrefixes = [...new Set(allKeys.map((k) => k.split('.')[0]))];
const keyPattern = new RegExp(`(?<![\\w./@-])(?:${areaPrefixes.join('|')})\\.[a-zA-Z][\\w-]*(?:\\.[\\w-]+)*(?![\\w/@-])`, 'g');

function contextOf(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/g, ' ');
}

/**
 * Removes proper names and quoted texts (longest first, whitespace-insensitive), so their words are
 * not read as words of a language: a municipality's answer quoted in an English report is Norwegian.
 */
export function withoutNames(text: string, names: readonly string[]): string {
  const sorted = [...new Set(names.filter((n) => n.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (!sorted.length) return text;
  // Whitespace may differ and a hyphen may vanish where a PDF line broke (pdftotext joins "SLT-" and "arbeidet").
  const escaped = sorted.map((n) => n.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/-/g, '-?\\s*'));
  return text.replace(new RegExp(`(?<![\\p{L}\\d])(?:${escaped.join('|')})(?![\\p{L}\\d])`, 'gu'), ' ');
}

/**
 * The words of the other language, raw catalogue keys and unfilled placeholders in `text`, which
 * is meant for a reader of `locale`. `names` are removed first.
 */
export function languageFindings(text: string, locale: Locale, names: readonly string[] = []): LanguageFinding[] {
  const clean = withoutNames(text, names);
  const findings: LanguageFinding[] = [];
  const foreign = locale === 'nb' ? ENGLISH_ONLY : NORWEGIAN_ONLY;
  // A token joined by `_`, `/`, `.`, `@` or `:` inside it is an identifier, file name or address, not a word.
  for (const m of clean.matchAll(/[\p{L}\p{N}_./@:-]+/gu)) {
    const token = m[0].replace(/^[.:/-]+|[.:/-]+$/g, '');
    if (/[_/.@:]/.test(token)) continue;
    for (const w of token.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      if (foreign.has(w[0].toLowerCase())) findings.push({ kind: 'foreign-word', match: w[0], context: contextOf(clean, m.index!, token.length) });
    }
  }
  for (const m of clean.matchAll(keyPattern)) {
    const kind = keySet.has(m[0]) || m[0].split('.').length >= 2 ? 'raw-key' : null;
    if (kind) findings.push({ kind, match: m[0], context: contextOf(clean, m.index!, m[0].length) });
  }
  for (const m of clean.matchAll(/\{[a-zA-Z]\w*\}/g)) findings.push({ kind: 'placeholder', match: m[0], context: contextOf(clean, m.index!, m[0].length) });
  return findings;
}

/**
 * Collects findings from many places; `lines()` lists each distinct finding once, with how many
 * places show it and the first of them, so a text repeated on every page is one line.
 */
export class FindingLog {
  private readonly seen = new Map<string, { first: string; count: number }>();

  add(where: string, findings: readonly LanguageFinding[]): void {
    for (const f of findings) {
      const line = `${f.kind} "${f.match}" in «${f.context}»`;
      const entry = this.seen.get(line);
      if (entry) entry.count += 1;
      else this.seen.set(line, { first: where, count: 1 });
    }
  }

  lines(): string[] {
    return [...this.seen].map(([line, e]) => `${e.first}${e.count > 1 ? ` (+${e.count - 1} more)` : ''}: ${line}`);
  }
}
