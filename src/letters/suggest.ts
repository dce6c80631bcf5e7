/**
 * Suggests the structured answer of a letter with the sentences it rests on (pure): runs the rules of
 * `suggest-station.ts` (question 5) and `suggest-answers.ts` (questions 1, 2, 4) over every sentence and weighs the
 * readings. Nothing here is applied: a planner confirms or corrects each field on the coding page.
 */
import type { EvidenceSentence, Section, SplitMethod, SuggestionDetails, SuggestionField, Suggestions } from '../model/letters';
import { questionAt } from './split';
import { echoesMinistry, isReportedQuestion } from './quoted';
import { prepare } from './scope';
import type { Sentence } from './text';
import {
  coLocationPartners, decidePremises, decideWants, premisesReadings, premisesText, stationReading, toEvidence, type Reading, type SentenceInfo,
} from './suggest-station';
import { areasOf, channelReadings, decideChannels, decideSatisfied, satisfactionReadings, sectionOrAll } from './suggest-answers';

type Range = { start: number; end: number };

/** Sentences with their section, prepared once; `quoted` are the ranges that are not the municipality's answer (`quoted.ts`). */
export function sentenceInfos(sentences: readonly Sentence[], sections: readonly Section[], method: SplitMethod, quoted: readonly Range[]): SentenceInfo[] {
  const explicitSection = method === 'numbered' || method === 'headings' || method === 'questions';
  const starts = new Set(sections.filter((s) => s.question !== null).map((s) => s.start));
  let lastQuestion: Section['question'] | undefined;
  let previousWasHeading = false;
  return sentences.map((s) => {
    const question = questionAt(sections, s.start);
    // Questions, and text that is not the municipality's own answer (quoted, forwarded, superseded), are never evidence.
    const isQuestion = /\?\s*["»”)]?$/.test(s.text.trim()) || quoted.some((q) => s.start >= q.start && s.start < q.end) || echoesMinistry(s.text) || isReportedQuestion(s.text);
    const isHeading = starts.has(s.start) && !/[.!]$/.test(s.text.trim()) && s.text.split(/\s+/).length <= 10;
    const opensSection = question !== null && (question !== lastQuestion || previousWasHeading);
    previousWasHeading = question !== lastQuestion ? isHeading || isQuestion : previousWasHeading && isQuestion;
    lastQuestion = question;
    return { sentence: s, question, p: prepare(s.text), isQuestion, isHeading, opensSection, explicitSection };
  });
}

/** Every reading with weight > 0, as evidence of one field. */
function evidenceOf(field: SuggestionField, readings: readonly Reading[]): EvidenceSentence[] {
  return readings.map((r) => toEvidence(field, r));
}

/** What each field's suggestion was decided from: the decision and the readings behind it. */
interface Decisions {
  wants: ReturnType<typeof decideWants>;
  stationRs: readonly Reading[];
  premises: ReturnType<typeof decidePremises>;
  premisesRs: readonly Reading[];
  satisfied: ReturnType<typeof decideSatisfied>;
  satisfiedRs: readonly Reading[];
  channels: ReturnType<typeof decideChannels>;
  channelRs: readonly Reading[];
}

/** The evidence sentences of every field, the decisive reading of each first. */
function evidenceList(d: Decisions, suggestions: Suggestions, coLocation: readonly unknown[]): EvidenceSentence[] {
  const first = <T extends Reading | null | undefined>(r: T) => (r ? [r] : []);
  const ordered = (decisive: Reading | null | undefined, all: readonly Reading[]) => [...first(decisive), ...all.filter((r) => r !== decisive)];
  return [
    ...evidenceOf('wantsStation', ordered(d.wants.decisive, d.stationRs)),
    ...evidenceOf('offersPremises', ordered(d.premises.decisive, d.premisesRs)),
    ...(suggestions.premisesText ? evidenceOf('premisesText', first(d.premises.decisive)) : []),
    ...(coLocation.length ? evidenceOf('coLocation', d.premisesRs.filter((r) => r.value === 'true').slice(0, 1)) : []),
    ...evidenceOf('satisfied', ordered(d.satisfied.decisive, d.satisfiedRs)),
    ...evidenceOf('channels', ordered(d.channels.decisive.get(d.channels.asked[0] ?? 'station'), d.channelRs)),
  ];
}

/**
 * The suggestion for one letter.
 * @returns the suggested answer (the `letters suggest` contract), details for the coding page, and every evidence
 *   sentence (the decisive one first for each field)
 */
export function suggestAnswers(sentences: readonly Sentence[], sections: readonly Section[], method: SplitMethod, quoted: readonly Range[] = []): { suggestions: Suggestions; details: SuggestionDetails; evidence: EvidenceSentence[] } {
  const infos = sentenceInfos(sentences, sections, method, quoted);

  const stationRs = infos.map(stationReading).filter((r): r is Reading => r !== null);
  const wants = decideWants(stationRs);

  const premisesRs = infos.flatMap((info, i) => premisesReadings(info, infos[i - 1]));
  const premises = decidePremises(premisesRs);
  const offerSentences = new Set(premisesRs.filter((r) => r.value === 'true').map((r) => r.info.sentence.index));
  const offerTexts = premises.value
    ? [...offerSentences].sort((a, b) => a - b).flatMap((i) => [sentences[i].text, sentences[i + 1]?.paragraph === sentences[i].paragraph ? sentences[i + 1].text : ''])
    : [];
  const coLocation = premises.value ? coLocationPartners(infos, offerSentences) : [];

  const q2 = sectionOrAll(infos, 2);
  const satisfiedRs = q2.infos.flatMap((i) => satisfactionReadings(i, q2.inSection));
  const satisfied = decideSatisfied(satisfiedRs);

  const q4 = sectionOrAll(infos, 4);
  const channelRs = q4.infos.flatMap((i) => channelReadings(i, q4.inSection)).filter((r) => q4.inSection || !r.value.endsWith(':same') || r.weight > 1);
  // Without an answer to question 4, a letter that asks for a new station asks for access via a station.
  if (!q4.inSection && wants.value === 'yes' && wants.decisive && !channelRs.some((r) => r.value.startsWith('station:'))) {
    channelRs.push({ ...wants.decisive, value: 'station:more', rule: 'station: asks for a new station' });
  }
  const channels = decideChannels(channelRs);

  const q1 = sectionOrAll(infos, 1);
  const suggestions: Suggestions = {
    wantsStation: wants.value,
    offersPremises: premises.value,
    premisesText: premises.value ? premisesText(offerTexts) : null,
    coLocation,
    satisfied: satisfied.value,
    channels: channels.asked,
  };
  const evidence = evidenceList({ wants, stationRs, premises, premisesRs, satisfied, satisfiedRs, channels, channelRs }, suggestions, coLocation);
  const details: SuggestionDetails = {
    channelTrends: channels.trends,
    areas: areasOf(q1.inSection ? q1.infos : infos.filter((i) => i.question === null || i.question === 1)),
    wantsReason: wants.reason,
    premisesHedged: premises.hedged,
    certainty: {
      wantsStation: wants.certainty,
      offersPremises: premises.certainty,
      premisesText: suggestions.premisesText ? 0.6 : premises.value ? 0.2 : 0.8,
      coLocation: coLocation.length ? 0.6 : 0.5,
      satisfied: satisfied.certainty,
      channels: channels.asked.length ? 0.7 : channelRs.length ? 0.5 : 0.2,
    },
  };
  return { suggestions, details, evidence };
}
