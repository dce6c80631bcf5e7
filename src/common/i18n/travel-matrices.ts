/**
 * Travel-time matrices: the built-in model and imported router matrices.
 * Bokmål and English side by side; keys `tm.*`.
 */
import { area } from './area';

export const travelMatrixTexts = area({
  'tm.title': { nb: 'Reisetidsmatriser', en: 'Travel-time matrices' },
  'tm.intro': {
    nb: 'Kjøretidene i Stedsvalg kommer fra en reisetidsmatrise: minutter fra hvert befolkningspunkt til hvert mulig sted og hvert eksisterende tjenestested. Den innebygde modellen er standard; en matrise fra en ruteplanlegger (OSRM, Valhalla, ArcGIS Network Analyst, pgRouting) kan importeres og velges per scenario med parameteren travelModel.',
    en: 'Drive times in Stedsvalg come from a travel-time matrix: minutes from every demand point to every candidate site and every existing station. The built-in model is the default; a matrix from a router (OSRM, Valhalla, ArcGIS Network Analyst, pgRouting) can be imported and chosen per scenario with the travelModel parameter.',
  },
  'tm.builtin': { nb: 'Innebygd modell', en: 'Built-in model' },
  'tm.label.builtin': { nb: 'Innebygd land/sjø-modell v{version} (TØI-kalibrert)', en: 'Built-in land/sea model v{version} (calibrated on TØI)' },
  'tm.label.imported': { nb: 'Importert matrise «{name}» (nr. {id})', en: 'Imported matrix “{name}” (no. {id})' },
  'tm.builtinNote': {
    nb: 'Land/sjø-modell på et 1 km-rutenett av kommunegrensene med ferjestraff og faste forbindelser, kalibrert mot TØIs reisetider (se datakildene).',
    en: 'A land/sea model on a 1 km grid of the municipal boundaries with a ferry penalty and fixed links, calibrated on TØI travel times (see the data sources).',
  },
  'tm.points': { nb: 'Last ned punktene som skal rutes (CSV)', en: 'Download the points to route (CSV)' },
  'tm.pointsNote': {
    nb: 'Rekkefølgen er den OSRM-forespørselen må bruke: først alle befolkningspunkter (kilder), så alle steder og tjenestesteder (mål).',
    en: 'The order is the one an OSRM request must use: first every demand point (sources), then every site and station (destinations).',
  },
  'tm.import': { nb: 'Importer matrise', en: 'Import a matrix' },
  'tm.file': { nb: 'Fil (CSV eller OSRM table-JSON)', en: 'File (CSV or OSRM table JSON)' },
  'tm.csvColumns': { nb: 'CSV-filen har kolonnene', en: 'The CSV file has the columns' },
  'tm.name': { nb: 'Navn (valgfritt; ellers filnavnet)', en: 'Name (optional; else the file name)' },
  'tm.format': { nb: 'Format', en: 'Format' },
  'tm.format.auto': { nb: 'Gjenkjenn fra filen', en: 'Detect from the file' },
  'tm.dryRun': { nb: 'Bare kontroller (lagre ingenting)', en: 'Check only (store nothing)' },
  'tm.as': { nb: 'Importeres som', en: 'Imported as' },
  'tm.limits': {
    nb: 'Høyst 200 MB. Alt eller ingenting: én feil, og ingenting lagres. Par som mangler, regnes som uten rute; par lenger enn nærmeste tjenestested + 30 min lagres ikke (samme regel som den innebygde matrisen).',
    en: 'At most 200 MB. All or nothing: one error and nothing is stored. Missing pairs count as no route; pairs longer than the nearest station + 30 min are not stored (the same rule as the built-in matrix).',
  },
  'tm.submit': { nb: 'Importer', en: 'Import' },
  'tm.readOnly': { nb: 'Bare planleggere og administratorer kan importere matriser.', en: 'Only planners and administrators may import matrices.' },
  'tm.report': { nb: 'Rapport', en: 'Report' },
  'tm.status.imported': { nb: 'Importert.', en: 'Imported.' },
  'tm.status.dry-run': { nb: 'Kontrollert uten feil; ingenting er lagret.', en: 'Checked without errors; nothing was stored.' },
  'tm.status.rejected': {
    nb: 'Avvist: ingenting er lagret. Rett feilene under og prøv igjen.',
    en: 'Rejected: nothing was stored. Fix the errors below and try again.',
  },
  'tm.summary': { nb: '{rows} {rows|rad|rader} i filen, {read} par lest, {kept} par beholdt.', en: '{rows} {rows|row|rows} in the file, {read} {read|pair|pairs} read, {kept} {kept|pair|pairs} kept.' },
  'tm.more': { nb: '… og {n} feil til.', en: '… and {n} more {n|error|errors}.' },
  'tm.list': { nb: 'Importerte matriser', en: 'Imported matrices' },
  'tm.none': { nb: 'Ingen importerte matriser; scenariene bruker den innebygde modellen.', en: 'No imported matrices; scenarios use the built-in model.' },
  'tm.col.file': { nb: 'Fil', en: 'File' },
  'tm.col.row': { nb: 'Rad', en: 'Row' },
  'tm.col.column': { nb: 'Kolonne', en: 'Column' },
  'tm.col.message': { nb: 'Feil', en: 'Error' },
  'tm.col.model': { nb: 'Modell', en: 'Model' },
  'tm.col.scenario': { nb: 'Velg i scenario', en: 'Choose in a scenario' },
  'tm.col.by': { nb: 'Importert av', en: 'Imported by' },
  'tm.col.at': { nb: 'Tidspunkt', en: 'When' },
  'tm.col.pairs': { nb: 'Par', en: 'Pairs' },
  // Problems with an imported file (`import/travel-matrix-read.ts`, `travel-matrix-prepare.ts`), by code.
  'tm.problem.header': { nb: 'Overskriften må være {expected}, men er «{got}»', en: 'the header must be {expected}, got "{got}"' },
  'tm.problem.fields': { nb: 'ventet 3 felt, fant {got}', en: 'expected 3 fields, got {got}' },
  'tm.problem.unknownFrom': { nb: '«{value}» er ikke id-en til et etterspørselspunkt', en: '"{value}" is not a demand point id' },
  'tm.problem.unknownTo': { nb: '«{value}» er ikke id-en til et kandidatsted eller tjenestested', en: '"{value}" is not a site or station id' },
  'tm.problem.badMinutes': { nb: '«{value}» må være et antall minutter fra 0 til {max}, eller tomt for ingen rute', en: '"{value}" must be a number of minutes from 0 to {max}, or empty for no route' },
  'tm.problem.duplicatePair': { nb: 'paret {from} → {to} står to ganger', en: 'the pair {from} → {to} is given twice' },
  'tm.problem.notJson': { nb: 'ikke gyldig JSON: {detail}', en: 'not valid JSON: {detail}' },
  'tm.problem.notTable': {
    nb: 'ventet et svar fra OSRMs table-tjeneste (et JSON-objekt med «code» og «durations»), fant JSON-typen {found}',
    en: 'expected an OSRM table answer (a JSON object with "code" and "durations"), found the JSON type {found}',
  },
  'tm.problem.osrmCode': { nb: 'OSRM svarte med koden «{code}», ventet «Ok»', en: 'OSRM answered code "{code}", expected "Ok"' },
  'tm.problem.noDurations': { nb: 'mangler: be om tabellen med annotations=duration', en: 'missing: request the table with annotations=duration' },
  'tm.problem.rowCount': {
    nb: '{got} {got|rad|rader}, ventet {expected} (én per etterspørselspunkt, i rekkefølgen i points.csv)',
    en: '{got} {got|row|rows}, expected {expected} (one per demand point, in the order of points.csv)',
  },
  'tm.problem.rowShape': {
    nb: 'ventet en liste med {expected} reisetider (kandidatsteder og så tjenestesteder, i rekkefølgen i points.csv)',
    en: 'expected an array of {expected} durations (sites then stations, in the order of points.csv)',
  },
  'tm.problem.badSeconds': { nb: '«{value}» må være sekunder fra 0 til {max}, eller null', en: '"{value}" must be seconds from 0 to {max}, or null' },
  'tm.problem.listLength': { nb: '«{name}» har {got} {got|oppføring|oppføringer}, ventet {expected}', en: '"{name}" has {got} {got|entry|entries}, expected {expected}' },
  'tm.problem.snapped': {
    nb: 'lagt {km} km fra {id} av ruteren: er forespørselen i rekkefølgen i points.csv?',
    en: 'snapped {km} km from {id}: is the request in the order of points.csv?',
  },
  'tm.problem.noStationTime': { nb: 'etterspørselspunkt {id} har ingen reisetid til noe tjenestested', en: 'demand point {id} has no time to any station' },
  'tm.problem.siteNoTime': { nb: 'kandidatsted {id} har ingen reisetid fra noe etterspørselspunkt', en: 'site {id} has no time from any demand point' },
  'tm.problem.stationNoTime': { nb: 'tjenestested {id} har ingen reisetid fra noe etterspørselspunkt', en: 'station {id} has no time from any demand point' },
});
