/**
 * The criteria of the ranking (`engine/criteria.ts` holds their ids, directions, default weights and
 * values; the engine carries no texts): label, unit and source of each, the rule for a missing value,
 * and the reasons a municipality is not eligible. Bokmål and English side by side; keys `crit.*`.
 * Read through the typed maps in `model/labels.ts` (`CRITERION_TEXT`, `INELIGIBLE_REASON_LABEL`).
 */
import { area } from './area';

export const criteriaTexts = area({
  'crit.wish': { nb: 'Ønsker tjenestested', en: 'Wants a station' },
  'crit.wish.unit': { nb: 'ja=1/nei=0', en: 'yes=1/no=0' },
  'crit.wish.source': { nb: 'Kommunens svar, spørsmål 5', en: "The municipality's answer, question 5" },
  'crit.premises': { nb: 'Tilbyr lokaler', en: 'Offers premises' },
  'crit.premises.unit': { nb: 'ingen=0/tilbudt=0,5/samlokalisert=1', en: 'none=0/offered=0.5/co-located=1' },
  'crit.premises.source': { nb: 'Kommunens svar, spørsmål 5', en: "The municipality's answer, question 5" },
  'crit.driveTime': { nb: 'Kjøretid til nærmeste tjenestested', en: 'Drive time to nearest station' },
  'crit.driveTime.unit': { nb: 'min', en: 'min' },
  'crit.driveTime.source': {
    nb: 'Befolkningsvektet kjøretid fra scenariets reisetidsmodell (standard: den innebygde land/sjø-modellen)',
    en: "Population-weighted drive time from the scenario's travel-time model (default: the built-in land/sea model)",
  },
  'crit.uncovered': { nb: 'Innbyggere over 45 min unna', en: 'Residents beyond 45 min' },
  'crit.uncovered.unit': { nb: 'personer', en: 'persons' },
  'crit.uncovered.source': { nb: 'Befolkningspunkter og scenariets reisetidsmatrise', en: "Demand points and the scenario's travel-time matrix" },
  'crit.crimeRate': { nb: 'Anmeldte lovbrudd per 1 000', en: 'Reported offences per 1,000' },
  'crit.crimeRate.unit': { nb: 'per 1 000', en: 'per 1,000' },
  'crit.crimeRate.source': {
    nb: 'SSB tabell 08487, siste periode, per 1 000 innb. 1.1.2024',
    en: 'Statistics Norway (SSB) table 08487, latest period, per 1,000 residents on 1.1.2024',
  },
  'crit.violenceRate': { nb: 'Voldslovbrudd per 1 000', en: 'Violent offences per 1,000' },
  'crit.violenceRate.unit': { nb: 'per 1 000', en: 'per 1,000' },
  'crit.violenceRate.source': {
    nb: 'SSB tabell 08487, siste periode, per 1 000 innb. 1.1.2024',
    en: 'Statistics Norway (SSB) table 08487, latest period, per 1,000 residents on 1.1.2024',
  },
  'crit.crimeTrend': { nb: 'Utvikling i lovbrudd', en: 'Crime trend' },
  'crit.crimeTrend.unit': { nb: 'per 1 000 per periode', en: 'per 1,000 per period' },
  'crit.crimeTrend.source': { nb: 'SSB tabell 08487, stigningstall over fire perioder', en: 'Statistics Norway (SSB) table 08487, slope over four periods' },
  // the indicator's name (`ind.population`, «Folkemengde 1.1.2024») is this name with its date: keep them agreeing
  'crit.population': { nb: 'Folkemengde', en: 'Population' },
  'crit.population.unit': { nb: 'personer', en: 'persons' },
  'crit.population.source': { nb: 'SSB folkemengde 1.1.2024', en: 'Statistics Norway (SSB) population 1.1.2024' },
  'crit.dissatisfied': { nb: 'Misfornøyd med politiet', en: 'Dissatisfied with police' },
  'crit.dissatisfied.unit': { nb: 'nei=1/delvis=0,5/ja=0', en: 'no=1/partly=0.5/yes=0' },
  'crit.dissatisfied.source': { nb: 'Kommunens svar, spørsmål 2', en: "The municipality's answer, question 2" },
  'crit.districtAdvice': { nb: 'Politidistriktets råd', en: 'Police district advice' },
  'crit.districtAdvice.unit': { nb: 'støtter=1/nøytral=0,5/fraråder=0', en: 'supports=1/neutral=0.5/against=0' },
  'crit.districtAdvice.source': { nb: 'Politidistriktenes vurdering', en: "The police districts' assessment" },
  'crit.missingRule': {
    nb: 'utelates for den kommunen; de andre vektene skaleres opp',
    en: 'excluded for that municipality; its other weights are renormalised',
  },
  'crit.reason.wishNo': { nb: 'Har svart nei til nytt tjenestested', en: 'Answered no to a new station' },
  'crit.reason.wishNotAnswered': { nb: 'Har ikke svart på spørsmål 5', en: 'Has not answered question 5' },
});
