/**
 * The help page (`/help`): a glossary of the terms the workspace, profiles and reports use. Each
 * entry has an anchor (`/help#persentil`) that the controls using the term link to. Bokmål and
 * English side by side; keys `help.*`. The methods are the engine's (see the files named in
 * each entry's source line, e.g. `engine/normalize.ts`), described for a planner.
 */
import { area } from './area';

export const helpTexts = area({
  'help.title': { nb: 'Hjelp og ordliste', en: 'Help and glossary' },
  'help.nav': { nb: 'Hjelp', en: 'Help' },
  'nav.menu': { nb: 'Meny', en: 'Menu' },
  'help.intro': {
    nb: 'Ordene under brukes i arbeidsflaten, kommuneprofilene og rapportene. Lenkene «?» ved en innstilling fører hit.',
    en: 'The terms below are used in the workspace, the municipality profiles and the reports. The “?” links next to a setting lead here.',
  },
  'help.minmax.term': { nb: 'Min–maks', en: 'Min–max' },
  'help.minmax.text': {
    nb: 'Hvert kriterium skaleres til 0–1: den kommunen med lavest verdi får 0, den med høyest får 1, og resten ligger på en rett linje imellom. Én ekstrem kommune kan presse alle de andre sammen.',
    en: 'Each criterion is scaled to 0–1: the municipality with the lowest value gets 0, the highest gets 1, and the rest lie on a straight line in between. One extreme municipality can squeeze all the others together.',
  },
  'help.percentile.term': { nb: 'Persentil', en: 'Percentile' },
  'help.percentile.text': {
    nb: 'Hvert kriterium erstattes av kommunens plass blant alle kommunene, fra 0 (lavest) til 1 (høyest); like verdier deler plass. Avstanden mellom verdiene teller ikke, bare rekkefølgen, så ekstreme verdier får mindre makt.',
    en: 'Each criterion is replaced by the municipality\'s place among all municipalities, from 0 (lowest) to 1 (highest); equal values share a place. Only the order counts, not the distance between values, so extreme values carry less weight.',
  },
  'help.z.term': { nb: 'Standardavvik (z)', en: 'Standard score (z)' },
  'help.z.text': {
    nb: 'Avstanden fra gjennomsnittet målt i standardavvik, kuttet ved ±3 og lagt på 0–1.',
    en: 'The distance from the mean in standard deviations, cut at ±3 and mapped to 0–1.',
  },
  'help.wsm.term': { nb: 'Vektet sum', en: 'Weighted sum' },
  'help.wsm.text': {
    nb: 'Poengsummen (0–100) er summen av de normaliserte kriteriene ganget med vektene, delt på summen av vektene. Bare forholdet mellom vektene betyr noe.',
    en: 'The score (0–100) is the sum of the normalised criteria times their weights, divided by the sum of the weights. Only the ratios between weights matter.',
  },
  'help.topsis.term': { nb: 'TOPSIS', en: 'TOPSIS' },
  'help.topsis.text': {
    nb: 'En annen måte å slå sammen kriteriene på (Hwang og Yoon 1981): hver kommune måles mot en tenkt «beste» og «verste» kommune, og poengsummen er hvor nær den ligger den beste (0–100). Gir ofte samme topp som vektet sum, men straffer kommuner som er svake på ett kriterium mer.',
    en: 'Another way to combine the criteria (Hwang and Yoon 1981): each municipality is measured against an imagined “best” and “worst” municipality, and the score is how close it lies to the best (0–100). Often gives the same top as the weighted sum but penalises municipalities weak on one criterion more.',
  },
  'help.valid.term': { nb: 'Gyldig / bevist optimal', en: 'Feasible / proved optimal' },
  'help.valid.text': {
    nb: '«Gyldig» betyr at forslaget oppfyller alle reglene (antall steder, minimum og maksimum per distrikt, tvunget inn og ut), men at det ikke er bevist at ingen annen kombinasjon er bedre. «Optimal» (bevist optimal) betyr at den eksakte løseren (HiGHS) har vist at ingen gyldig kombinasjon gir høyere måltall. Avstanden til beste grense er hvor mye bedre en kombinasjon i verste fall kunne vært.',
    en: '“Feasible” means the proposal meets every rule (number of sites, minimum and maximum per district, forced in and out) but it is not proved that no other combination is better. “Optimal” (proved optimal) means the exact solver (HiGHS) has shown that no feasible combination scores higher on the objective. The gap to the best bound is how much better a combination could be at most.',
  },
  'help.greedy.term': { nb: 'Grådig og eksakt utvalg', en: 'Greedy and exact selection' },
  'help.greedy.text': {
    nb: 'Grådig utvalg legger til ett sted om gangen, det som gir mest akkurat da; det er raskt og viser et foreløpig forslag straks du flytter en vekt. Like etter regner arbeidsflaten ut det eksakte forslaget av seg selv (statuslinjen viser «Optimerer eksakt …» så lenge det pågår): det løser hele valget som et heltallsproblem, kan bevise at svaret er best, og lagres. Det finnes ingen egen knapp for det.',
    en: 'Greedy selection adds one site at a time, the one that gains most at that moment; it is fast and shows a preliminary proposal as soon as you move a weight. Shortly after, the workspace computes the exact proposal by itself (the status line shows “Optimising exactly …” while it runs): it solves the whole choice as an integer programme, can prove the answer is best, and is stored. There is no separate button for it.',
  },
  'help.stability.term': { nb: 'Stabilitet', en: 'Stability' },
  'help.stability.text': {
    nb: 'Hvor ofte en kommune er med i forslaget når vektene trekkes tilfeldig rundt de valgte, når kjøretidene trekkes innenfor reisetidsmodellens typiske feil (der den er kjent), og når begge trekkes (1 000 utvalg, samme frø hver gang): «I settet: vekter / reisetid / begge». 80 % eller mer regnes som stabilt, under 50 % som ustabilt. Et ustabilt sted avhenger mye av nøyaktig hvilke vekter som er valgt, eller av feil i kjøretidene.',
    en: 'How often a municipality is in the proposal when the weights are drawn at random around the chosen ones, when the drive times are drawn within the travel model\'s typical error (where it is known), and when both are drawn (1,000 samples, the same seed each time): "In set: weights / travel / both". 80 % or more counts as stable, below 50 % as unstable. An unstable site depends much on exactly which weights were chosen, or on errors in the drive times.',
  },
  'help.coverage.term': { nb: 'Dekning', en: 'Coverage' },
  'help.coverage.text': {
    nb: 'Andelen innbyggere som bor innen valgt kjøretid (standard 45 minutter, nærpolitireformens krav) fra nærmeste tjenestested, eksisterende eller foreslått. Beregnet fra befolkningspunkter (postnumre) og reisetidsmodellen, ikke fra sirkler på kartet.',
    en: 'The share of residents living within the chosen drive time (45 minutes by default, the local-police reform\'s standard) of the nearest police location, existing or proposed. Computed from population points (postcodes) and the travel model, not from circles on the map.',
  },
  'help.travel.term': { nb: 'Reisetidsmodell', en: 'Travel model' },
  'help.travel.text': {
    nb: 'Hvordan kjøretidene er beregnet. Den innebygde modellen regner kjøretid over land og sjø med ferjer og faste forbindelser fra offentlige data; en planlegger kan importere en matrise fra en ruteplanlegger i stedet. Modellen står i bunnteksten på kartet (arbeidsflaten), på kommuneprofilene og på sidene som sammenligner scenarier eller kommuner, og kjøretider er anslag, ikke målinger.',
    en: 'How drive times are computed. The built-in model estimates drive time over land and sea with ferries and fixed links from public data; a planner may import a matrix from a route planner instead. The model is named in the footer of the map (the workspace), of the municipality profiles and of the pages that compare scenarios or municipalities, and drive times are estimates, not measurements.',
  },
  'help.gate.term': { nb: 'Krav om ønske (valgbar)', en: 'Wish requirement (eligible)' },
  'help.gate.text': {
    nb: 'Regjeringen lovet nye tjenestesteder der det er lokalt ønske. Med kravet på er bare kommuner som har svart ja på spørsmål 5 valgbare; kommuner som har svart nei eller ikke har svart, rangeres men kan ikke velges. Er svarene bare delvis importert, kan kravet slås av i arbeidsflaten.',
    en: 'The government promised new stations where there is a local wish. With the requirement on, only municipalities that answered yes to question 5 are eligible; those that answered no or have not answered are ranked but cannot be chosen. When the answers are only partly imported, the requirement can be turned off in the workspace.',
  },
  'help.blend.term': { nb: 'Blanding (α)', en: 'Blend (α)' },
  'help.blend.text': {
    nb: 'Målet «blanding» veier samlet poengsum mot nye innbyggere innen kjøretiden: α = 1 gir bare poengsum, α = 0 bare dekning, 0,5 like mye av begge (hver del skalert til sitt største mulige bidrag).',
    en: 'The “blend” objective weighs the total score against new residents within the drive time: α = 1 gives score only, α = 0 coverage only, 0.5 equal parts (each part scaled to its largest possible contribution).',
  },
  'help.source': { nb: 'Metode i kildekoden', en: 'Method in the source code' },
});
