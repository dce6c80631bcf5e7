/**
 * Interface texts in Norwegian bokmål (default) and English, and locale-aware number formats
 * (`1 234,5` in Norwegian). One dictionary per language, same keys.
 */
export type Locale = 'nb' | 'en';
export const locales: readonly Locale[] = ['nb', 'en'];
export const defaultLocale: Locale = 'nb';

const nb = {
  'app.title': 'Stedsvalg',
  'app.tagline': 'Beslutningsstøtte for nye polititjenestesteder',
  'nav.map': 'Kart',
  'nav.responses': 'Svar fra kommunene',
  'nav.import': 'Import',
  'lang.switch': 'English',
  'map.colourBy': 'Farge etter',
  'map.legend': 'Tegnforklaring',
  'map.missing': 'Mangler data',
  'map.stations': 'Eksisterende tjenestesteder (tidlig 2022)',
  'map.classes': 'Kvantiler (5 klasser)',
  'map.loading': 'Laster kart …',
  'map.noTiles': 'Kartet tegnes fra prosjektets egne kommunegrenser (© Kartverket); ingen bakgrunnskart fra internett.',
  'ind.population': 'Folkemengde 1.1.2025',
  'ind.densityPerKm2': 'Innbyggere per km²',
  'ind.areaKm2': 'Areal (km²)',
  'ind.crimePer1000': 'Anmeldte lovbrudd per 1 000 innb. (2023–2024)',
  'ind.violencePer1000': 'Vold og mishandling per 1 000 innb. (2023–2024)',
  'ind.crimeTrendPer1000': 'Trend, lovbrudd per 1 000 per periode',
  'ind.driveMinMean': 'Beregnet kjøretid til nærmeste tjenestested (min, befolkningsvektet)',
  'ind.residentsBeyond45': 'Innbyggere over 45 min fra tjenestested',
  'ind.shareBeyond45': 'Andel over 45 min fra tjenestested',
  'ind.nearestStationMin': 'Kjøretid fra kommunesenteret til nærmeste tjenestested (min)',
  'muni.county': 'Fylke',
  'muni.district': 'Politidistrikt',
  'muni.station': 'Nærmeste tjenestested',
  'station.type': 'Type',
  'station.geocoding': 'Stedfesting',
  'footer.sources': 'Kilder: Kartverket (CC BY 4.0), SSB (tabell 08487, tilrettelagt av Samarbeidsdesken), Politiet, TØI, Erik Bolstad. Se data/SOURCES.md.',
  'footer.vintage': 'Dataårgang',
} as const;

export type MessageKey = keyof typeof nb;

const en: Record<MessageKey, string> = {
  'app.title': 'Stedsvalg',
  'app.tagline': 'Decision support for new police service stations',
  'nav.map': 'Map',
  'nav.responses': 'Municipal answers',
  'nav.import': 'Import',
  'lang.switch': 'Norsk',
  'map.colourBy': 'Colour by',
  'map.legend': 'Legend',
  'map.missing': 'No data',
  'map.stations': 'Existing police service locations (early 2022)',
  'map.classes': 'Quantiles (5 classes)',
  'map.loading': 'Loading map …',
  'map.noTiles': 'The map is drawn from the project’s own municipal boundaries (© Kartverket); no background tiles from the internet.',
  'ind.population': 'Population 1 Jan 2025',
  'ind.densityPerKm2': 'Residents per km²',
  'ind.areaKm2': 'Area (km²)',
  'ind.crimePer1000': 'Reported offences per 1,000 residents (2023–2024)',
  'ind.violencePer1000': 'Violence and abuse per 1,000 residents (2023–2024)',
  'ind.crimeTrendPer1000': 'Trend, offences per 1,000 per period',
  'ind.driveMinMean': 'Estimated drive to nearest station (min, population-weighted)',
  'ind.residentsBeyond45': 'Residents beyond 45 min of a station',
  'ind.shareBeyond45': 'Share beyond 45 min of a station',
  'ind.nearestStationMin': 'Drive from the municipal centre to the nearest station (min)',
  'muni.county': 'County',
  'muni.district': 'Police district',
  'muni.station': 'Nearest station',
  'station.type': 'Type',
  'station.geocoding': 'Geolocated by',
  'footer.sources': 'Sources: Kartverket (CC BY 4.0), Statistics Norway (table 08487, prepared by Samarbeidsdesken), the Norwegian Police, TØI, Erik Bolstad. See data/SOURCES.md.',
  'footer.vintage': 'Data vintage',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nb, en };

/** Returns the text for a key in a locale. */
export function t(locale: Locale, key: MessageKey): string {
  return dictionaries[locale][key];
}

/** The whole dictionary of a locale (sent to the browser as JSON). */
export function dictionary(locale: Locale): Record<MessageKey, string> {
  return dictionaries[locale];
}

/** Parses a locale name; anything unknown falls back to the default. */
export function parseLocale(value: unknown): Locale {
  return value === 'en' || value === 'nb' ? value : defaultLocale;
}

/** Formats a number in the locale: `1 234,5` in Norwegian, `1,234.5` in English. */
export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}
