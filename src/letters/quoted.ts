/**
 * Text in a letter that is not the municipality's own answer (pure): the ministry's letter quoted back (its
 * questions and the sentences replies quote most), a forwarded original message below an e-mail reply, lines
 * quoted with ">", a reported question ("Departementet spør om kommunen ønsker …"), and the administration's
 * recommendation (innstilling) when the council's decision (vedtak) is in the letter too: the decision counts.
 *
 * The ministry's sentences are from its letter of 23 February 2022 (ref. 22/535,
 * `../shared/seed/brev-til-kommunene-2022-02-23.txt`), copied here so that a fresh clone needs nothing outside the
 * repository.
 */
import { fold } from './text';

/** Declarative sentences of the minister's letter that replies quote (questions end with "?" and are caught as such). */
const ministrySentences = [
  'I Hurdalsplattformen fremgår det at Regjeringen vil opprette polititjenestesteder i dialog med kommunene og politidistriktene på steder der det er et lokalt ønske om det, og geografiske faktorer eller kriminalitetsbildet tilsier at det bør opprettes.',
  'Det skal opprettes 20 nye tjenestesteder, og arbeidet skal starte i 2022.',
  'Før at disse skal lokaliseres der behovet er størst, trenger vi innspill fra kommunene.',
  'Regjeringen vil sikre trygghet, god rettssikkerhet og tilgjengelige tjenester for innbyggerne i hele landet.',
  'Polititjenestene og beredskapen i hele landet skal styrkes, for å sikre god forebygging av kriminalitet, god lokalkunnskap og raskere respons ved alvorlige hendelser.',
  'Kommunene selv, sammen med lokalt politi, er best til å vurdere hva som trengs mest i deres kommune.',
  'Jeg vil med dette invitere kommunene til å gi en vurdering av tjenestene som politiet leverer, og komme med innspill til hvordan politiet kan levere bedre tjenester til lokalsamfunnet.',
  'Jeg ønsker svar på følgende spørsmål fra kommunene:',
  'Både kommunen og politiet har ansvar for å sikre innbyggernes trygghet og gode tjenester.',
  'Kommunens frist for å komme med innspill til Justis- og beredskapsdepartementet er 1.6.2022.',
  'Jeg ber om at svaret sendes inn digitalt ved bruk av skjemaet for høringssvar på regjeringen.no, jf. e-post 23.2.2022.',
  'Likevel opplever innbyggere bosatt i mindre befolkningstette områder at politiet er mindre tilgjengelige enn før nærpolitireformen, som ble iverksatt under regjeringen Solberg.',
];

const contentWords = (s: string) => new Set(fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
const ministryWords = ministrySentences.map(contentWords);

/**
 * True when the sentence repeats one of the ministry's sentences: at least 5 of its words, 80 % of the sentence's
 * words are the ministry sentence's and it covers 70 % of that sentence (a paraphrase in the municipality's own
 * words does not).
 */
export function echoesMinistry(sentence: string): boolean {
  const words = contentWords(sentence);
  if (words.size < 5) return false;
  return ministryWords.some((m) => {
    let common = 0;
    for (const w of words) if (m.has(w)) common++;
    return common >= 5 && common / words.size >= 0.8 && common / m.size >= 0.7;
  });
}

/** The ministry (or its letter) asking, reported: "Departementet spør blant annet om kommunen ønsker …". */
const reportedQuestion = /(?:departementet|ministeren|statsråden|justisministeren|regjeringa|regjeringen|brevet|dykk|dere)\s+(?:spør|spurde|spurte|ber (?:oss|kommunene|kommunane|om svar)|vil vite|ønsker svar|ønskjer svar)/iu;

export const isReportedQuestion = (sentence: string): boolean => reportedQuestion.test(sentence);

/** Where the forwarded original message of an e-mail reply starts. */
const forwardMarker = /^\s*(?:-{2,}\s*)?(?:opprinnelig melding|original message|videresendt melding|forwarded message|opphavleg melding)\b/imu;
/** A mail header block ("Fra: …" followed by "Sendt:"/"Dato:") after the first one: the message replied to. */
const mailHeader = /^(?:fra|from)\s*:.*\n(?:(?:sendt|dato|date|sent|til|to)\s*:.*\n?)/gimu;

const decisionIntro = /^\s*(?:(?:[\p{L}]+(?:s| sitt| si)?\s+)?vedtak|vedtak\s+i\s+\p{L}.*?)\s*:\s*$/imu;
/** A short label line ending the block ("Saksopplysningar:", "Behandling i kommunestyret 16.05.2022:"). */
const labelLine = (l: string) => /:\s*$/.test(l) && l.split(/\s+/).length <= 8;
const recommendationIntro = /^.*(?:innstilling|innstillinga|innstillingen|tilråding|tilrådinga)\s*:\s*$/imu;

/**
 * Character ranges of the text that are quoted or superseded: the forwarded message (to the end), lines starting
 * with ">", and the recommendation block when the letter also has the decision.
 */
export function quotedRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const fwd = forwardMarker.exec(text);
  const headers = [...text.matchAll(mailHeader)].map((m) => m.index ?? 0);
  const cut = Math.min(fwd ? fwd.index : text.length, headers.length >= 2 ? headers[1] : text.length);
  if (cut < text.length) out.push({ start: cut, end: text.length });
  let pos = 0;
  const lines = text.split('\n');
  const starts = lines.map((l) => { const s = pos; pos += l.length + 1; return s; });
  lines.forEach((l, i) => { if (/^\s*>/.test(l)) out.push({ start: starts[i], end: starts[i] + l.length }); });
  // An adopted recommendation ("Innstillingen ble enstemmig vedtatt") is the decision and stays.
  const adopted = /innstilling\p{L}*\s+(?:ble|blei|vart|er|vert|vart)\s+(?:enstemmig\s+|einstemmig\s+|samrøystes\s+|samrøystes\s+)?(?:vedtatt|vedteke|vedteken|vedtatt|godkjent|godkjend)|(?:i tråd med|i samsvar med|som)\s+innstilling/iu.test(text);
  if (decisionIntro.test(text) && !adopted) {
    lines.forEach((l, i) => {
      if (!recommendationIntro.test(l) || decisionIntro.test(l)) return;
      // The block runs to the next blank line or heading-like line ("Saksopplysningar:", "Handsaming …").
      let j = i + 1;
      while (j < lines.length && lines[j].trim() !== '' && !labelLine(lines[j].trim())) j++;
      out.push({ start: starts[i], end: starts[Math.max(i, j - 1)] + lines[Math.max(i, j - 1)].length });
    });
  }
  return out;
}
