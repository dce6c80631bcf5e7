/**
 * Question 5 rules (pure): does the municipality want a new station, does it offer premises, where, and
 * co-located with whom. Each rule reads one sentence and gives a reading with a weight; `decideWants` and
 * `decidePremises` weigh the readings of the whole letter (answers in section 5 count double).
 *
 * A letter that already has a station and asks to keep or strengthen it ("i første rekke styrke dagens
 * tjenestested") is read as *not* asking for a new one (`no`, reason `strengthen`); a re-opened station
 * ("gjenopprette lensmannskontoret") counts as new.
 */
import type { EvidenceSentence, SuggestionDetails } from '../model/letters';
import {
  anaphor, assistOnly, policeProvide, recommendation, bareNo, bareYes, building, coLocate, definiteStation, elsewhere, existing, newStation, notNeeded, notThat, offer, partners, predicateHedge,
  premisesNoun, priority, streetAddress, strengthen, stationNoun, wish, word, has, hedge,
} from './lexicon';
import { clauses, crossesBoundary, hits, isHedged, isNegated, mentions, negations, prepare, type Prepared } from './scope';
import type { Sentence } from './text';

/** A sentence with what the rules need to know about it. */
export interface SentenceInfo {
  sentence: Sentence;
  question: 1 | 2 | 3 | 4 | 5 | null;
  p: Prepared;
  /** Ends with "?": an echoed question, never evidence. */
  isQuestion: boolean;
  /** The heading line of an answer section ("5. Nytt tjenestested"): only a bare "Ja"/"Nei" in it counts. */
  isHeading: boolean;
  /** First sentence of its answer section (where a bare "Ja"/"Nei" answers the question). */
  opensSection: boolean;
  /** The section comes from numbers, headings or echoed questions in the letter (not from topic words). */
  explicitSection: boolean;
}

/** One rule's reading of one sentence. */
export interface Reading {
  value: string;
  weight: number;
  info: SentenceInfo;
  rule: string;
}

const sectionFactor = (q: SentenceInfo['question'], own: number): number => (q === own ? 2 : q === null ? 1 : 0.7);

/**
 * The words that open the answer to question `q` (its number, label or echoed question taken off: "5. Nytt
 * tjenestested: Ja, …" → "Ja, …"), when the sentence opens that question's section; else null.
 */
export function sectionOpening(info: SentenceInfo, q: 1 | 2 | 3 | 4 | 5): string | null {
  if (info.question !== q || !info.opensSection || !info.explicitSection) return null;
  return info.sentence.text
    .replace(new RegExp(`^\\s*(?:(?:spørsmål|spm\\.?|sp\\.?|punkt)\\s*)?${q}\\s*[.):]?\\s*`, 'iu'), '')
    .replace(/^(?:om\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s*:\s+/u, '')
    .replace(/^[^?]*\?\s*/u, '')
    .trim();
}

/** "5. Ja, ..." / "Svar: Nei." at the start of the section for question 5. */
function shortAnswer(info: SentenceInfo): 'yes' | 'no' | null {
  const rest = sectionOpening(info, 5);
  if (rest === null) return null;
  if (bareYes.test(rest)) return 'yes';
  if (bareNo.test(rest)) return 'no';
  return null;
}

/** A listed answer: "– Ønsker kommunen nytt tjenestested: nei", "Nytt tjenestested: Ja, i Talvik". */
function listedAnswer(info: SentenceInfo): 'yes' | 'no' | null {
  const m = /^\s*(?:[-–•*]\s*)?([^:]{3,80}):\s*(.+)$/u.exec(info.sentence.text);
  if (!m || !mentions(prepare(m[1]), stationNoun) || mentions(prepare(m[1]), premisesNoun)) return null;
  return bareYes.test(m[2].trim()) ? 'yes' : bareNo.test(m[2].trim()) ? 'no' : null;
}

/** The station reading of one sentence, or null. */
export function stationReading(info: SentenceInfo): Reading | null {
  const short = shortAnswer(info) ?? listedAnswer(info);
  if (short) return { value: short, weight: 6, info, rule: `short answer "${short === 'yes' ? 'Ja' : 'Nei'}" to question 5` };
  if (info.isQuestion || info.isHeading) return null;
  const { p } = info;
  const f = sectionFactor(info.question, 5);
  // What the administration will recommend is not the municipality's answer (the council decides).
  if (mentions(p, recommendation) && mentions(p, stationNoun)) return { value: 'unclear', weight: 3 * f, info, rule: "the administration's recommendation, not the decision" };
  const stations = hits(p, stationNoun);
  if (stations.length === 0) return wishWithoutObject(info, f);
  // Pair each wish with the nearest station noun after it (else before it); the noun alone when there is no wish.
  const wishes = hits(p, wish);
  const pairs = wishes.map((w) => {
    const after = stations.find((s) => s.word >= w.word && !crossesBoundary(p, w.word, s.word));
    // A station before the wish: a few words back, or anywhere before when the wish's object is a pronoun ("ber om at dette …").
    const pronoun = hits(p, anaphor).some((a) => a.word > w.lastWord && a.word - w.lastWord <= 3);
    const before = [...stations].reverse().find((s) => s.word < w.word && (pronoun || (w.word - s.word <= 4 && !crossesBoundary(p, s.word, w.word))));
    return { w, noun: after ?? before };
  }).filter((x): x is { w: typeof wishes[number]; noun: typeof stations[number] } => x.noun !== undefined);
  // The wish that governs a station noun is the nearest one before it ("ønsker ikke å gå glipp av …, og søker derfor om et …").
  const forward = pairs.filter((x) => x.noun.word >= x.w.word).sort((a, b) => (a.noun.word - a.w.word) - (b.noun.word - b.w.word) || b.w.word - a.w.word);
  const pair = forward[0] ?? pairs[0];
  const w = pair?.w;
  const noun = pair?.noun ?? stations[0];
  const anchor = w ? Math.min(w.word, noun.word) : noun.word;
  const end = Math.max(noun.word, w?.word ?? 0);
  if (isHedged(p, anchor, end) || hedgedAfter(p, end)) return { value: 'unclear', weight: 2.5 * f, info, rule: 'undecided or deferred' };
  const isNew = hits(p, newStation).some((n) => Math.abs(n.word - noun.word) <= 4);
  const reopen = /gjenoppr|gjenåpn|gjenopn|reetabl|tilbake/.test(p.lower);
  const strengthens = hits(p, strengthen).some((s) => Math.abs(s.word - noun.word) <= 8);
  const existingStation = mentions(p, existing) || (hits(p, definiteStation).length > 0 && !reopen);
  if (strengthens && existingStation && !(isNew && !/dagens|eksister|noverande|nåværende/.test(p.lower))) {
    const first = mentions(p, priority);
    return { value: 'strengthen', weight: (first ? 4 : 3) * f, info, rule: first ? 'strengthen the existing station first' : 'strengthen the existing station' };
  }
  // "… fremfor at det opprettes nye tjenestesteder": a station after a contrast word is the alternative turned down.
  const contrast = hits(p, word('fremfor|framfor|heller enn|i stedet for|i staden for|snarere enn|snarare enn')).find((c) => c.word < noun.word && noun.word - c.word <= 8);
  if (contrast && !isNegated(p, contrast.word, contrast.word)) {
    return { value: 'strengthen', weight: (strengthens ? 4 : 3) * f, info, rule: 'a new station is the alternative turned down' };
  }
  // "Ikke aktuelt med et nytt tjenestested", "Et nytt tjenestested er ikke løsningen": in the station's clause.
  if (hits(p, notNeeded).some((h) => Math.abs(h.word - noun.word) <= 8 && !crossesBoundary(p, h.word, noun.word))) return { value: 'no', weight: 3 * f, info, rule: 'no need for a station' };
  const away = hits(p, elsewhere).find((e) => e.word > noun.word && e.word - noun.word <= 8 && !crossesBoundary(p, noun.word, e.word));
  if (away) return { value: 'no', weight: 2 * f, info, rule: 'a station meant for other municipalities' };
  if (w) {
    if (wishNegated(p, w.word, noun.word)) return { value: 'no', weight: (isNew ? 3.5 : 3) * f, info, rule: 'wish, negated' };
    return { value: 'yes', weight: (isNew ? 3.5 : 2.5) * f, info, rule: isNew ? 'wish for a new station' : 'wish for a station' };
  }
  // "Et nytt tjenestested er ikke løsningen": a new station, negated, without a wish verb.
  // Not a statement of fact about having one ("Vi har aldri hatt eget tjenestested").
  const possession = /(?:ikke|ikkje|aldri)\s+(?:lenger\s+|lengre\s+)?(?:hatt|har|hadde)|(?:har|hadde)\s+(?:\p{L}+\s+)?(?:ikke|ikkje|aldri|ingen)/u.test(p.lower);
  if (isNew && !possession && isNegated(p, Math.max(0, noun.word - 3), Math.min(p.wordStarts.length - 1, noun.word + 4), 0)) {
    return { value: 'no', weight: 2 * f, info, rule: 'a new station, negated' };
  }
  if (isNew && /viktig|avgjørande|avgjørende|nødvendig|naudsynt|behov|trengs|positiv|løft|styrke tryggleiken|styrke tryggheten/.test(p.lower) && !isNegated(p, 0, noun.word, 0)) {
    return { value: 'yes', weight: 1.5 * f, info, rule: 'a new station called important' };
  }
  return null;
}

/** A predicate hedge after the span, in the same clause ("… er ikke avklart", "… før vi vet …"). */
function hedgedAfter(p: Prepared, end: number): boolean {
  return hits(p, predicateHedge).some((h) => h.word > end && h.word - end <= 10 && !crossesBoundary(p, end, h.word));
}

/**
 * Whether a wish is negated: an inner negation ("ønsker ikke", "ikke ønsker") or an outer "det er ikke slik at …",
 * but not both (a double negative: "Det er ikke slik at vi ikke ønsker et tjenestested" is a wish).
 */
function wishNegated(p: Prepared, wish: number, noun: number): boolean {
  // A station named before the wish ("… tjenestested, og ber nå om å få et"): only a negation of the wish itself counts.
  const inner = noun < wish
    ? negations(p).some((n) => n.word > noun && n.word <= wish + 2 && !crossesBoundary(p, n.word, wish))
    : isNegated(p, wish, noun);
  const outer = hits(p, notThat).some((n) => n.word < wish && !crossesBoundary(p, n.word, wish));
  return inner !== outer;
}

/** "Ja, det ønsker vi" / "Kommunen ønsker ikke dette" inside section 5, without naming the station. */
function wishWithoutObject(info: SentenceInfo, f: number): Reading | null {
  if (info.question !== 5 || info.p.wordStarts.length > 12) return null;
  const w = hits(info.p, wish)[0];
  if (!w || /lokal|politi |synlig|telefon|nett/.test(info.p.lower)) return null;
  if (isHedged(info.p, w.word, w.word)) return { value: 'unclear', weight: 1.5 * f, info, rule: 'undecided (section 5)' };
  if (isNegated(info.p, w.word, w.word + 2)) return { value: 'no', weight: 2 * f, info, rule: 'wish, negated (section 5)' };
  return { value: 'yes', weight: 1.5 * f, info, rule: 'wish (section 5)' };
}

/** Weighs the station readings: the short answer to question 5 wins; otherwise yes against no+strengthen against unclear. */
export function decideWants(readings: readonly Reading[]): { value: 'yes' | 'no' | 'unclear'; reason: SuggestionDetails['wantsReason']; decisive: Reading | null; certainty: number } {
  const short = readings.find((r) => r.rule.startsWith('short answer'));
  if (short) return { value: short.value as 'yes' | 'no', reason: 'short-answer', decisive: short, certainty: 0.95 };
  const sum = (v: string) => readings.filter((r) => r.value === v).reduce((s, r) => s + r.weight, 0);
  const yes = sum('yes');
  const strong = sum('strengthen');
  const no = sum('no') + strong;
  const unclear = sum('unclear');
  const best = (v: string) => [...readings].filter((r) => r.value === v).sort((a, b) => b.weight - a.weight)[0] ?? null;
  const total = yes + no + unclear;
  if (total === 0) return { value: 'unclear', reason: 'none', decisive: null, certainty: 0 };
  if (yes > no && yes > unclear) return { value: 'yes', reason: 'wish', decisive: best('yes'), certainty: round(yes / total) };
  if (no > yes && no > unclear) {
    const byStrength = strong >= sum('no');
    return { value: 'no', reason: byStrength ? 'strengthen' : 'declined', decisive: byStrength ? best('strengthen') : best('no'), certainty: round(no / total) };
  }
  return { value: 'unclear', reason: 'hedged', decisive: best('unclear') ?? best('yes') ?? best('no'), certainty: round(Math.max(unclear, 0.5 * total) / total) };
}

const round = (x: number) => Math.round(x * 100) / 100;

// ------------------------------------------------------------------ premises

const placeAfter = '(?:\\s+(?:på|i)\\s+[A-ZÆØÅ][\\p{L}-]{1,40}(?:\\s(?:bru|sentrum|stasjon|havn|hamn))?)?';
const buildingRe = new RegExp(`(?<![\\p{L}])(?:i|på|ved|inn i|med|av)\\s+((?:[A-ZÆØÅ][\\p{L}-]{1,40}\\s)?${building}${placeAfter})(?![\\p{L}])`, 'gu');
/** A place without a building ("i Husnes sentrum"). */
const centreRe = /(?<![\p{L}])(?:i|på)\s+([A-ZÆØÅ][\p{L}-]{1,40}\s(?:sentrum|centrum))(?![\p{L}])/gu;
/** Rooms in a named place, without a building ("ledige kontor i Eivindvik"). */
const nounPlaceRe = /(?<![\p{L}])(?:lokale|lokaler|lokala|lokalene|kontor|kontorer|kontora|kontorlokale|kontorlokaler|areal|kontorplass)\s+(?:i|på)\s+([A-ZÆØÅ][\p{L}-]{1,40}(?:\s(?:sentrum|centrum))?)(?![\p{L}])/gu;

/** The police, a station or the lensmann named as a word of its own ("politiet", not "politikontakten"). */
const forThePolice = /(?<!\p{L})(?:politiet?|politiets|tjenestested\p{L}*|tenestestad\p{L}*|lensmann\p{L}*|polititjenestested\p{L}*)(?!\p{L})/u;
/** A clause that starts with its verb shares the subject of the clause before ("… står tomme og kan leies ut"). */
const subjectless = /^\s*(?:kan|vil|skal|blir|vert|står|stend|er|må|bør|kunne)(?!\p{L})/iu;

/** "Lokaler? Ja, i rådhuset." / "Kan kommunen tilby lokaler? Nei.": a short answer to a question about premises alone. */
function answerToPremisesQuestion(info: SentenceInfo, previous: SentenceInfo | undefined, f: number): Reading | null {
  if (!previous?.isQuestion || (previous.sentence.paragraph !== info.sentence.paragraph && previous.sentence.end + 2 < info.sentence.start)) return null;
  const q = previous.p;
  if (!mentions(q, premisesNoun) || q.wordStarts.length > 8 || /(?:hvis|viss|dersom|om) ja/.test(q.lower) || mentions(q, stationNoun)) return null;
  const text = info.sentence.text.trim();
  if (bareYes.test(text)) return { value: 'true', weight: 3 * f, info, rule: 'short answer "Ja" to a question about premises' };
  if (bareNo.test(text)) return { value: 'false', weight: 2.5 * f, info, rule: 'short answer "Nei" to a question about premises' };
  return null;
}

/** Premises readings of one sentence, clause by clause: offered, declined, only hedged, or help to find others'. */
export function premisesReadings(info: SentenceInfo, previous?: SentenceInfo): Reading[] {
  if (info.isQuestion || info.isHeading) return [];
  const f = sectionFactor(info.question, 5);
  const answer = answerToPremisesQuestion(info, previous, f);
  if (answer) return [answer];
  const out: Reading[] = [];
  let carried = false;
  for (const c of clauses(info.sentence.text)) {
    const p = prepare(c.text);
    const nouns = hits(p, premisesNoun);
    const hasNoun = nouns.length > 0 || (carried && subjectless.test(c.text));
    carried = nouns.length > 0;
    const partnerHit = partners.some((x) => has(x.pattern, p.lower));
    const offers = hits(p, offer);
    if (offers.length === 0 || (!hasNoun && !(partnerHit && /tilby|tilbod|stille|disposisjon|kan brukes|kan nyttast|velkom|flytte inn|leie|leige|huse|husa/.test(p.lower)))) continue;
    // Outside the answers to questions 4 and 5 an offer counts only when it is for the police.
    if (info.explicitSection && info.question !== null && info.question < 4 && !forThePolice.test(info.p.lower)) continue;
    const anchor = Math.min(offers[0].word, nouns[0]?.word ?? offers[0].word);
    const end = Math.max(offers[0].word, nouns[0]?.word ?? offers[0].word);
    const sub = { ...info, p };
    if (mentions(p, policeProvide)) out.push({ value: 'false', weight: 2.5 * f, info: sub, rule: 'the police find premises themselves' });
    else if (mentions(p, assistOnly)) out.push({ value: 'hedged', weight: 1 * f, info: sub, rule: 'help to find premises (not an offer)' });
    // A hedge after the offer hedges it too ("…, dersom det blir aktuelt etter en vurdering"), except an adverb that
    // only qualifies what follows it ("…, eventuelt i rådhuset").
    else if (isHedged(p, anchor, end) || hits(p, hedge).some((h) => h.word > end && !/^(?:eventuelt|kanskje|muligens|moglegvis)$/.test(h.text))) {
      out.push({ value: 'hedged', weight: 1 * f, info: sub, rule: 'offer hedged' });
    }
    else if (isNegated(p, anchor, end, 4)) out.push({ value: 'false', weight: 2.5 * f, info: sub, rule: 'offer negated' });
    else out.push({ value: 'true', weight: 3 * f, info: sub, rule: nouns.length ? 'premises offered' : 'co-location offered' });
  }
  return out;
}

/** Offered when any clause offers premises without negation or hedging. */
export function decidePremises(readings: readonly Reading[]): { value: boolean; hedged: boolean; decisive: Reading | null; certainty: number } {
  const pos = readings.filter((r) => r.value === 'true').sort((a, b) => b.weight - a.weight);
  if (pos.length) return { value: true, hedged: false, decisive: pos[0], certainty: pos[0].weight >= 6 ? 0.9 : 0.7 };
  const neg = readings.filter((r) => r.value === 'false').sort((a, b) => b.weight - a.weight);
  const hedged = readings.filter((r) => r.value === 'hedged');
  if (neg.length) return { value: false, hedged: hedged.length > 0, decisive: neg[0], certainty: 0.8 };
  if (hedged.length) return { value: false, hedged: true, decisive: hedged[0], certainty: 0.4 };
  return { value: false, hedged: false, decisive: null, certainty: 0.5 };
}

/** A building as the subject at the start of a sentence: "Det tidlegare Jølster rådhus på Skei har ledige kontor". */
const subjectBuildingRe = new RegExp(`^(?:[«"“]?\\s*)((?:(?:Det|Den|De|Dei)\\s+(?:\\p{Ll}+\\s+){0,2})?[A-ZÆØÅ][\\p{L}-]{1,40}\\s+${building}${placeAfter})(?![\\p{L}])`, 'u');

/** The address and/or building named in the offer sentence or the sentence after it. */
export function premisesText(texts: readonly string[]): string | null {
  for (const t of texts) {
    const address = [...t.matchAll(new RegExp(streetAddress.source, streetAddress.flags))][0]?.[0]?.trim() ?? null;
    const b = [...t.matchAll(buildingRe)].map((m) => m[1].trim()).find((x) => !/^(?:det|den|de|dei)$/i.test(x)) ?? subjectBuildingRe.exec(t)?.[1]?.trim() ?? null;
    if (address && b && !b.includes(address)) return `${b}, ${address}`;
    if (address || b) return address ?? b;
  }
  for (const t of texts) {
    const place = [...t.matchAll(centreRe)][0]?.[1] ?? [...t.matchAll(nounPlaceRe)][0]?.[1];
    if (place) return place;
  }
  return null;
}

/** Partners named with the offer or with an explicit co-location, unless negated. */
export function coLocationPartners(infos: readonly SentenceInfo[], offerSentences: ReadonlySet<number>): string[] {
  const found = new Set<string>();
  for (const info of infos) {
    if (info.isQuestion) continue;
    const relevant = offerSentences.has(info.sentence.index) || (mentions(info.p, coLocate) && (info.question === 5 || mentions(info.p, premisesNoun) || mentions(info.p, stationNoun)));
    if (!relevant) continue;
    for (const c of clauses(info.sentence.text)) {
      const p = prepare(c.text);
      for (const partner of partners) {
        const h = hits(p, partner.pattern)[0];
        if (!h) continue;
        if (isNegated(p, h.word, h.word, 5)) continue;
        found.add(partner.id);
      }
    }
  }
  return partners.map((x) => x.id).filter((id) => found.has(id));
}

/** Whether the sentence says the municipality has a station today (for the coding page's note). */
export const mentionsExistingStation = (p: Prepared): boolean => mentions(p, word('har (?:i dag |allerede |allereie |alt )?(?:et|eit|ett) (?:[\\p{L}-]+ )?(?:tjenestested|tenestestad|lensmannskontor|politistasjon)')) && !isNegated(p, 0, 6);

/** Evidence sentence from a reading. */
export function toEvidence(field: EvidenceSentence['field'], r: Reading): EvidenceSentence {
  return { field, text: r.info.sentence.text, start: r.info.sentence.start, end: r.info.sentence.end, rule: r.rule, reading: r.value };
}
