/**
 * The page frame: title, navigation, error pages, footer.
 * Bokmål and English side by side; keys `app.*`, `nav.*`, `error.*`, `lang.*`, `footer.*`.
 */
import { area } from './area';

export const layoutTexts = area({
  'app.title': { nb: 'Stedsvalg', en: 'Stedsvalg' },
  'app.tagline': { nb: 'Beslutningsstøtte for nye polititjenestesteder', en: 'Decision support for new police service stations' },
  'nav.map': { nb: 'Kart', en: 'Map' },
  'nav.responses': { nb: 'Svar fra kommunene', en: 'Municipal answers' },
  'nav.import': { nb: 'Import', en: 'Import' },
  'nav.travelMatrices': { nb: 'Reisetider', en: 'Travel times' },
  'nav.skip': { nb: 'Hopp til innhold', en: 'Skip to content' },
  'error.home': { nb: 'Til forsiden', en: 'Go to the start page' },
  'error.forbidden': { nb: 'Ingen tilgang', en: 'Access denied' },
  'error.notFound': { nb: 'Fant ikke siden', en: 'Page not found' },
  'error.badRequest': { nb: 'Ugyldig forespørsel', en: 'Invalid request' },
  'error.internal': { nb: 'Noe gikk galt', en: 'Something went wrong' },
  'lang.switch': { nb: 'English', en: 'Norsk' },
  'footer.sources': {
    nb: 'Kilder: Kartverket (CC BY 4.0; forenklet av Robert Hopland, reparert av Stedsvalg), SSB (folkemengde 1.1.2024; tabell 08487, tilrettelagt av Samarbeidsdesken), tjenestesteder sammenstilt fra Politiet, POD og nyhetssider, TØI, Erik Bolstad.',
    en: 'Sources: Kartverket (CC BY 4.0; simplified by Robert Hopland, repaired by Stedsvalg), Statistics Norway (population 1 Jan 2024; table 08487, prepared by Samarbeidsdesken), police stations compiled from the Norwegian Police, the Police Directorate and news pages, TØI, Erik Bolstad.',
  },
  'footer.vintage': { nb: 'Dataårgang', en: 'Data vintage' },
  'footer.travelModel': { nb: 'Kjøretider', en: 'Drive times' },
});
