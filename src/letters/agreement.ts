/**
 * Agreement between two coders of the same letters (pure): for each letter the first two planners who coded it
 * (their latest codings), per question the disagreements and Cohen's kappa (`kappa.ts`). Items: the sender,
 * question 2 (satisfied), question 4 (one item per letter and channel: the trend), question 5 (wants a station;
 * offers premises).
 */
import { channels } from '../model/answers';
import { cohensKappa, type Agreement } from './kappa';

/** The parts of a stored coding agreement compares. */
export interface CodedValues {
  kommunenummer: string;
  wantsStation: string;
  offersPremises: boolean;
  satisfied: string;
  channels: Record<string, string>;
}

export interface CoderCoding {
  letterId: number;
  coder: string;
  codedAt: string;
  coding: CodedValues;
}

export const agreementQuestions = ['sender', 'q2Satisfied', 'q4Channels', 'q5WantsStation', 'q5Premises'] as const;
export type AgreementQuestion = (typeof agreementQuestions)[number];

export interface Disagreement {
  letterId: number;
  question: AgreementQuestion;
  item: string;
  coderA: string;
  valueA: string;
  coderB: string;
  valueB: string;
}

export interface AgreementReport {
  /** Letters coded by two planners. */
  letters: number;
  perQuestion: Record<AgreementQuestion, Agreement>;
  disagreements: Disagreement[];
}

function items(c: CodedValues): [AgreementQuestion, string, string][] {
  return [
    ['sender', 'kommunenummer', c.kommunenummer],
    ['q2Satisfied', 'satisfied', c.satisfied],
    ...channels.map((ch): [AgreementQuestion, string, string] => ['q4Channels', ch, c.channels[ch] ?? 'not_answered']),
    ['q5WantsStation', 'wantsStation', c.wantsStation],
    ['q5Premises', 'offersPremises', String(c.offersPremises)],
  ];
}

/** Compares the first two coders of every letter that two planners coded. */
export function agreement(codings: readonly CoderCoding[]): AgreementReport {
  const byLetter = new Map<number, CoderCoding[]>();
  for (const c of [...codings].sort((a, b) => a.codedAt.localeCompare(b.codedAt))) {
    const list = byLetter.get(c.letterId) ?? [];
    const i = list.findIndex((x) => x.coder === c.coder);
    if (i >= 0) list[i] = c; // the coder's latest coding
    else list.push(c);
    byLetter.set(c.letterId, list);
  }
  const pairs = Object.fromEntries(agreementQuestions.map((q) => [q, [] as [string, string][]])) as Record<AgreementQuestion, [string, string][]>;
  const disagreements: Disagreement[] = [];
  let letters = 0;
  for (const [letterId, list] of byLetter) {
    if (list.length < 2) continue;
    letters++;
    const [a, b] = list;
    const ia = items(a.coding);
    const ib = items(b.coding);
    ia.forEach(([q, item, va], k) => {
      const vb = ib[k][2];
      pairs[q].push([va, vb]);
      if (va !== vb) disagreements.push({ letterId, question: q, item, coderA: a.coder, valueA: va, coderB: b.coder, valueB: vb });
    });
  }
  const perQuestion = Object.fromEntries(agreementQuestions.map((q) => [q, cohensKappa(pairs[q])])) as Record<AgreementQuestion, Agreement>;
  return { letters, perQuestion, disagreements };
}
