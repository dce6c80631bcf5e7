/**
 * The texts of the exported documents, read from the catalogue's `report.*` area
 * (`common/i18n/report.ts`), and the labels of the values they print (statuses, advice, objectives…),
 * read through the typed maps of `model/labels.ts`: the documents and the pages say a value the same
 * way. Inside a document's sentences and table cells a label starts in lower case ("støtter").
 */
import { fillMessage, t, type Locale, type MessageKey } from '../common/i18n';
import {
  ADVICE_LABEL, AGGREGATION_LABEL, ANSWER_VALUE_LABEL, CANDIDATE_STATUS_LABEL, NORMALIZATION_LABEL, OBJECTIVE_LABEL,
  SELECTION_STATUS_LABEL, SITE_KIND_LABEL, SOLVER_NAME_LABEL,
} from '../model/labels';

/** A key of the `report.*` area without its prefix (`titleShortlist`, `page`, …). */
export type TextKey = MessageKey extends infer K ? (K extends `report.${infer Rest}` ? Rest : never) : never;

/** A document text in a locale, with `{name}` placeholders filled in. */
export function text(locale: Locale, key: TextKey, params: Record<string, string | number> = {}): string {
  const full: `report.${TextKey}` & MessageKey = `report.${key}`;
  return fillMessage(t(locale, full), params);
}

/** The values a document labels, each through its typed map (the value sets do not overlap). */
const VALUE_KEYS: Readonly<Record<string, MessageKey>> = {
  ...CANDIDATE_STATUS_LABEL, ...ADVICE_LABEL, ...OBJECTIVE_LABEL, ...AGGREGATION_LABEL, ...NORMALIZATION_LABEL,
  ...SELECTION_STATUS_LABEL, ...SITE_KIND_LABEL, ...ANSWER_VALUE_LABEL, ...SOLVER_NAME_LABEL,
};

/** A label as it stands inside a sentence: the first letter in lower case, unless the word is an acronym ("TOPSIS"). */
export function inline(label: string): string {
  return label.length > 1 && label[1] === label[1].toLocaleUpperCase() && label[1] !== label[1].toLocaleLowerCase() ? label : label.charAt(0).toLocaleLowerCase() + label.slice(1);
}

/** The label of a value (status, advice, objective…) inside a document, or the value itself when no map knows it. */
export function valueLabel(locale: Locale, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const key = VALUE_KEYS[value];
  return key ? inline(t(locale, key)) : value;
}
