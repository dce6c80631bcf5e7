/**
 * A municipality's profile page.
 * Bokmål and English side by side; keys `prof.*`.
 */
import { area } from './area';

export const profileTexts = area({
  'prof.back': { nb: 'Tilbake til arbeidsflaten', en: 'Back to the workspace' },
  'prof.adminCentre': { nb: 'Administrasjonssenter', en: 'Administrative centre' },
  'prof.underScenario': { nb: 'Poengsum og rangering', en: 'Score and rank' },
  'prof.scenarioSaved': { nb: 'Under scenariet', en: 'Under the scenario' },
  'prof.scenarioCurrent': {
    nb: 'Under vektene og reglene fra arbeidsflaten (eller standardvektene).',
    en: 'Under the weights and rules from the workspace (or the default weights).',
  },
  'prof.rankOf': { nb: 'plass av', en: 'of' },
  'prof.pInSet': { nb: 'Sannsynlighet for å være i forslaget', en: 'Probability of being in the proposal' },
  'prof.pTopK': { nb: 'sannsynlighet for topp K', en: 'probability of top K' },
  'prof.rankRange': { nb: '90 %-intervall for rangering', en: '90 % interval of the rank' },
  'prof.median': { nb: 'median', en: 'median' },
  'prof.breakdown': { nb: 'Poeng per kriterium', en: 'Points by criterion' },
  'prof.criterion': { nb: 'Kriterium', en: 'Criterion' },
  'prof.value': { nb: 'Verdi', en: 'Value' },
  'prof.weight': { nb: 'Vekt', en: 'Weight' },
  'prof.points': { nb: 'Poeng', en: 'Points' },
  'prof.missing': { nb: 'mangler', en: 'missing' },
  'prof.missingNote': {
    nb: 'Kriterier som mangler verdi er holdt utenfor, og de andre vektene er skalert opp for denne kommunen.',
    en: 'Criteria without a value are left out, and the other weights are scaled up for this municipality.',
  },
  'prof.indicators': { nb: 'Indikatorer', en: 'Indicators' },
  'prof.indicator': { nb: 'Indikator', en: 'Indicator' },
  'prof.national': { nb: 'Persentil i landet', en: 'National percentile' },
  'prof.inDistrict': { nb: 'Persentil i politidistriktet', en: 'Percentile in the police district' },
  'prof.pctNote': {
    nb: 'Persentil: andelen kommuner med lavere verdi (uavgjort teller halvt). 100 = høyest.',
    en: 'Percentile: the share of municipalities with a lower value (ties count half). 100 = highest.',
  },
  'prof.answers': { nb: 'Svar på de fem spørsmålene', en: 'Answers to the five questions' },
  'prof.noAnswer': { nb: 'Kommunen har ikke noe registrert svar.', en: 'The municipality has no recorded answer.' },
  'prof.noAnswersLoaded': { nb: 'Ingen svar fra kommunene er lastet inn ennå.', en: 'No municipal answers have been loaded yet.' },
  'prof.sampleAnswer': {
    nb: 'Eksempeldata: dette svaret er illustrativt, ikke kommunens ekte svar.',
    en: 'Sample data: this answer is illustrative, not the municipality’s real answer.',
  },
  'prof.notAnswered': { nb: '(ikke besvart)', en: '(not answered)' },
  'prof.q1': {
    nb: '1. Utfordringer innen forebygging, beredskap og sivile tjenester',
    en: '1. Challenges in prevention, emergency preparedness and civil services',
  },
  'prof.q2': { nb: '2. Tilfreds med bemanning, tjenestestedstruktur og tjenestetilbud?', en: '2. Satisfied with staffing, station structure and services?' },
  'prof.q3': { nb: '3. Samarbeid og ressurser', en: '3. Cooperation and resources' },
  'prof.q4': { nb: '4. Ønsket utvikling i tilgjengeligheten', en: '4. Wished development in access' },
  'prof.q5': { nb: '5. Ønsker kommunen et nytt tjenestested? Tilbudte lokaler', en: '5. Does the municipality want a new station? Offered premises' },
  'prof.resources': { nb: 'Ressurser', en: 'Resources' },
  'prof.ch.station': { nb: 'Tjenestested', en: 'Service station' },
  'prof.ch.presence': { nb: 'Tilstedeværelse annet sted', en: 'Presence elsewhere' },
  'prof.ch.attendance': { nb: 'Fysisk oppmøte', en: 'In-person attendance' },
  'prof.ch.telephone': { nb: 'Telefon', en: 'Telephone' },
  'prof.ch.internet': { nb: 'Internett', en: 'Internet' },
  'prof.coLocated': { nb: 'samlokalisert med', en: 'co-located with' },
  'prof.noPremises': { nb: 'Ingen lokaler tilbudt.', en: 'No premises offered.' },
  'prof.allAnswers': { nb: 'Hele svaret med historikk', en: 'The full answer with history' },
  'prof.mapLabel': { nb: 'Kart over kommunen med nærmeste tjenestesteder', en: 'Map of the municipality with the nearest stations' },
  'prof.mapNote': {
    nb: 'Kommunegrense (© Kartverket), nærmeste tjenestesteder (røde ringer), befolkningsvektet senter (svart; et beregnet punkt, ikke administrasjonssenteret) og tilbudte lokaler (lilla).',
    en: 'Boundary (© Kartverket), nearest stations (red rings), population-weighted centre (black; a computed point, not the administrative centre) and offered premises (purple).',
  },
  'prof.centre': {
    nb: 'Befolkningsvektet senter (beregnet punkt, ikke administrasjonssenteret)',
    en: 'Population-weighted centre (a computed point, not the administrative centre)',
  },
  'prof.nearest': { nb: 'Nærmeste tjenestesteder', en: 'Nearest police stations' },
  'prof.station': { nb: 'Tjenestested', en: 'Station' },
  'prof.estMin': { nb: 'Ca. min', en: 'Est. min' },
  'prof.nearestNote': {
    nb: 'Fra {place}: luftlinje og beregnet kjøretid ({model}).',
    en: 'From {place}: straight-line distance and estimated drive time ({model}).',
  },
  'prof.driveModel': { nb: 'Kjøretider etter', en: 'Drive times by' },
  'prof.sparseDemand': {
    nb: 'Kommunen har bare {n} befolkningspunkt (postnummerpunkt med innbyggere) på {area} km²: kjøretidene og dekningen her er grove, fordi alle innbyggerne i et postnummer regnes til ett punkt.',
    en: 'The municipality has only {n} {n|demand point (a postcode point|demand points (postcode points} with residents) over {area} km²: its drive times and coverage are coarse, because all residents of a postcode count at one point.',
  },
  'prof.suppressedNote': {
    nb: 'SSB har ikke publisert tallet på voldssaker (0–4 anmeldte lovbrudd); verdien bruker midtpunktet, 2 per år.',
    en: 'Statistics Norway did not publish the violence count (0–4 reported offences); the value uses the midpoint, 2 a year.',
  },
  'prof.compareWith': { nb: 'Sammenlign med andre kommuner', en: 'Compare with other municipalities' },
});
