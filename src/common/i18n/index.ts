/**
 * The message catalogue: every interface, error and document text of the server in Norwegian bokmål
 * (default) and English, one area per part of the product, each with both languages side by side
 * (`area.ts`). Keys are typed (`MessageKey`): a text is looked up by a literal key or through a typed
 * map from a value to its key (`model/labels.ts`), never by a key pieced together at run time.
 *
 * Areas: layout, map, workspace, scenarios, profile, answers, import, shortlists, travel-matrices,
 * accounts, errors, validation, criteria, report (the exported documents), sources (the data sources
 * and vintage), letters, letter-intake (refusals of letter files and ZIPs), proposal (issue 11), rules
 * (the broken selection rules). A new area is a file here, added to `catalogue` below.
 */
import { fromPair, merge } from './area';
import { accountTexts } from './accounts';
import { answerTexts } from './answers';
import { criteriaTexts } from './criteria';
import { errorTexts } from './errors';
import { importTexts } from './import';
import { layoutTexts } from './layout';
import { letterIntakeTexts } from './letter-intake';
import { lettersEn, lettersNb } from './letters';
import { mapTexts } from './map';
import { profileTexts } from './profile';
import { proposalTexts } from './proposal';
import { reportTexts } from './report';
import { scenarioTexts } from './scenarios';
import { shortlistTexts } from './shortlists';
import { sourceTexts } from './sources';
import { travelMatrixTexts } from './travel-matrices';
import { validationTexts } from './validation';
import { workspaceTexts } from './workspace';
import { workspaceToolTexts } from './workspace-tools';
import { helpTexts } from './help';
import { ruleTexts } from './rules';
import { choosePlurals } from './plural';

export { choosePlurals, isSingular } from './plural';
export { excelDateTime, formatDate, formatDateTime, formatGap, formatNumber, formatOrdinal, formatSampleShare, formatScore, GAP_DIGITS, SCORE_DIGITS, spreadsheetDateTime } from './format';

export type Locale = 'nb' | 'en';
export const locales: readonly Locale[] = ['nb', 'en'];
export const defaultLocale: Locale = 'nb';

const catalogue = merge(
  layoutTexts, mapTexts, workspaceTexts, scenarioTexts, profileTexts, answerTexts, importTexts, shortlistTexts,
  travelMatrixTexts, accountTexts, errorTexts, validationTexts, criteriaTexts, reportTexts, sourceTexts, fromPair(lettersNb, lettersEn), letterIntakeTexts, proposalTexts,
  workspaceToolTexts, helpTexts, ruleTexts,
);

/** A key of the catalogue. */
export type MessageKey = keyof typeof catalogue;

const keys = Object.keys(catalogue) as MessageKey[];
const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  nb: Object.fromEntries(keys.map((k) => [k, catalogue[k].nb])) as Record<MessageKey, string>,
  en: Object.fromEntries(keys.map((k) => [k, catalogue[k].en])) as Record<MessageKey, string>,
};

/** Returns the text for a key in a locale. */
export function t(locale: Locale, key: MessageKey): string {
  return dictionaries[locale][key];
}

/** The whole dictionary of a locale (its parts are sent to the browser as JSON). */
export function dictionary(locale: Locale): Record<MessageKey, string> {
  return dictionaries[locale];
}

/** Whether a string is a key of the catalogue (messages of zod issues carry keys as strings). */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** Fills `{name}` placeholders and `{name|one|other}` choices of a message (unknown ones are left as they are). */
export function fillMessage(template: string, params: Record<string, string | number> = {}): string {
  return choosePlurals(template, params).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A text in a locale with its placeholders filled. */
export function say(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(t(locale, key), params);
}

/** Parses a locale name; anything unknown falls back to the default. */
export function parseLocale(value: unknown): Locale {
  return value === 'en' || value === 'nb' ? value : defaultLocale;
}
