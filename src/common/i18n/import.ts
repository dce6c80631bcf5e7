/**
 * The answers import: the form, the report and every import problem.
 * Bokmål and English side by side; keys `import.*`.
 */
import { area } from './area';

export const importTexts = area({
  'import.col.importedAt': { nb: 'Importert', en: 'Imported' },
  'import.unreadable.empty': { nb: 'filen er tom', en: 'the file is empty' },
  'import.unreadable.binary': { nb: 'filen er verken tekst (CSV) eller en XLSX-arbeidsbok', en: 'the file is neither text (CSV) nor an XLSX workbook' },
  'import.unreadable.csv': { nb: 'CSV-filen kan ikke tolkes (leseren sier: {detail})', en: 'the CSV file cannot be parsed (the reader says: {detail})' },
  'import.unreadable.xlsx': { nb: 'XLSX-filen kan ikke åpnes (leseren sier: {detail})', en: 'the XLSX file cannot be opened (the reader says: {detail})' },
  'import.title': { nb: 'Importer svar fra kommunene', en: 'Import the municipal answers' },
  'import.intro': {
    nb: 'Last opp svarfilen (CSV eller XLSX, én rad per kommune). En prøvekjøring viser hva som ville endres uten å lagre noe. En ekte import er alt eller ingenting: finnes det én feil, lagres ingenting. Tidligere versjoner av svarene beholdes i historikken.',
    en: 'Upload the answers file (CSV or XLSX, one row per municipality). A dry run shows what would change without saving anything. A real import is all or nothing: if there is a single error, nothing is saved. Earlier versions of the answers are kept in the history.',
  },
  'import.file': { nb: 'Fil (CSV eller XLSX)', en: 'File (CSV or XLSX)' },
  'import.dryRun': { nb: 'Prøvekjøring (lagre ingenting)', en: 'Dry run (save nothing)' },
  'import.by': { nb: 'Importert av', en: 'Imported by' },
  'import.as': { nb: 'Importeres som', en: 'Importing as' },
  'import.readOnly': {
    nb: 'Bare planleggere og administratorer kan importere svar eller laste inn eksempelsvar. Du kan lese svarene under «Svar fra kommunene».',
    en: 'Only planners and administrators can import answers or load sample answers. You can read the answers under “Municipal answers”.',
  },
  'import.submit': { nb: 'Importer', en: 'Import' },
  'import.limits': {
    nb: 'Grenser: høyst 5 MB og 2 000 rader per fil, høyst 3 lokaler per rad.',
    en: 'Limits: at most 5 MB and 2,000 rows per file, at most 3 premises per row.',
  },
  'import.templates': { nb: 'Maler', en: 'Templates' },
  'import.templatesIntro': {
    nb: 'Malene har de nøyaktige kolonnenavnene. XLSX-malen har et eget ark «Gyldige verdier». Excel sine semikolondelte CSV-filer (Windows-1252 eller UTF-8) godtas.',
    en: 'The templates have the exact column names. The XLSX template has a sheet "Gyldige verdier" (allowed values). Excel’s semicolon-separated CSV files (Windows-1252 or UTF-8) are accepted.',
  },
  'import.templateCsv': { nb: 'Mal (CSV)', en: 'Template (CSV)' },
  'import.templateXlsx': { nb: 'Mal (XLSX)', en: 'Template (XLSX)' },
  'import.sample.title': { nb: 'Eksempelsvar', en: 'Sample answers' },
  'import.sample.intro': {
    nb: 'Last inn illustrative svar for alle 357 kommunene for å prøve verktøyet. De merkes tydelig som eksempeldata på hver side, og en ekte import erstatter dem.',
    en: 'Load illustrative answers for all 357 municipalities to try the tool. Every page marks them clearly as sample data, and a real import replaces them.',
  },
  'import.sample.button': { nb: 'Last inn eksempelsvar', en: 'Load sample answers' },
  'import.sample.loaded': { nb: 'Eksempelsvarene er lastet inn.', en: 'The sample answers are loaded.' },
  'import.sample.conflict': {
    nb: 'Det finnes ekte svar i databasen; eksempelsvar lastes ikke inn over dem.',
    en: 'Real answers are loaded; sample answers are not loaded over them.',
  },
  'import.report.title': { nb: 'Resultat', en: 'Result' },
  'import.status.dry-run': { nb: 'Prøvekjøring: ingenting er lagret.', en: 'Dry run: nothing was saved.' },
  'import.status.applied': { nb: 'Importen er lagret.', en: 'The import is saved.' },
  'import.status.rejected': { nb: 'Importen er avvist: ingenting er lagret.', en: 'The import is rejected: nothing was saved.' },
  'import.count.rows': { nb: 'Rader', en: 'Rows' },
  'import.count.new': { nb: 'Nye', en: 'New' },
  'import.count.updated': { nb: 'Endret', en: 'Updated' },
  'import.count.unchanged': { nb: 'Uendret', en: 'Unchanged' },
  'import.count.rejected': { nb: 'Avvist', en: 'Rejected' },
  'import.count.warnings': { nb: 'Advarsler', en: 'Warnings' },
  'import.count.samplesReplaced': { nb: 'Eksempelsvar erstattet', en: 'Sample answers replaced' },
  'import.problems': { nb: 'Problemer', en: 'Problems' },
  'import.col.severity': { nb: 'Type', en: 'Type' },
  'import.col.row': { nb: 'Rad', en: 'Row' },
  'import.col.column': { nb: 'Kolonne', en: 'Column' },
  'import.col.field': { nb: 'Felt', en: 'Field' },
  'import.col.message': { nb: 'Melding', en: 'Message' },
  'import.severity.error': { nb: 'Feil', en: 'Error' },
  'import.severity.warning': { nb: 'Advarsel', en: 'Warning' },
  'import.rows': { nb: 'Rader og utfall', en: 'Rows and outcomes' },
  'import.col.kommune': { nb: 'Kommune', en: 'Municipality' },
  'import.col.outcome': { nb: 'Utfall', en: 'Outcome' },
  'import.col.changes': { nb: 'Endrede felt', en: 'Changed fields' },
  'import.outcome.new': { nb: 'Ny', en: 'New' },
  'import.outcome.updated': { nb: 'Endret', en: 'Updated' },
  'import.outcome.unchanged': { nb: 'Uendret', en: 'Unchanged' },
  'import.outcome.rejected': { nb: 'Avvist', en: 'Rejected' },
  'import.tooLarge': { nb: 'Filen er for stor: største tillatte størrelse er 5 MB.', en: 'The file is too large: the largest accepted size is 5 MB.' },
  'import.noFile': { nb: 'Velg en fil å importere.', en: 'Choose a file to import.' },
  'import.recent': { nb: 'Siste importer', en: 'Recent imports' },
  'import.statusLine': { nb: 'Lastet inn nå: {count} svar', en: 'Loaded now: {count} {count|answer|answers}' },
  'import.statusSample': { nb: '(eksempeldata)', en: '(sample data)' },
  'import.problem.file_unreadable': { nb: 'Filen kan ikke leses: {detail}', en: 'The file cannot be read: {detail}' },
  'import.problem.file_too_large': {
    nb: 'Filen er for stor ({bytes} byte); største tillatte størrelse er {max} byte (5 MB).',
    en: 'The file is too large ({bytes} bytes); the largest accepted size is {max} bytes (5 MB).',
  },
  'import.problem.no_rows': { nb: 'Filen har ingen rader med svar under overskriftsraden.', en: 'The file has no answer rows below the header row.' },
  'import.problem.too_many_rows': { nb: 'Filen har {count} rader; høyst {max} er tillatt.', en: 'The file has {count} rows; at most {max} are accepted.' },
  'import.problem.missing_column': {
    nb: 'Kolonnen {column} mangler i overskriftsraden (bruk malen).',
    en: 'Column {column} is missing from the header row (use the template).',
  },
  'import.problem.duplicate_column': { nb: 'Kolonnen {value} står mer enn én gang.', en: 'Column {value} appears more than once.' },
  'import.problem.unknown_column': { nb: 'Kolonnen {value} er ukjent og blir ikke lest.', en: 'Column {value} is unknown and is not read.' },
  'import.problem.missing_kommune': {
    nb: 'Raden mangler både kommunenummer og kommunenavn.',
    en: 'The row has neither a kommunenummer nor a municipality name.',
  },
  'import.problem.malformed_kommunenummer': { nb: 'Kommunenummer «{value}» har ikke fire sifre.', en: 'Kommunenummer "{value}" is not four digits.' },
  'import.problem.kommunenummer_padded': {
    nb: 'Kommunenummer {value} er lest som {fixed} (Excel fjerner ledende null).',
    en: 'Kommunenummer {value} was read as {fixed} (Excel drops the leading zero).',
  },
  'import.problem.unknown_kommunenummer': {
    nb: 'Ukjent kommunenummer {value}: ikke blant de 357 kommunene (inndelingen fra 2024).',
    en: 'Unknown kommunenummer {value}: not one of the 357 municipalities (2024 structure).',
  },
  'import.problem.unknown_name': { nb: 'Ukjent kommunenavn «{value}».', en: 'Unknown municipality name "{value}".' },
  'import.problem.ambiguous_name': {
    nb: 'Kommunenavnet «{value}» er tvetydig ({candidates}); oppgi kommunenummer.',
    en: 'The municipality name "{value}" is ambiguous ({candidates}); give the kommunenummer.',
  },
  'import.problem.name_mismatch': {
    nb: 'Kommunenavn «{value}» passer ikke med kommunenummer {kommunenummer} ({expected}).',
    en: 'Municipality name "{value}" does not match kommunenummer {kommunenummer} ({expected}).',
  },
  'import.problem.duplicate_kommune': { nb: 'Kommune {value} står allerede i rad {first}.', en: 'Municipality {value} already appears in row {first}.' },
  'import.problem.invalid_value': {
    nb: 'Ugyldig verdi «{value}» i {column}; tillatte verdier: {allowed}.',
    en: 'Invalid value "{value}" in {column}; allowed values: {allowed}.',
  },
  'import.problem.invalid_date': {
    nb: 'Ugyldig dato «{value}» i {column}; bruk dd.mm.åååå eller åååå-mm-dd.',
    en: 'Invalid date "{value}" in {column}; use dd.mm.yyyy or yyyy-mm-dd.',
  },
  'import.problem.invalid_number': { nb: 'Ugyldig tall «{value}» i {column}.', en: 'Invalid number "{value}" in {column}.' },
  'import.problem.negative_number': { nb: 'Tallet {value} i {column} kan ikke være negativt.', en: 'The number {value} in {column} cannot be negative.' },
  'import.problem.text_too_long': { nb: 'Teksten i {column} er lengre enn {max} tegn.', en: 'The text in {column} is longer than {max} characters.' },
  'import.problem.premises_address_missing': {
    nb: 'Lokale {n} mangler adresse ({column}), men andre lokale{n}-kolonner er fylt ut.',
    en: 'Premises {n} has no address ({column}) although other lokale{n} columns are filled in.',
  },
  'import.problem.coordinate_missing': {
    nb: 'Lokale {n}: fyll ut både breddegrad og lengdegrad ({column} mangler).',
    en: 'Premises {n}: give both latitude and longitude ({column} is missing).',
  },
  'import.problem.coordinates_swapped': {
    nb: 'Koordinatene (bredde {lat}, lengde {lon}) ligger utenfor Norge; er breddegrad og lengdegrad byttet om?',
    en: 'The coordinates (lat {lat}, lon {lon}) lie outside Norway; are latitude and longitude swapped?',
  },
  'import.problem.outside_norway': {
    nb: 'Koordinatene (bredde {lat}, lengde {lon}) ligger utenfor Norge.',
    en: 'The coordinates (lat {lat}, lon {lon}) lie outside Norway.',
  },
  'import.problem.outside_municipality': {
    nb: 'Lokalet ligger {distance} km utenfor kommunegrensen (toleranse {tolerance} km); kontroller koordinatene.',
    en: 'The premises lie {distance} km outside the municipal boundary (tolerance {tolerance} km); check the coordinates.',
  },
  'import.problem.premises_without_wish': {
    nb: 'Lokaler er tilbudt, men sp5_onsker_tjenestested er ikke «ja».',
    en: 'Premises are offered, but sp5_onsker_tjenestested is not "ja".',
  },
  'import.problem.row_width': {
    nb: 'Raden har {count} {count|celle|celler}, men overskriftsraden har {expected}; en kortere eller lengre rad ville tømt eller mistet felt. Rett raden (har et skilletegn eller anførselstegn falt ut?).',
    en: 'The row has {count} {count|cell|cells} but the header row has {expected}; a shorter or longer row would blank or lose fields. Fix the row (is a delimiter or a quote missing?).',
  },
  'import.problem.cells_beyond_header': {
    nb: 'Raden har verdier til høyre for siste kolonne i overskriftsraden (kolonne {column}); de ville blitt borte.',
    en: 'The row has values to the right of the header row\'s last column (column {column}); they would be lost.',
  },
  'import.problem.mixed_encoding': {
    nb: 'Filen er UTF-8, men rad {rows} har tegn i en annen koding (trolig Windows-1252). Lagre hele filen som UTF-8 (eller hele som Windows-1252) og importer på nytt.',
    en: 'The file is UTF-8 but row {rows} has characters in another encoding (probably Windows-1252). Save the whole file as UTF-8 (or all of it as Windows-1252) and import again.',
  },
  'import.problem.mojibake': {
    nb: 'Teksten «{value}» i {column} ser feilkodet ut (UTF-8 lest som Windows-1252, for eksempel «Ã¥» for «å»). Rett teksten eller lagre filen på nytt som UTF-8.',
    en: 'The text "{value}" in {column} looks garbled (UTF-8 read as Windows-1252, e.g. "Ã¥" for "å"). Correct the text or save the file again as UTF-8.',
  },
  'import.problem.sheet_range': {
    nb: 'Arket «{sheet}» oppgir celler ut til {range} ({rows} rader, {columns} kolonner); høyst {maxRows} rader og {maxColumns} kolonner leses. Slett ubrukte rader og kolonner under og til høyre for svarene og lagre på nytt.',
    en: 'Sheet "{sheet}" declares cells out to {range} ({rows} rows, {columns} columns); at most {maxRows} rows and {maxColumns} columns are read. Delete unused rows and columns below and to the right of the answers and save again.',
  },
  'import.problem.sheet_rows_beyond': {
    nb: 'Arket «{sheet}» har rader helt ned til rad {row}; høyst {maxRows} rader leses. Slett ubrukte rader under svarene og lagre på nytt.',
    en: 'Sheet "{sheet}" has rows down to row {row}; at most {maxRows} rows are read. Delete unused rows below the answers and save again.',
  },
  'import.problem.workbook_too_large': {
    nb: 'Arbeidsboken pakker ut til mer enn {max} MB ({part}); et svarark er langt mindre. Er filen riktig?',
    en: 'The workbook unpacks to more than {max} MB ({part}); an answers sheet is far smaller. Is this the right file?',
  },
});
