/**
 * The data sources and the data vintage in the reader's language (texts in `sources.ts`). The
 * facts (ids, addresses, commits) stay in `data/vintage.json`; a source the catalogue does not know
 * (a newer data build) is shown with the file's own words.
 */
import { t, type Locale } from './index';
import { SOURCE_IDS, type SourceId } from './sources';

/** The data vintage of the committed data set as `data/vintage.json` words it (checked by a unit test). */
export const COMMITTED_DATA_VINTAGE = 'Kommuner 2024 (357); population 1.1.2024; crime 2020–2024 (two-year averages); police stations open 23.02.2022';

/** A data vintage as stored (meta, snapshots) in the reader's language. */
export function dataVintageText(locale: Locale, stored: string): string {
  return stored === COMMITTED_DATA_VINTAGE ? t(locale, 'data.vintage') : stored;
}

/** A data source as the file lists it. */
export interface SourceFacts {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  reference: string;
}

function known(id: string): id is SourceId {
  return (SOURCE_IDS as readonly string[]).includes(id);
}

/** A source in the reader's language (its reference unchanged). */
export function sourceInLocale(locale: Locale, s: SourceFacts): SourceFacts {
  if (!known(s.id)) return s;
  const id: SourceId = s.id;
  return {
    id, reference: s.reference,
    title: t(locale, `source.${id}.title`), publisher: t(locale, `source.${id}.publisher`),
    licence: t(locale, `source.${id}.licence`), vintage: t(locale, `source.${id}.vintage`),
  };
}
