/**
 * The selection rules that cannot be met, one text per broken rule (`engine/rules.ts` names the
 * rule and its figures; `model/violations.ts` maps each rule to its key). Municipalities are named,
 * district names are as the police use them. Bokmål and English side by side; keys `rule.*`.
 */
import { area } from './area';

export const ruleTexts = area({
  'rule.includeUnknown': { nb: '{id} er tvunget inn, men er ikke en kandidat', en: '{id} is forced in but is not a candidate' },
  'rule.includeExcluded': { nb: '{id} er både tvunget inn og holdt utenfor', en: '{id} is both forced in and kept out' },
  'rule.includeIneligible': { nb: '{id} er tvunget inn, men kan ikke velges ({reason})', en: '{id} is forced in but is not eligible ({reason})' },
  'rule.includeIneligibleNoReason': { nb: '{id} er tvunget inn, men kan ikke velges', en: '{id} is forced in but is not eligible' },
  'rule.includesOverK': {
    nb: 'Tvunget inn: {count} {count|kommune|kommuner}, men forslaget har bare {k} {k|sted|steder}',
    en: 'Forced in: {count} {count|municipality|municipalities}, but the proposal has only {k} {k|site|sites}',
  },
  'rule.districtMinOverMax': {
    nb: 'Minimum for {district} ({min}) er høyere enn maksimum ({max})',
    en: 'The minimum for {district} ({min}) is above its maximum ({max})',
  },
  'rule.districtMinOverAvailable': {
    nb: 'Minimum for {district} er {min}, men distriktet gir plass til høyst {available}',
    en: 'The minimum for {district} is {min}, but the district has room for at most {available}',
  },
  'rule.includesOverDistrictMax': {
    nb: 'Tvunget inn i {district}: {count}, men maksimum for distriktet er {max}',
    en: 'Forced in within {district}: {count}, but the district’s maximum is {max}',
  },
  'rule.districtMinsOverK': {
    nb: 'Distriktenes minimum er til sammen {sum}, men forslaget har bare {k} {k|sted|steder}',
    en: 'The districts’ minimums add up to {sum}, but the proposal has only {k} {k|site|sites}',
  },
  'rule.includesAndMinsOverK': {
    nb: 'Tvungne kommuner og distriktenes minimum krever {need} steder, men forslaget har bare {k}',
    en: 'The forced municipalities and the districts’ minimums need {need} sites, but the proposal has only {k}',
  },
  'rule.kOverEligible': {
    nb: 'Forslaget skal ha {k} {k|sted|steder}, men bare {eligible} kan velges',
    en: 'The proposal needs {k} {k|site|sites}, but only {eligible} can be chosen',
  },
  'rule.kOverEligiblePerGroup': {
    nb: 'Forslaget skal ha {k} {k|sted|steder}, men bare {eligible} kan velges (høyst {maxPerGroup} per kommune)',
    en: 'The proposal needs {k} {k|site|sites}, but only {eligible} can be chosen (at most {maxPerGroup} per municipality)',
  },
  'rule.districtMaxsUnderK': {
    nb: 'Distriktenes maksimum gir plass til høyst {sum} steder, men forslaget skal ha {k}',
    en: 'The districts’ maximums allow at most {sum} sites, but the proposal needs {k}',
  },
  'rule.noRobustness': {
    nb: 'Forslaget har ikke noe sett å prøve robustheten til: {why}',
    en: 'The proposal has no set whose robustness could be tested: {why}',
  },
  'rule.noProposal': {
    nb: 'Scenariet har ikke noe forslag å lage kortlisten av: {why}',
    en: 'The scenario has no proposed set to make the shortlist from: {why}',
  },
});
