/**
 * Rules for questions 1, 2 and 4 (pure): the areas a municipality names as challenges, whether it is satisfied
 * with the police (yes / partly / no), and which access channels it wants more of. Readings are per sentence; the
 * answer sections (when the letter could be split) narrow which sentences count.
 */
import type { Area, Channel, Trend } from '../model/answers';
import { channels as allChannels } from '../model/answers';
import {
  areaCues, avoid, bareNo, bareYes, channelCues, continueVerb, complaint, dissatisfiedWord, has, less, more, partlyWord, praise, replaceVerb, same, satisfiedWord,
} from './lexicon';
import { crossesBoundary, hits, isHedged, isNegated, mentions, negations, type Prepared } from './scope';
import { sectionOpening, type Reading, type SentenceInfo } from './suggest-station';

/** Sentences of one question's section (numbered, headed or echoed in the letter), or all sentences when there is none. */
export function sectionOrAll(infos: readonly SentenceInfo[], q: 1 | 2 | 3 | 4 | 5): { infos: SentenceInfo[]; inSection: boolean } {
  const own = infos.filter((i) => i.explicitSection && i.question === q && !i.isQuestion && !i.isHeading);
  return own.length > 0 ? { infos: own, inSection: true } : { infos: infos.filter((i) => !i.isQuestion && !i.isHeading), inSection: false };
}

// ------------------------------------------------------------------ Q2

/** "Nei." / "Ja, men …" / "Nei, ikkje heilt." opening the answer to question 2. */
function shortSatisfaction(info: SentenceInfo): Reading | null {
  const rest = sectionOpening(info, 2);
  if (rest === null) return null;
  const partly = /^(?:ja|nei)\s*(?:,|og|–|-)\s*(?:ja|nei|ikke helt|ikkje heilt|ikke fullt ut|ikkje fullt ut|ikke fullt|ikkje fullt|ikke alltid|ikkje alltid|delvis|til dels|langt på vei|langt på veg|stort sett)/iu;
  if (partly.test(rest)) return { value: 'partly', weight: 6, info, rule: 'short answer to question 2, qualified' };
  if (bareNo.test(rest)) return { value: 'no', weight: 6, info, rule: 'short answer "Nei" to question 2' };
  if (bareYes.test(rest)) return { value: /\smen\s/iu.test(rest) ? 'partly' : 'yes', weight: 6, info, rule: 'short answer "Ja" to question 2' };
  return null;
}

/** Satisfaction readings of one sentence: a short answer (weight 6), explicit statements (weight 3) and complaints/praise (weight 1). */
export function satisfactionReadings(info: SentenceInfo, inSection: boolean): Reading[] {
  const { p } = info;
  const short = shortSatisfaction(info);
  if (short) return [short];
  const out: Reading[] = [];
  if (mentions(p, partlyWord)) out.push({ value: 'partly', weight: 3, info, rule: 'partly satisfied' });
  const dissatisfied = hits(p, dissatisfiedWord);
  // Each satisfaction word is read in its own clause ("ikke tilfreds med X, men godt fornøyd med Y" is both).
  let lastClause = -1;
  for (const s of hits(p, satisfiedWord)) {
    if (dissatisfied.some((d) => s.start >= d.start && s.start < d.end)) continue;
    const clause = p.boundaries.filter((b) => b <= s.word).length;
    if (clause === lastClause) continue;
    lastClause = clause;
    if (/(?:ikke|ikkje) (?:helt|heilt|fullt ut|fullt|heilt ut|alltid)\s/.test(p.lower.slice(Math.max(0, s.start - 22), s.start))) {
      out.push({ value: 'partly', weight: 3, info, rule: 'not fully satisfied' });
    } else if (isNegated(p, s.word, s.word)) out.push({ value: 'no', weight: 3, info, rule: 'satisfied, negated' });
    else {
      const rest = p.lower.slice(s.end);
      const but = /\s(?:men|likevel|samtidig)\s/.exec(rest);
      const tail = but ? rest.slice(but.index) : '';
      const mixed = but && (has(complaint, tail) || /(?:ikke|ikkje|ønsker|ønskjer|savner|saknar|flere|fleire|mer |meir )/.test(tail));
      out.push({ value: mixed ? 'partly' : 'yes', weight: 3, info, rule: mixed ? 'satisfied, but …' : 'satisfied' });
      if (mixed) break;
    }
  }
  if (mentions(p, dissatisfiedWord)) out.push({ value: 'no', weight: 3, info, rule: 'dissatisfied' });
  if (out.length > 0) return out;
  const w = inSection ? 1 : 0.4;
  if (mentions(p, complaint) && !isHedged(p, 0, p.wordStarts.length - 1, 0)) out.push({ value: 'no', weight: w, info, rule: 'complaint about the service' });
  if (mentions(p, praise)) out.push({ value: 'yes', weight: w, info, rule: 'praise for the service' });
  return out;
}

export function decideSatisfied(readings: readonly Reading[]): { value: 'yes' | 'partly' | 'no'; decisive: Reading | null; certainty: number } {
  // A short answer decides; a bare "Ja" followed by explicit reservations in the answer is partly.
  const short = readings.find((r) => r.weight >= 6);
  if (short) {
    const reserved = short.value === 'yes' && readings.some((r) => r !== short && r.weight >= 3 && r.value !== 'yes');
    return { value: reserved ? 'partly' : (short.value as 'yes' | 'partly' | 'no'), decisive: short, certainty: 0.9 };
  }
  const explicit = readings.filter((r) => r.weight >= 3);
  const pick = (v: string, from: readonly Reading[]) => from.find((r) => r.value === v) ?? null;
  if (explicit.length > 0) {
    const values = new Set(explicit.map((r) => r.value));
    const complaints = readings.filter((r) => r.weight < 3 && r.value === 'no').length;
    if (values.has('partly') || (values.has('yes') && values.has('no'))) return { value: 'partly', decisive: pick('partly', explicit) ?? explicit[0], certainty: 0.8 };
    if (values.has('no')) return { value: 'no', decisive: pick('no', explicit), certainty: 0.9 };
    if (complaints >= 2) return { value: 'partly', decisive: pick('yes', explicit), certainty: 0.6 };
    return { value: 'yes', decisive: pick('yes', explicit), certainty: 0.9 };
  }
  const no = readings.filter((r) => r.value === 'no').reduce((s, r) => s + r.weight, 0);
  const yes = readings.filter((r) => r.value === 'yes').reduce((s, r) => s + r.weight, 0);
  if (no > 0 && yes > 0) return { value: 'partly', decisive: pick('no', readings), certainty: 0.5 };
  if (no > 0) return { value: 'no', decisive: pick('no', readings), certainty: no >= 2 ? 0.6 : 0.4 };
  if (yes > 0) return { value: 'yes', decisive: pick('yes', readings), certainty: 0.4 };
  return { value: 'partly', decisive: null, certainty: 0 };
}

// ------------------------------------------------------------------ Q4

/** Attendance cues that name a service rather than the way of reaching it. */
const serviceVerb = /^(?:anmelde|levere anmeldelse|søke pass|søkje pass|for pass|pass og id|pass- og id)/u;

/** "held fram med å vere synleg", "fortsetter å patruljere": the channel kept as it is, unless a comparative asks for more. */
function continues(p: Prepared, at: number): boolean {
  const keep = hits(p, continueVerb).find((k) => k.word < at && at - k.lastWord <= 4);
  return keep !== undefined && !/(?<!\p{L})(?:mer|meir|flere|fleire|oftere|oftare|økt|auka|bedre|betre)(?!\p{L})/u.test(p.lower.slice(keep.start, p.wordStarts[at]));
}

/** Per channel named in the sentence: more / same / less. */
export function channelReadings(info: SentenceInfo, inSection: boolean): Reading[] {
  const { p } = info;
  const found = channelCues.map((c) => ({ id: c.id, hit: hits(p, c.pattern)[0] })).filter((c) => c.hit);
  // A service done online or by phone ("anmelde saker på nett") is that channel, not attendance in person.
  const remote = found.filter((c) => c.id === 'internet' || c.id === 'telephone').map((c) => c.hit.word);
  const named = found.filter((c) => !(c.id === 'attendance' && serviceVerb.test(c.hit.text) && remote.some((w) => w > c.hit.word && w - c.hit.word <= 4)));
  if (named.length === 0) return [];
  const out: Reading[] = [];
  const w = inSection ? 2 : 1;
  const replace = hits(p, replaceVerb)[0];
  const afterColon = /:\s*(.*)$/u.exec(info.sentence.text)?.[1]?.trim() ?? null;
  for (const c of named) {
    let value: Trend | null = null;
    let rule = '';
    if (replace) {
      const negatedReplace = isNegated(p, replace.word, replace.word, 3);
      if (c.hit.word < replace.word) [value, rule] = negatedReplace ? ['same', 'cannot replace the other channel'] : [null, ''];
      else [value, rule] = negatedReplace ? ['more', 'not to be replaced'] : [null, ''];
    } else if (afterColon !== null && c.hit.start < p.lower.indexOf(':') && (bareYes.test(afterColon) || bareNo.test(afterColon))) {
      [value, rule] = bareYes.test(afterColon) ? ['more', 'listed answer "ja"'] : ['same', 'listed answer "nei"'];
    } else if (hits(p, avoid).some((a) => a.word < c.hit.word && c.hit.word - a.lastWord <= 3)) [value, rule] = ['less', 'the channel avoided'];
    else if (continues(p, c.hit.word)) [value, rule] = ['same', 'continues as it is'];
    else if (mentions(p, less) && !isNegated(p, c.hit.word, c.hit.word, 6)) [value, rule] = ['less', 'less of the channel'];
    else if (mentions(p, more) && !isHedged(p, c.hit.word, c.hit.word, 14)) {
      // The occurrence of the channel nearest a "more" word; negation a few words around the pair ("ønskjer ikkje eit nytt").
      const pairs = hits(p, channelCues.find((x) => x.id === c.id)!.pattern).flatMap((ch) => hits(p, more).map((m) => ({ ch, m, d: Math.abs(m.word - ch.word) })));
      const { ch, m: moreHit } = pairs.sort((a, b) => a.d - b.d)[0];
      const lo = Math.min(moreHit.word, ch.word);
      const hi = Math.max(moreHit.word, ch.word);
      const negated = negations(p).some((n) => n.word >= lo - 3 && n.word <= hi + 2 && !crossesBoundary(p, n.word, n.word < lo ? lo : Math.min(n.word, hi)));
      [value, rule] = negated ? ['same', 'more, negated'] : mentions(p, same) && moreHit.word > ch.word + 8 ? ['same', 'works as it is'] : ['more', 'asks for more'];
    } else if (mentions(p, same)) [value, rule] = ['same', 'works as it is'];
    if (value) out.push({ value: `${c.id}:${value}`, weight: w, info, rule: `${c.id}: ${rule}` });
  }
  return out;
}

export function decideChannels(readings: readonly Reading[]): { trends: Record<Channel, Trend>; asked: Channel[]; decisive: Map<Channel, Reading> } {
  const trends = Object.fromEntries(allChannels.map((c) => [c, 'not_answered'])) as Record<Channel, Trend>;
  const decisive = new Map<Channel, Reading>();
  for (const ch of allChannels) {
    const score: Record<string, number> = { more: 0, same: 0, less: 0 };
    let top: Reading | null = null;
    for (const r of readings) {
      const [id, v] = r.value.split(':');
      if (id !== ch) continue;
      score[v] += r.weight;
      if (!top || r.weight > top.weight || (v === 'more' && !top.value.endsWith('more'))) top = r;
    }
    const best = (['more', 'less', 'same'] as const).filter((v) => score[v] > 0).sort((a, b) => score[b] - score[a])[0];
    if (best) {
      trends[ch] = best;
      const d = readings.find((r) => r.value === `${ch}:${best}`);
      if (d) decisive.set(ch, d);
    }
  }
  return { trends, asked: allChannels.filter((c) => trends[c] === 'more'), decisive };
}

// ------------------------------------------------------------------ Q1

/** The areas (prevention, preparedness, civil services) the answer to question 1 names. */
export function areasOf(infos: readonly SentenceInfo[]): Area[] {
  const found = new Set<Area>();
  for (const i of infos) for (const a of areaCues) if (mentions(i.p, a.pattern)) found.add(a.id);
  return (['prevention', 'preparedness', 'civil'] as const).filter((a) => found.has(a));
}
