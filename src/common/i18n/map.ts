/**
 * The map, its layers and the municipal indicators.
 * Bokmål and English side by side; keys `map.*`, `ind.*`, `muni.*`, `station.*`.
 */
import { area } from './area';

export const mapTexts = area({
  'map.colourBy': { nb: 'Farge etter', en: 'Colour by' },
  'map.legend': { nb: 'Tegnforklaring', en: 'Legend' },
  'map.zoomIn': { nb: 'Zoom inn', en: 'Zoom in' },
  'map.zoomOut': { nb: 'Zoom ut', en: 'Zoom out' },
  'map.missing': { nb: 'Mangler data', en: 'No data' },
  'map.stations': { nb: 'Eksisterende tjenestesteder (tidlig 2022)', en: 'Existing police service locations (early 2022)' },
  'map.classes': { nb: 'Kvantiler (5 klasser)', en: 'Quantiles (5 classes)' },
  'map.builtinDrive': { nb: 'fra {model}, ikke scenariets reisetidsmodell', en: 'by {model}, not the scenario\'s travel model' },
  'map.loading': { nb: 'Laster kart …', en: 'Loading map …' },
  'ind.population': { nb: 'Folkemengde 1.1.2024', en: 'Population 1 Jan 2024' },
  'ind.densityPerKm2': { nb: 'Innbyggere per km²', en: 'Residents per km²' },
  'ind.areaKm2': { nb: 'Areal (km²)', en: 'Area (km²)' },
  'ind.crimePer1000': {
    nb: 'Anmeldte lovbrudd per 1 000 innb. (2023–2024, folkemengde 1.1.2024)',
    en: 'Reported offences per 1,000 residents (2023–2024, population 1 Jan 2024)',
  },
  'ind.violencePer1000': {
    nb: 'Vold og mishandling per 1 000 innb. (2023–2024, folkemengde 1.1.2024)',
    en: 'Violence and abuse per 1,000 residents (2023–2024, population 1 Jan 2024)',
  },
  'ind.crimeTrendPer1000': { nb: 'Trend, lovbrudd per 1 000 per periode', en: 'Trend, offences per 1,000 per period' },
  'ind.driveMinMean': {
    nb: 'Beregnet kjøretid til nærmeste tjenestested (min, befolkningsvektet)',
    en: 'Estimated drive to nearest station (min, population-weighted)',
  },
  'ind.residentsBeyond45': { nb: 'Innbyggere over 45 min fra tjenestested', en: 'Residents beyond 45 min of a station' },
  'ind.shareBeyond45': { nb: 'Andel over 45 min fra tjenestested', en: 'Share beyond 45 min of a station' },
  'ind.nearestStationMin': {
    nb: 'Kjøretid fra kommunens hovedsted (befolket sted) til nærmeste tjenestested (min)',
    en: 'Drive from the main populated place to the nearest station (min)',
  },
  'muni.county': { nb: 'Fylke', en: 'County' },
  'muni.district': { nb: 'Politidistrikt', en: 'Police district' },
});
