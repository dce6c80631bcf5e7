/**
 * The data sources as a reader meets them (the sources page, the footer, the exports): each source of
 * `data/vintage.json` by its id, with a title, who published it, its licence and its vintage in bokmål
 * and English. The file keeps the attribution facts (URLs, commits); the words are here. The
 * `source.*` keys are listed in `SOURCE_TEXT` (`model`-free: the ids are the file's ids) and a unit
 * test checks that every id of the file has its texts. `data.vintage` is the data vintage of the
 * committed data set (the test checks it against the file's `dataVintage`).
 */
import { area } from './area';

export const sourceTexts = area({
  'data.vintage': {
    nb: 'Kommuner 2024 (357); folkemengde 1.1.2024; lovbrudd 2020–2024 (toårsgjennomsnitt); tjenestesteder åpne 23.02.2022',
    en: 'Municipalities 2024 (357); population 1 Jan 2024; offences 2020–2024 (two-year averages); police service locations open 23 Feb 2022',
  },
  'sources.title': { nb: 'Datakilder', en: 'Data sources' },
  'sources.intro': {
    nb: 'Hvert tall i Stedsvalg kommer fra en av kildene under og en metode som er beskrevet ved tallet. Dataene er avledet av prosjektets egne skript og lagt inn med kildehenvisning.',
    en: 'Every figure in Stedsvalg comes from one of the sources below and a method described beside the figure. The data are derived by the project\'s own scripts and committed with their attribution.',
  },
  'sources.link': { nb: 'Om dataene og kildene', en: 'About the data and sources' },
  'sources.col.title': { nb: 'Kilde', en: 'Source' },
  'sources.col.publisher': { nb: 'Utgiver', en: 'Publisher' },
  'sources.col.licence': { nb: 'Lisens', en: 'Licence' },
  'sources.col.vintage': { nb: 'Årgang', en: 'Vintage' },
  'sources.col.reference': { nb: 'Henvisning', en: 'Reference' },
  'sources.vintage': { nb: 'Dataårgang', en: 'Data vintage' },
  'sources.caveat': {
    nb: '«Ingen oppgitt» betyr at depotet som videreformidler dataene ikke oppgir noen lisens; sjekk vilkårene før videre distribusjon.',
    en: '"None stated" means the repository that repackages the data states no licence; check the terms before you redistribute.',
  },
  'source.kartverket-kommuner-2024.title': { nb: 'Kommunegrenser 2024 (forenklet, klippet mot kysten; selvkryssinger reparert av Stedsvalg)', en: 'Municipal boundaries 2024 (simplified, clipped to the coast; self-intersections repaired by Stedsvalg)' },
  'source.kartverket-kommuner-2024.publisher': { nb: 'Kartverket; forenklet av Robert Hopland', en: 'Kartverket; simplified by Robert Hopland' },
  'source.kartverket-kommuner-2024.licence': { nb: 'CC BY 4.0 (© Kartverket)', en: 'CC BY 4.0 (© Kartverket)' },
  'source.kartverket-kommuner-2024.vintage': { nb: '2024', en: '2024' },
  'source.kartverket-fylker-2024.title': { nb: 'Fylkesgrenser 2024 (forenklet)', en: 'County boundaries 2024 (simplified)' },
  'source.kartverket-fylker-2024.publisher': { nb: 'Kartverket; bearbeidet av Robert Hopland', en: 'Kartverket; processed by Robert Hopland' },
  'source.kartverket-fylker-2024.licence': { nb: 'CC BY 4.0 (© Kartverket)', en: 'CC BY 4.0 (© Kartverket)' },
  'source.kartverket-fylker-2024.vintage': { nb: '2024', en: '2024' },
  'source.aprestmo-municipalities-2025.title': { nb: 'Kommunenes folkemengde 1.1.2024 (filnavnet sier 2025), areal og administrasjonssenter', en: 'Population of the municipalities on 1 Jan 2024 (the file name says 2025), area and administrative centre' },
  'source.aprestmo-municipalities-2025.publisher': { nb: 'SSB, via aprestmo/norway-geodata', en: 'Statistics Norway, via aprestmo/norway-geodata' },
  'source.aprestmo-municipalities-2025.licence': { nb: 'SSB: CC BY 4.0; depotet: MIT', en: 'Statistics Norway: CC BY 4.0; repository: MIT' },
  'source.aprestmo-municipalities-2025.vintage': { nb: 'folkemengde 1.1.2024 (sum 5 550 203); kommunestruktur 2024/2025', en: 'population 1 Jan 2024 (sum 5,550,203); 2024/2025 municipal structure' },
  'source.aprestmo-postal-codes-2026.title': { nb: 'Postnummer 2026 → kommune', en: 'Postcodes 2026 → municipality' },
  'source.aprestmo-postal-codes-2026.publisher': { nb: 'aprestmo/norway-geodata (Postens register)', en: 'aprestmo/norway-geodata (the Posten register)' },
  'source.aprestmo-postal-codes-2026.licence': { nb: 'MIT (depotet)', en: 'MIT (repository)' },
  'source.aprestmo-postal-codes-2026.vintage': { nb: '2026', en: '2026' },
  'source.bolstad-postnummer-2020.title': { nb: 'Postnummerpunkter med koordinater («Postnummer i Noreg med koordinatar»)', en: 'Postcode points with coordinates ("Postnummer i Noreg med koordinatar")' },
  'source.bolstad-postnummer-2020.publisher': { nb: 'Erik Bolstad', en: 'Erik Bolstad' },
  'source.bolstad-postnummer-2020.licence': { nb: 'ikke oppgitt; krediter Erik Bolstad', en: 'not stated; credit Erik Bolstad' },
  'source.bolstad-postnummer-2020.vintage': { nb: 'koordinater 2020; folketall ukjent år (2010-tallet)', en: 'coordinates 2020; population of unknown year (2010s)' },
  'source.ssb-08487.title': { nb: 'Anmeldte lovbrudd etter gjerningssted (SSB tabell 08487), toårsgjennomsnitt', en: 'Reported offences by scene of crime (Statistics Norway table 08487), two-year averages' },
  'source.ssb-08487.publisher': { nb: 'SSB; tilrettelagt av Samarbeidsdesken (Christian Lura)', en: 'Statistics Norway; prepared by Samarbeidsdesken (Christian Lura)' },
  'source.ssb-08487.licence': { nb: 'SSB: CC BY 4.0 («Tallene er publisert av Statistisk Sentralbyrå og tilrettelagt av Samarbeidsdesken»)', en: 'Statistics Norway: CC BY 4.0 (credit: "Tallene er publisert av Statistisk Sentralbyrå og tilrettelagt av Samarbeidsdesken")' },
  'source.ssb-08487.vintage': { nb: '2020–2024', en: '2020–2024' },
  'source.ssb-klass-109.title': { nb: 'Kommune → politidistrikt (SSB KLASS 109)', en: 'Municipality → police district (Statistics Norway KLASS 109)' },
  'source.ssb-klass-109.publisher': { nb: 'SSB, via jahili/norge-administrative-grenser', en: 'Statistics Norway, via jahili/norge-administrative-grenser' },
  'source.ssb-klass-109.licence': { nb: 'SSB: CC BY 4.0; depotet: ingen oppgitt', en: 'Statistics Norway: CC BY 4.0; repository: none stated' },
  'source.ssb-klass-109.vintage': { nb: '2024', en: '2024' },
  'source.toi-ba-regioner-2020.title': { nb: 'Bo- og arbeidsmarkedsregioner 2020: reisetid', en: 'Housing and labour market regions 2020: travel time' },
  'source.toi-ba-regioner-2020.publisher': { nb: 'Transportøkonomisk institutt (TØI) for KMD (2019), omkodet av jahili', en: 'Institute of Transport Economics (TØI) for the ministry KMD (2019), recoded by jahili' },
  'source.toi-ba-regioner-2020.licence': { nb: 'ingen oppgitt', en: 'none stated' },
  'source.toi-ba-regioner-2020.vintage': { nb: '2019/2020, omkodet til 2024', en: '2019/2020, recoded to 2024' },
  'source.politiet-pass-id-2022.title': { nb: 'Pass- og ID-kontor (Politiets timebestilling)', en: 'Passport and ID offices (the police booking directory)' },
  'source.politiet-pass-id-2022.publisher': { nb: 'Politiet, via lwollan/passbestilling', en: 'Politiet (the Norwegian Police), via lwollan/passbestilling' },
  'source.politiet-pass-id-2022.licence': { nb: 'ingen oppgitt', en: 'none stated' },
  'source.politiet-pass-id-2022.vintage': { nb: 'mars 2022', en: 'March 2022' },
  'source.politi-tjenestesteder-2022.title': { nb: 'Polititjenestesteder åpne 23.02.2022 (sammenstilt for hånd; ikke publisert som liste av Politiet)', en: 'Police service locations open 23 Feb 2022 (compiled by hand; not published as a list by Politiet)' },
  'source.politi-tjenestesteder-2022.publisher': { nb: 'Sammenstilt fra Politiet, POD og nyhetssider (kilde oppgitt per rad)', en: 'Compiled from Politiet, the Police Directorate and news pages (source given per row)' },
  'source.politi-tjenestesteder-2022.licence': { nb: 'fakta; ingen lisens', en: 'facts; no licence' },
  'source.politi-tjenestesteder-2022.vintage': { nb: 'tidlig 2022', en: 'early 2022' },
  'source.fixed-links.title': { nb: 'Bruer og undersjøiske tunneler som reisetidsmodellen regner som land', en: 'Bridges and subsea tunnels the travel-time model treats as land' },
  'source.fixed-links.publisher': { nb: 'Wikipedia-artikler som siterer Statens vegvesen (én lenke per forbindelse)', en: 'Wikipedia articles citing Statens vegvesen (one address per link)' },
  'source.fixed-links.licence': { nb: 'fakta', en: 'facts' },
  'source.fixed-links.vintage': { nb: '2024', en: '2024' },
  'source.police-45-minutes.title': { nb: '98,6 % av innbyggerne innen 45 minutter fra et polititjenestested (POD-vedtak 13.01.2017)', en: '98.6 % of residents within 45 minutes of a police service location (Police Directorate decision of 13 Jan 2017)' },
  'source.police-45-minutes.publisher': { nb: 'Politidirektoratet (Odd Reidar Humlegård), gjengitt av NRK 13.01.2017', en: 'Politidirektoratet (Odd Reidar Humlegård), reported by NRK on 13 Jan 2017' },
  'source.police-45-minutes.licence': { nb: 'fakta', en: 'facts' },
  'source.police-45-minutes.vintage': { nb: '2017', en: '2017' },
});

/** The ids of the sources in `data/vintage.json`, each with its four texts here. */
export const SOURCE_IDS = [
  'kartverket-kommuner-2024', 'kartverket-fylker-2024', 'aprestmo-municipalities-2025', 'aprestmo-postal-codes-2026', 'bolstad-postnummer-2020',
  'ssb-08487', 'ssb-klass-109', 'toi-ba-regioner-2020', 'politiet-pass-id-2022', 'politi-tjenestesteder-2022', 'fixed-links', 'police-45-minutes',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
