/**
 * The data sources and the data vintage in the reader's language (texts in `common/i18n/sources.ts`).
 * The facts (ids, addresses, commits) stay in `data/vintage.json`; a source the catalogue does not
 * know (a newer data build) is shown with the file's own words.
 */
import { t, type Locale, type MessageKey } from '../common/i18n';
import type { SourceId } from '../common/i18n/sources';

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

type SourceField = 'title' | 'publisher' | 'licence' | 'vintage';

/** The texts of each source of `data/vintage.json`, by its id. */
export const SOURCE_TEXT: Readonly<Record<SourceId, Record<SourceField, MessageKey>>> = {
  'kartverket-kommuner-2024': { title: 'source.kartverket-kommuner-2024.title', publisher: 'source.kartverket-kommuner-2024.publisher', licence: 'source.kartverket-kommuner-2024.licence', vintage: 'source.kartverket-kommuner-2024.vintage' },
  'kartverket-fylker-2024': { title: 'source.kartverket-fylker-2024.title', publisher: 'source.kartverket-fylker-2024.publisher', licence: 'source.kartverket-fylker-2024.licence', vintage: 'source.kartverket-fylker-2024.vintage' },
  'aprestmo-municipalities-2025': { title: 'source.aprestmo-municipalities-2025.title', publisher: 'source.aprestmo-municipalities-2025.publisher', licence: 'source.aprestmo-municipalities-2025.licence', vintage: 'source.aprestmo-municipalities-2025.vintage' },
  'aprestmo-postal-codes-2026': { title: 'source.aprestmo-postal-codes-2026.title', publisher: 'source.aprestmo-postal-codes-2026.publisher', licence: 'source.aprestmo-postal-codes-2026.licence', vintage: 'source.aprestmo-postal-codes-2026.vintage' },
  'bolstad-postnummer-2020': { title: 'source.bolstad-postnummer-2020.title', publisher: 'source.bolstad-postnummer-2020.publisher', licence: 'source.bolstad-postnummer-2020.licence', vintage: 'source.bolstad-postnummer-2020.vintage' },
  'ssb-08487': { title: 'source.ssb-08487.title', publisher: 'source.ssb-08487.publisher', licence: 'source.ssb-08487.licence', vintage: 'source.ssb-08487.vintage' },
  'ssb-klass-109': { title: 'source.ssb-klass-109.title', publisher: 'source.ssb-klass-109.publisher', licence: 'source.ssb-klass-109.licence', vintage: 'source.ssb-klass-109.vintage' },
  'toi-ba-regioner-2020': { title: 'source.toi-ba-regioner-2020.title', publisher: 'source.toi-ba-regioner-2020.publisher', licence: 'source.toi-ba-regioner-2020.licence', vintage: 'source.toi-ba-regioner-2020.vintage' },
  'politiet-pass-id-2022': { title: 'source.politiet-pass-id-2022.title', publisher: 'source.politiet-pass-id-2022.publisher', licence: 'source.politiet-pass-id-2022.licence', vintage: 'source.politiet-pass-id-2022.vintage' },
  'politi-tjenestesteder-2022': { title: 'source.politi-tjenestesteder-2022.title', publisher: 'source.politi-tjenestesteder-2022.publisher', licence: 'source.politi-tjenestesteder-2022.licence', vintage: 'source.politi-tjenestesteder-2022.vintage' },
  'fixed-links': { title: 'source.fixed-links.title', publisher: 'source.fixed-links.publisher', licence: 'source.fixed-links.licence', vintage: 'source.fixed-links.vintage' },
  'police-45-minutes': { title: 'source.police-45-minutes.title', publisher: 'source.police-45-minutes.publisher', licence: 'source.police-45-minutes.licence', vintage: 'source.police-45-minutes.vintage' },
};

/** A source in the reader's language (its reference unchanged). */
export function sourceInLocale(locale: Locale, s: SourceFacts): SourceFacts {
  const keys = (SOURCE_TEXT as Readonly<Record<string, Record<SourceField, MessageKey>>>)[s.id];
  if (!keys) return s;
  return { id: s.id, reference: s.reference, title: t(locale, keys.title), publisher: t(locale, keys.publisher), licence: t(locale, keys.licence), vintage: t(locale, keys.vintage) };
}
