/**
 * The stored proposal (issue 11): the proposal panel, the travel model control, the objectives' help, per-site
 * figures and robustness in the workspace, the profile and the shortlist page.
 * Bokmål and English side by side; keys `prop.*`.
 */
import { area } from './area';

export const proposalTexts = area({
  'prop.travelModel': { nb: 'Reisetidsmodell', en: 'Travel model' },
  'prop.travelModelHelp': {
    nb: 'Alle kjøretider i forslaget, robustheten og dekningslaget regnes med denne modellen, og den lagres med scenariet. Matriser fra en ruteplanlegger importeres under «Reisetider».',
    en: 'Every drive time of the proposal, its robustness and the coverage layer comes from this model, and it is saved with the scenario. Matrices from a router are imported under "Travel times".',
  },
  'prop.objectiveHelp.coverage': {
    nb: 'Flest innbyggere som kommer innenfor grensen.',
    en: 'The most residents brought within the limit.',
  },
  'prop.objectiveHelp.beyond': {
    nb: 'Færrest innbygger-minutter over grensen: summen av innbyggere × minutter utover grensen, så 46 og 120 minutter ikke teller likt.',
    en: 'The fewest resident-minutes beyond the limit: the sum of residents × minutes beyond the limit, so 46 and 120 minutes do not count the same.',
  },
  'prop.objectiveHelp.access': {
    nb: 'Kortest befolkningsvektet kjøretid til nærmeste tjenestested.',
    en: 'The shortest population-weighted drive time to the nearest station.',
  },
  'prop.objectiveHelp.score': {
    nb: 'Høyest sum av poengsummene (kjøretidene inngår bare gjennom kriteriene).',
    en: 'The highest sum of scores (drive times enter only through the criteria).',
  },
  'prop.objectiveHelp.blend': {
    nb: 'En blanding av poengsum og nye innbyggere innen grensen.',
    en: 'A blend of score and residents newly within the limit.',
  },
  'prop.heading': { nb: 'Forslag: {k} {k|kommune|kommuner}', en: 'Proposal: {k} {k|municipality|municipalities}' },
  'prop.preview': {
    nb: 'Foreløpig (grådig, ikke lagret). Det eksakte forslaget beregnes …',
    en: 'Preliminary (greedy, not stored). The exact proposal is being computed …',
  },
  'prop.stored': { nb: 'Lagret forslag {id}', en: 'Stored proposal {id}' },
  'prop.failed': { nb: 'Det eksakte forslaget kunne ikke beregnes: {message}', en: 'The exact proposal could not be computed: {message}' },
  'prop.solverName.highs': { nb: 'HiGHS, grein-og-kutt (eksakt)', en: 'HiGHS branch-and-cut (exact)' },
  'prop.solverName.lagrangean': {
    nb: 'lagrangesk grein-og-grense med HiGHS for resten (eksakt)', en: 'Lagrangean branch-and-bound, HiGHS for the rest (exact)',
  },
  'prop.solverName.enumeration': { nb: 'full gjennomgang av alle sett (eksakt)', en: 'complete enumeration of all sets (exact)' },
  'prop.solverName.greedy': { nb: 'grådig med bytter (uten optimalitetsbevis)', en: 'greedy with swaps (no optimality proof)' },
  'prop.value': { nb: 'Verdi', en: 'Value' },
  'prop.bound': { nb: 'Beste grense', en: 'Best bound' },
  'prop.gap': { nb: 'Avstand til beste grense', en: 'Gap to the best bound' },
  'prop.sitesCaption': {
    nb: 'Valgte steder i valgrekkefølge: {n} kandidatsteder (befolkede steder og tilbudte lokaler), høyst ett per kommune. Kjøretider: {model}.',
    en: 'Chosen sites in the set\'s order: {n} candidate sites (populated places and offered premises), at most one per municipality. Drive times: {model}.',
  },
  'prop.col.pos': { nb: 'Nr.', en: 'No.' },
  'prop.col.municipality': { nb: 'Kommune', en: 'Municipality' },
  'prop.col.site': { nb: 'Sted', en: 'Site' },
  'prop.col.loss': { nb: 'Tap om fjernet', en: 'Loss if removed' },
  'prop.col.flag': { nb: 'Innenfor feil', en: 'Within error' },
  'prop.col.stability': { nb: 'I settet: vekter / reisetid / begge', en: 'In set: weights / travel / both' },
  'prop.gain.coverage': { nb: 'Nye innen grensen (i valgrekkefølge)', en: 'Newly within the limit (in the set\'s order)' },
  'prop.gain.access': { nb: 'Spart, innbygger-min (i valgrekkefølge)', en: 'Saved, resident-min (in the set\'s order)' },
  'prop.gain.beyond': {
    nb: 'Færre innbygger-min over grensen (i valgrekkefølge)',
    en: 'Resident-min beyond the limit removed (in the set\'s order)',
  },
  'prop.gain.score': { nb: 'Poengsum (i valgrekkefølge)', en: 'Score (in the set\'s order)' },
  'prop.gain.blend': { nb: 'Bidrag til blandet mål (i valgrekkefølge)', en: 'Contribution to the blend (in the set\'s order)' },
  'prop.sumRow': { nb: 'Sum = settets total', en: 'Sum = the set\'s total' },
  'prop.withinErrorMark': { nb: 'innenfor modellens feil', en: 'within the model\'s error' },
  'prop.errorNote': {
    nb: '⚠ = hele gevinsten ligger innenfor reisetidsmodellens typiske feil: ±{min} min, {quantile} av de absolutte kryssvaliderte avvikene mot TØIs reisetider ({pairs} par). Et slikt sted kan være valgt på grunn av feil i kjøretidene; de større feilene fanges av robustheten under reisetidsfeil.',
    en: '⚠ = the whole gain lies within the travel model\'s typical error: ±{min} min, the {quantile} of the absolute cross-validated differences from TØI\'s travel times ({pairs} pairs). Such a site may have been chosen because of errors in the drive times; the larger errors are caught by the robustness under travel error.',
  },
  'prop.errorImported': {
    nb: 'Den importerte matrisen har ingen egen kalibrering; marginen og reisetidsfeilen er den innebygde modellens, som et forsiktig anslag.',
    en: 'The imported matrix has no calibration of its own; the margin and the travel error are the built-in model\'s, as a cautious stand-in.',
  },
  'prop.quantile.median': { nb: 'medianen', en: 'median' },
  'prop.kind.place': { nb: 'befolket sted', en: 'populated place' },
  'prop.kind.premises': { nb: 'tilbudt lokale', en: 'offered premises' },
  'prop.kind.centre': { nb: 'hovedsted (befolket sted)', en: 'main populated place' },
  'prop.robust.heading': {
    nb: 'Robusthet: {samples} utvalg (frø {seed}); utvalg 0 er forslaget selv.',
    en: 'Robustness: {samples} samples (seed {seed}); sample 0 is the proposal itself.',
  },
  'prop.robust.waiting': { nb: 'Robustheten beregnes …', en: 'Computing robustness …' },
  'prop.robust.travelNote': {
    nb: 'Under dette målet flytter vektene settet bare gjennom poengsummene som skiller like gode sett; det er reisetidsfeilen (kryssvaliderte avvik, trukket per befolkningspunkt) som flytter dekningen.',
    en: 'Under this objective the weights move the set only through the scores that tell equally good sets apart; it is the travel error (cross-validated differences, drawn per population point) that moves the coverage.',
  },
  'prop.robust.weightsNote': {
    nb: 'Under dette målet inngår ikke kjøretidene i valget; bare vektene trekkes.',
    en: 'Under this objective drive times do not enter the choice; only the weights are drawn.',
  },
  'prop.robust.stableCount': {
    nb: 'Stabile (i settet i minst 80 % av utvalgene): {weights} under vekter, {travel} under reisetidsfeil, {both} under begge.',
    en: 'Stable (in the set in at least 80 % of samples): {weights} under weights, {travel} under travel error, {both} under both.',
  },
  'prop.makeShortlist': { nb: 'Lag kortliste av forslaget', en: 'Make a shortlist of the proposal' },
  'prop.shortlistName': { nb: 'Navn på kortlisten', en: 'Name of the shortlist' },
  'prop.shortlistDefaultName': { nb: 'Forslag {date}', en: 'Proposal {date}' },
  'prop.export': { nb: 'Eksporter forslaget', en: 'Export the proposal' },
  'prop.prof.heading': { nb: 'I forslaget', en: 'In the proposal' },
  'prop.prof.in': { nb: 'Ja, nr. {n} av {k} i valgrekkefølgen', en: 'Yes, no. {n} of {k} in the set\'s order' },
  'prop.prof.out': { nb: 'Nei', en: 'No' },
  'prop.prof.site': { nb: 'Valgt sted', en: 'Chosen site' },
  'prop.prof.proposal': { nb: 'Forslag', en: 'Proposal' },
  'prop.prof.robust': { nb: 'Andel i settet', en: 'Share in set' },
  'prop.prof.underWeights': { nb: 'under vekter', en: 'under weights' },
  'prop.prof.underTravel': { nb: 'under reisetidsfeil', en: 'under travel error' },
  'prop.prof.underBoth': { nb: 'under begge', en: 'under both' },
  'prop.prof.stable': { nb: 'stabil', en: 'stable' },
  'prop.prof.notStable': { nb: 'ikke stabil', en: 'not stable' },
  'prop.prof.notSampled': { nb: 'ikke trukket', en: 'not sampled' },
  'prop.prof.robustNote': {
    nb: 'Robusthet: {samples} utvalg (frø {seed}) av {what}, med samme mål, regler og rangering av like gode sett som forslaget; utvalg 0 er forslaget selv.',
    en: 'Robustness: {samples} samples (seed {seed}) of {what}, with the proposal\'s objective, rules and way of telling equally good sets apart; sample 0 is the proposal itself.',
  },
  'prop.prof.sampledBoth': { nb: 'vekter og reisetidsfeil', en: 'weights and travel error' },
  'prop.prof.sampledWeights': { nb: 'vekter', en: 'weights' },
  'prop.prof.rankNote': { nb: 'Rangering under vektene', en: 'Rank under the weights' },
});
