/**
 * Finds which municipality sent a letter, from its content only (pure). Evidence is collected and weighed:
 *
 * - strong: a subject line "Svar fra X kommune", the municipality's web/e-mail domain (`heroy-no.kommune.no`), a
 *   labelled municipality number (2024 code or a code from before the 2020 reform or the 2024 county split),
 *   "X kommune" in the letterhead or the signature, the letterhead's postcode and place, a dateline "Fosnavåg, 12.5.2022";
 * - weak: "X kommune" and place names in the body (villages, postal places, former municipalities);
 * - context, which only re-weighs candidates already found: county names (also Viken, Vestfold og Telemark, Troms
 *   og Finnmark and the counties before 2020), police districts, and other municipalities named in the letter,
 *   which speak for candidates near them (a letter from Herøy that names Ulstein and Hareid is from Herøy in Møre og
 *   Romsdal). A municipality named as "nabokommune" counts against itself.
 * The recipient block (the ministry in Oslo) is skipped. Confidence combines the winner's strength with its margin
 * over the runner-up; a tie (a shared name with no context) gives no sender.
 */
import type { SenderCandidate, SenderEvidence, SenderMatch } from '../model/letters';
import { senderThresholds } from '../model/letters';
import { fold } from './text';
import { haversineKmScalar } from '../engine/sphere';
import { kommuneDomains } from './domains';

export interface ReferenceMunicipality {
  kommunenummer: string;
  name: string;
  countyName: string;
  policeDistrict: string;
  lon: number;
  lat: number;
}

export interface GazetteerEntry {
  name: string;
  kind: 'kommune' | 'admin_centre' | 'former_kommune' | 'postal_place' | 'postcode' | 'web_domain';
  kommunenummer: string;
}

export interface HistoryEntry {
  code: string;
  name: string;
  county: string;
  period: 'before-2020' | '2020-2023';
  kommunenummer: string;
}

/** The reference data sender matching needs (loaded from data/ by the shell). */
export interface LetterReference {
  municipalities: readonly ReferenceMunicipality[];
  gazetteer: readonly GazetteerEntry[];
  history: readonly HistoryEntry[];
}

type NameKind = 'kommune' | 'place' | 'county' | 'district';

interface NameHit {
  kind: NameKind;
  /** Municipalities the name points at (all of a county or district). */
  knr: readonly string[];
  /** For places: how many municipalities share the name. */
  shared: number;
}

/** Prepared lookup tables (build once per reference with `buildSenderIndex`). */
export interface SenderIndex {
  byKnr: ReadonlyMap<string, ReferenceMunicipality>;
  names: ReadonlyMap<string, NameHit[]>;
  maxTokens: number;
  postcodes: ReadonlyMap<string, readonly string[]>;
  domains: ReadonlyMap<string, string>;
  codes: ReadonlyMap<string, readonly string[]>;
}

function addName(map: Map<string, NameHit[]>, name: string, hit: NameHit): void {
  const key = fold(name).replace(/\s*-\s*/g, '-');
  const list = map.get(key) ?? [];
  const same = list.find((h) => h.kind === hit.kind);
  if (same) same.knr = [...new Set([...same.knr, ...hit.knr])];
  else list.push({ ...hit });
  map.set(key, list);
}

/** Builds the lookup tables from the reference data. */
export function buildSenderIndex(ref: LetterReference): SenderIndex {
  const names = new Map<string, NameHit[]>();
  const byKnr = new Map(ref.municipalities.map((m) => [m.kommunenummer, m]));
  const group = (pairs: Iterable<[string, string]>) => {
    const out = new Map<string, Set<string>>();
    for (const [k, v] of pairs) out.set(k, (out.get(k) ?? new Set()).add(v));
    return out;
  };
  for (const [name, knrs] of group(ref.gazetteer.filter((g) => g.kind === 'kommune').map((g) => [g.name, g.kommunenummer]))) {
    addName(names, name, { kind: 'kommune', knr: [...knrs], shared: knrs.size });
  }
  const placeKinds = new Set(['admin_centre', 'former_kommune', 'postal_place']);
  for (const [name, knrs] of group(ref.gazetteer.filter((g) => placeKinds.has(g.kind)).map((g) => [g.name, g.kommunenummer]))) {
    addName(names, name, { kind: 'place', knr: [...knrs], shared: knrs.size });
  }
  const counties = group([
    ...ref.municipalities.map((m): [string, string] => [m.countyName, m.kommunenummer]),
    ...ref.history.map((h): [string, string] => [h.county, h.kommunenummer]),
  ]);
  for (const [name, knrs] of counties) addName(names, name, { kind: 'county', knr: [...knrs], shared: knrs.size });
  for (const [name, knrs] of group(ref.municipalities.map((m) => [m.policeDistrict, m.kommunenummer]))) {
    addName(names, name, { kind: 'district', knr: [...knrs], shared: knrs.size });
  }
  const maxTokens = Math.max(...[...names.keys()].map((k) => k.split(' ').length));
  const postcodes = group(ref.gazetteer.filter((g) => g.kind === 'postcode').map((g) => [g.name, g.kommunenummer]));
  const domains = new Map(ref.gazetteer.filter((g) => g.kind === 'web_domain').map((g) => [g.name.toLowerCase(), g.kommunenummer]));
  const codes = group([
    ...ref.municipalities.map((m): [string, string] => [m.kommunenummer, m.kommunenummer]),
    ...ref.history.map((h): [string, string] => [h.code, h.kommunenummer]),
  ]);
  return {
    byKnr, names, maxTokens,
    postcodes: new Map([...postcodes].map(([k, v]) => [k, [...v]])),
    domains,
    codes: new Map([...codes].map(([k, v]) => [k, [...v]])),
  };
}

// ------------------------------------------------------------------ zones of a letter

interface Zones {
  headerEnd: number;
  signatureStart: number;
  excluded: { start: number; end: number }[];
}

const recipientRe = /departement|postboks 8005|\bdep\.?\s*$|regjeringen\.no|justis- og beredskaps|statsråd|justisministeren|emilie (enger )?mehl/iu;
const signatureRe = /^\s*(?:med (?:vennlig |venleg |vennleg )?hilsen|med (?:vennleg |venleg )?helsing|vennlig hilsen|venleg helsing|vennleg helsing|mvh\.?|helsing)\b/iu;

/** A line of running text (not a letterhead, address or heading line). */
const isProse = (line: string) => {
  const words = line.trim().split(/\s+/).filter(Boolean).length;
  return words >= 9 || (words >= 6 && /[.!?]$/.test(line.trim()));
};

function zonesOf(text: string): Zones {
  const lines: { text: string; start: number }[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    lines.push({ text: l, start: pos });
    pos += l.length + 1;
  }
  // The letterhead: up to the first line of running text, at most 16 lines.
  let headerEnd = text.length;
  let nonEmpty = 0;
  for (const l of lines) {
    if (l.text.trim() !== '') nonEmpty++;
    if (isProse(l.text) || nonEmpty > 16) { headerEnd = l.start; break; }
  }
  // The signature: from "Med hilsen" (in the last part of the letter), else the last lines that are not running text.
  const sig = [...lines].reverse().find((l) => signatureRe.test(l.text));
  let signatureStart: number;
  if (sig && sig.start >= text.length * 0.4) signatureStart = sig.start;
  else {
    signatureStart = text.length;
    for (let i = lines.length - 1, n = 0; i >= 0 && n < 6 && !isProse(lines[i].text); i--) {
      if (lines[i].text.trim() !== '') n++;
      signatureStart = lines[i].start;
    }
  }
  // The recipient's address block (the ministry) counts for nobody: its line and the short address lines after it.
  const excluded: { start: number; end: number }[] = [];
  lines.forEach((l, i) => {
    if (!recipientRe.test(l.text) || isProse(l.text)) return;
    let end = i;
    while (end + 1 < lines.length && end - i < 4) {
      const next = lines[end + 1].text.trim();
      if (next === '' || next.length > 50 || next.split(/\s+/).length > 6) break;
      end++;
    }
    excluded.push({ start: l.start, end: lines[end].start + lines[end].text.length });
  });
  return { headerEnd, signatureStart, excluded };
}

const inside = (z: Zones, at: number) => z.excluded.some((e) => at >= e.start && at < e.end);

// ------------------------------------------------------------------ scanning

interface Word { text: string; start: number; end: number }

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

interface Found { hits: NameHit[]; start: number; end: number; text: string; next: string; prev: string; prev3: string }

/** Longest-first matching of gazetteer names over the words; a name must start with a capital letter. */
function scanNames(index: SenderIndex, text: string, words: readonly Word[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i].text;
    if (!/^\p{Lu}/u.test(first)) continue;
    for (let n = Math.min(index.maxTokens, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      if (span.some((w, k) => k > 0 && text.slice(span[k - 1].end, w.start).trim() !== '' && text.slice(span[k - 1].end, w.start).trim() !== '-')) continue;
      const key = fold(span.map((w) => w.text).join(' ')).replace(/\s*-\s*/g, '-');
      const hits = index.names.get(key);
      if (!hits) continue;
      const last = span[span.length - 1];
      out.push({
        hits, start: span[0].start, end: last.end, text: text.slice(span[0].start, last.end),
        next: (words[i + n]?.text ?? '').toLowerCase(), prev: (words[i - 1]?.text ?? '').toLowerCase(),
        prev3: words.slice(Math.max(0, i - 3), i).map((w) => w.text.toLowerCase()).join(' '),
      });
      i += n - 1;
      break;
    }
  }
  return out;
}

const kommuneWord = /^(kommune|kommunes|kommunestyre|kommunestyret|kommunestyres|formannskap|formannskapet|heradsstyre|kommunen)$/u;
const ownRolePrev = /(ordfører|ordføraren|ordføreren|rådmann|rådmannen|kommunedirektør|kommunedirektøren|kommunestyret|formannskapet|kommunalsjef)\s+(i|for)$/u;
const neighbourPrev = /(nabokommune|nabokommunen|nabokommunene|nabokommunane|nabokommunar|naboen|nabo|kommunene|kommunane|og|,)$/u;

/** Adds weight to a candidate. */
function credit(acc: Map<string, SenderEvidence[]>, knr: string, e: SenderEvidence): void {
  // In place: a copy per piece of evidence was quadratic (a letter naming Oslo 10,000 times took 5.5 s).
  if (!acc.get(knr)?.push(e)) acc.set(knr, [e]);
}

function zoneOf(z: Zones, at: number): 'header' | 'signature' | 'body' {
  return at < z.headerEnd ? 'header' : at >= z.signatureStart ? 'signature' : 'body';
}

/** Evidence from names: "X kommune" phrases, bare names, places; county and district names go to `context`. */
function nameEvidence(found: readonly Found[], z: Zones, acc: Map<string, SenderEvidence[]>, context: Found[], mentioned: Set<string>): void {
  for (const f of found) {
    if (inside(z, f.start)) continue;
    const zone = zoneOf(z, f.start);
    const strongZone = zone !== 'body';
    const isKommune = f.hits.some((h) => h.kind === 'kommune');
    for (const hit of f.hits) {
      if (hit.kind === 'place' && isKommune) continue;
      if (hit.kind === 'county' || hit.kind === 'district') { context.push({ ...f, hits: [hit] }); continue; }
      const base = { text: f.text, start: f.start, end: f.end };
      if (hit.kind === 'kommune') {
        const phrase = kommuneWord.test(f.next) || ownRolePrev.test(f.prev3);
        const neighbour = /nabo/.test(f.prev3) || (phrase && f.next === 'kommune' && neighbourPrev.test(f.prev) && /kommunene|kommunane|nabo/.test(f.prev3));
        for (const k of hit.knr) mentioned.add(k);
        if (neighbour) { for (const k of hit.knr) credit(acc, k, { ...base, kind: 'neighbour', weight: -1 }); continue; }
        if (phrase) {
          const kind = zone === 'header' ? 'letterhead' : zone === 'signature' ? 'signature' : 'kommune_phrase';
          const weight = zone === 'header' ? (f.start < 120 ? 8 : 7) : zone === 'signature' ? 6 : 2;
          for (const k of hit.knr) credit(acc, k, { ...base, kind, weight });
        } else {
          for (const k of hit.knr) credit(acc, k, { ...base, kind: 'mention', weight: strongZone ? 2.5 : 0.6 });
        }
      } else if (hit.kind === 'place') {
        const weight = (strongZone ? 2 : 0.5) / Math.min(hit.shared, 4);
        for (const k of hit.knr) { credit(acc, k, { ...base, kind: 'place', weight }); if (hit.shared === 1) mentioned.add(k); }
      }
    }
  }
}

const subjectRe = /(?:svar|høringssvar|høyringssvar|innspill|innspel|uttale|uttalelse|uttalelse|tilbakemelding|høringsuttalelse|brev)\s+(?:fra|frå)\s+([\p{L} .'-]+?)\s+(?:kommune|kommunestyre|formannskap)/iu;

/** Evidence that does not need the name trie: subject line, domains, labelled codes, letterhead postcodes, datelines. */
function patternEvidence(index: SenderIndex, text: string, z: Zones, acc: Map<string, SenderEvidence[]>): void {
  const lines = text.split('\n');
  let pos = 0;
  for (const line of lines) {
    const start = pos;
    pos += line.length + 1;
    if (inside(z, start)) continue;
    const zone = zoneOf(z, start);
    const subj = subjectRe.exec(line);
    if (subj && start < text.length * 0.5) {
      const hits = index.names.get(fold(subj[1]).replace(/\s*-\s*/g, '-'))?.filter((h) => h.kind === 'kommune') ?? [];
      for (const h of hits) for (const k of h.knr) credit(acc, k, { kind: 'subject', text: subj[0], start: start + subj.index, end: start + subj.index + subj[0].length, weight: 10 });
    }
    if (zone === 'body') continue;
    const post = /(?<!\d)(\d{4})\s+([\p{Lu}][\p{L}. -]{1,40})$/u.exec(line.trim());
    if (post) {
      const knrs = index.postcodes.get(post[1]) ?? [];
      const placeHits = index.names.get(fold(post[2]).replace(/\s*-\s*/g, '-')) ?? [];
      for (const k of knrs) {
        const agrees = placeHits.some((h) => h.knr.includes(k));
        const at = start + line.indexOf(post[1]);
        credit(acc, k, { kind: 'postcode', text: post[0], start: at, end: at + post[0].length, weight: agrees ? 5 : 3 });
      }
    }
    const dateline = /^\s*([\p{Lu}][\p{L} -]{1,30}?),?\s+(?:den\s+)?\d{1,2}[./ ]\s*(?:\d{1,2}[./]|[\p{L}]+\s)\s*(?:19|20)\d{2}/u.exec(line);
    if (dateline) {
      for (const h of index.names.get(fold(dateline[1]).replace(/\s*-\s*/g, '-')) ?? []) {
        if (h.kind !== 'kommune' && h.kind !== 'place') continue;
        for (const k of h.knr) credit(acc, k, { kind: 'dateline', text: dateline[0].trim(), start, end: start + line.length, weight: 4 / Math.min(h.knr.length, 4) });
      }
    }
  }
  for (const d of kommuneDomains(text)) {
    if (inside(z, d.start)) continue;
    const knr = index.domains.get(d.domain.toLowerCase());
    if (knr) credit(acc, knr, { kind: 'domain', text: text.slice(d.start, d.end), start: d.start, end: d.end, weight: 9 });
  }
  let m: RegExpExecArray | null;
  const codeRe = /(?:kommunenummer|kommunenr\.?|kommune nr\.?|knr\.?)\s*:?\s*(\d{4})(?!\d)/giu;
  while ((m = codeRe.exec(text))) {
    for (const k of index.codes.get(m[1]) ?? []) credit(acc, k, { kind: 'code', text: m[0], start: m.index, end: m.index + m[0].length, weight: 9 });
  }
}

/** County, police district and neighbour context: re-weighs the candidates already found. */
function contextEvidence(index: SenderIndex, context: readonly Found[], mentioned: ReadonlySet<string>, acc: Map<string, SenderEvidence[]>): void {
  const candidates = [...acc.keys()];
  for (const f of context) {
    const hit = f.hits[0];
    if (hit.kind === 'district' && !/^politidistrikt|^pd$/.test(f.next) && !/politidistrikt/.test(f.prev3)) continue;
    for (const k of candidates) {
      if (!hit.knr.includes(k)) continue;
      credit(acc, k, { kind: hit.kind === 'county' ? 'county' : 'district', text: f.text, start: f.start, end: f.end, weight: 1.5 });
    }
  }
  for (const k of candidates) {
    const c = index.byKnr.get(k);
    if (!c) continue;
    let near = 0;
    for (const other of mentioned) {
      if (other === k) continue;
      const o = index.byKnr.get(other);
      if (o && distanceKm(c, o) <= 70) near++;
    }
    if (near > 0) credit(acc, k, { kind: 'nearby', text: `${near} nearby municipalities named`, start: 0, end: 0, weight: Math.min(near, 6) * 0.75 });
  }
}

/** Great-circle distance between two municipality centres (the engine's haversine). */
const distanceKm = (a: { lon: number; lat: number }, b: { lon: number; lat: number }): number => haversineKmScalar(a.lon, a.lat, b.lon, b.lat);

/** Sums evidence: repeated evidence of one kind counts with diminishing weight (1, 1/2, 1/3 …). */
function scoreOf(evidence: readonly SenderEvidence[]): number {
  const byKind = new Map<string, number[]>();
  for (const e of evidence) if (!byKind.get(e.kind)?.push(e.weight)) byKind.set(e.kind, [e.weight]);
  let total = 0;
  for (const weights of byKind.values()) {
    const positive = weights.filter((w) => w > 0).sort((a, b) => b - a);
    positive.forEach((w, i) => (total += w / (i + 1)));
    total += weights.filter((w) => w < 0).reduce((s, w) => s + w, 0);
  }
  return total;
}

/** A regional body's name in a letterhead: "Vest-Telemarkrådet", "Regionrådet for …", "Interkommunalt politisk råd". */
const regionalBodyRe = /(?:regionråd|regionrådet|interkommunal(?:t|e)? politisk(?:e)? råd|politisk råd|[\p{L}-]+rådet|interkommunalt samarbeid|kommunesamarbeid(?:et)?|vertskommunesamarbeid|\biks\b)/iu;

/**
 * True when the letter comes from a regional body rather than one municipality: its first lines name such a body
 * and no "X kommune", the sending municipality's letterhead or signature is not what leads, and it names at least
 * three municipalities (those it speaks for).
 */
function isRegionalBody(text: string, first: SenderCandidate, mentioned: ReadonlySet<string>): boolean {
  const head = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3);
  if (!head.some((l) => regionalBodyRe.test(l)) || head.some((l) => /(?<![\p{L}])(?:kommune|kommunes|herad)(?![\p{L}])/iu.test(l))) return false;
  const own = first.evidence.some((e) => ['letterhead', 'signature', 'subject', 'domain', 'code'].includes(e.kind));
  return !own && mentioned.size >= 3;
}

/**
 * Matches a letter's normalised text to its sending municipality.
 * @returns the best candidate with a confidence in 0..1, `status` (`matched` ≥ 0.6, `unsure`, `unmatched`), and the
 *   top candidates with their evidence; `kommunenummer` is null when nothing points anywhere or the top two tie
 */
export function matchSender(text: string, index: SenderIndex): SenderMatch {
  const zones = zonesOf(text);
  const acc = new Map<string, SenderEvidence[]>();
  const context: Found[] = [];
  const mentioned = new Set<string>();
  nameEvidence(scanNames(index, text, wordsOf(text)), zones, acc, context, mentioned);
  patternEvidence(index, text, zones, acc);
  contextEvidence(index, context, mentioned, acc);
  const candidates: SenderCandidate[] = [...acc]
    .map(([knr, evidence]) => ({ kommunenummer: knr, name: index.byKnr.get(knr)?.name ?? knr, score: Math.round(scoreOf(evidence) * 100) / 100, evidence }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.kommunenummer.localeCompare(b.kommunenummer));
  const [first, second] = candidates;
  if (!first) return { kommunenummer: null, name: null, confidence: 0, status: 'unmatched', candidates: [] };
  // A joint letter from a regional body (regionråd, interkommunalt politisk råd) speaks for several municipalities:
  // no single sender; the planner assigns it (codebook of test/fixtures/letters-heldout3).
  if (isRegionalBody(text, first, mentioned)) {
    return { kommunenummer: null, name: null, confidence: 0, status: 'unsure', candidates: candidates.slice(0, 5) };
  }
  // Sure when the winner has strong evidence (a letterhead alone: ~0.7) and leads the runner-up clearly.
  const lead = first.score - (second?.score ?? 0);
  const strength = 1 - Math.exp(-first.score / 6);
  const confidence = Math.round(strength * (1 - Math.exp(-lead / 3)) * 100) / 100;
  const tie = second !== undefined && second.score === first.score;
  const status = tie || confidence < senderThresholds.candidate ? (tie ? 'unsure' : 'unmatched') : confidence >= senderThresholds.sure ? 'matched' : 'unsure';
  // Unmatched (or tied) means no sender is suggested; the candidates stay for the planner to choose from.
  const none = tie || status === 'unmatched';
  return { kommunenummer: none ? null : first.kommunenummer, name: none ? null : first.name, confidence: tie ? Math.min(confidence, 0.5) : confidence, status, candidates: candidates.slice(0, 5) };
}
