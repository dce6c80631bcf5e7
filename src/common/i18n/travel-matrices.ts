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
});
