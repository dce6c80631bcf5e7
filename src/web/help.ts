/**
 * The glossary of the help page (`/help`): each term's anchor and its catalogue keys, in the order
 * the page lists them. Controls that use a term link to `/help#<anchor>` through `helpHref`, so an
 * anchor named here is the one place a link and its target agree on.
 */
import type { MessageKey } from '../common/i18n';

export interface GlossaryEntry {
  anchor: string;
  term: MessageKey;
  text: MessageKey;
  /** Where the method is implemented (shown as a note for the reader who wants the detail). */
  source: string;
}

export const GLOSSARY = [
  { anchor: 'minmaks', term: 'help.minmax.term', text: 'help.minmax.text', source: 'src/engine/normalize.ts' },
  { anchor: 'persentil', term: 'help.percentile.term', text: 'help.percentile.text', source: 'src/engine/normalize.ts' },
  { anchor: 'z', term: 'help.z.term', text: 'help.z.text', source: 'src/engine/normalize.ts' },
  { anchor: 'vektet-sum', term: 'help.wsm.term', text: 'help.wsm.text', source: 'src/engine/aggregate.ts' },
  { anchor: 'topsis', term: 'help.topsis.term', text: 'help.topsis.text', source: 'src/engine/aggregate.ts' },
  { anchor: 'gyldig', term: 'help.valid.term', text: 'help.valid.text', source: 'src/engine/exact.ts' },
  { anchor: 'utvalg', term: 'help.greedy.term', text: 'help.greedy.text', source: 'src/engine/greedy.ts' },
  { anchor: 'stabilitet', term: 'help.stability.term', text: 'help.stability.text', source: 'src/engine/robustness.ts' },
  { anchor: 'dekning', term: 'help.coverage.term', text: 'help.coverage.text', source: 'src/engine/coverage.ts' },
  { anchor: 'kjoretidsmodell', term: 'help.travel.term', text: 'help.travel.text', source: 'data/travel-model.json' },
  { anchor: 'onske', term: 'help.gate.term', text: 'help.gate.text', source: 'src/engine/rank.ts' },
  { anchor: 'blanding', term: 'help.blend.term', text: 'help.blend.text', source: 'src/engine/objective.ts' },
] as const satisfies readonly GlossaryEntry[];

export type GlossaryAnchor = (typeof GLOSSARY)[number]['anchor'];

/** The link to a term on the help page. */
export function helpHref(anchor: GlossaryAnchor): string {
  return `/help#${anchor}`;
}
