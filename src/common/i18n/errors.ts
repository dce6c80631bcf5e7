/**
 * Error messages of the API and the pages (the error family in `common/errors.ts` names these keys).
 * Bokmål and English side by side; keys `err.*`.
 */
import { area } from './area';

export const errorTexts = area({
  'err.noRoute': { nb: 'Fant ingen side for {method} {path}.', en: 'No page for {method} {path}.' },
  'err.invalidJson': { nb: 'Innholdet i forespørselen er ikke gyldig JSON.', en: 'The request body is not valid JSON.' },
  'err.charset': { nb: 'Tegnsettet «{charset}» støttes ikke; send UTF-8.', en: 'Character set "{charset}" is not supported; send UTF-8.' },
  'err.encoding': {
    nb: 'Innholdskodingen «{encoding}» støttes ikke; send innholdet ukomprimert eller som gzip.',
    en: 'Content encoding "{encoding}" is not supported; send the body uncompressed or as gzip.',
  },
  'err.tooLarge': { nb: 'Forespørselen er for stor (høyst {limit} byte).', en: 'The request is too large (at most {limit} bytes).' },
  'err.aborted': {
    nb: 'Forespørselen ble brutt før hele innholdet kom fram; send den på nytt.',
    en: 'The request was cut off before the whole body arrived; send it again.',
  },
  'err.bodyLength': { nb: 'Innholdet har en annen lengde enn Content-Length oppgir.', en: 'The body is not as long as its Content-Length says.' },
  'err.tooManyParams': { nb: 'Skjemaet har for mange felt.', en: 'The form has too many fields.' },
  'err.badPath': {
    nb: 'Adressen inneholder ugyldig prosentkoding (for eksempel «%E0%A4%A»).',
    en: 'The address contains malformed percent-encoding (such as "%E0%A4%A").',
  },
  'err.multipart': {
    nb: 'Opplastingen kan ikke leses ({detail}). Send filen som multipart/form-data i feltet «file».',
    en: 'The upload cannot be read ({detail}). Send the file as multipart/form-data in the field "file".',
  },
  'err.fileName': {
    nb: 'Filnavnet inneholder kontrolltegn; gi filen et vanlig navn og prøv igjen.',
    en: 'The file name contains control characters; give the file an ordinary name and try again.',
  },
  'err.rateLimited': {
    nb: 'For mange tunge beregninger fra denne kontoen på kort tid (høyst {limit} enheter per minutt). Prøv igjen om {seconds} s.',
    en: 'Too many heavy computations from this account in a short time (at most {limit} units per minute). Try again in {seconds} s.',
  },
  'err.busy': {
    nb: 'Serveren er opptatt med andre tunge beregninger. Prøv igjen om litt.',
    en: 'The server is busy with other heavy computations. Try again shortly.',
  },
  'err.notCandidate': {
    nb: 'Kommune {knr} er ikke kandidat på kortlisten «{shortlist}». Vurderinger gjelder kandidatene på en kortliste (se vurderingssiden for distriktet).',
    en: 'Municipality {knr} is not a candidate on shortlist "{shortlist}". Assessments are of the candidates on a shortlist (see the district\'s review page).',
  },
  'err.shortlistRequired': {
    nb: 'Oppgi kortlisten vurderingen gjelder (shortlistId); vurderinger gjelder kandidatene på en kortliste.',
    en: 'Name the shortlist the assessment is for (shortlistId); assessments are of the candidates on a shortlist.',
  },
  'err.shortlistMissing': { nb: 'Kortlisten «{shortlist}» finnes ikke.', en: 'Shortlist "{shortlist}" does not exist.' },
  'err.unauthenticated': { nb: 'Logg inn eller send et API-token (Authorization: Bearer …).', en: 'Sign in or send a bearer token (Authorization: Bearer …).' },
  'err.invalidToken': { nb: 'API-tokenet er ukjent eller trukket tilbake.', en: 'The bearer token is unknown or revoked.' },
  'err.forbidden.admin': { nb: 'Som administrator har du ikke tilgang til denne siden eller handlingen.', en: 'As an administrator you do not have access to this page or action.' },
  'err.forbidden.planner': { nb: 'Som planlegger har du ikke tilgang til denne siden eller handlingen; den er for administratorer.', en: 'As a planner you do not have access to this page or action; it is for administrators.' },
  'err.forbidden.district': {
    nb: 'Som distriktsleder har du ikke tilgang til denne siden eller handlingen. Du kan bare se og vurdere kandidatene i ditt eget politidistrikt; dem finner du under «Distriktsvurdering».',
    en: 'As a district leader you do not have access to this page or action. You can only see and assess the candidates in your own police district; they are under "District review".',
  },
  'err.forbidden.viewer': { nb: 'Med lesetilgang kan du se, men ikke endre; denne siden eller handlingen krever en annen rolle.', en: 'With read access you can look but not change; this page or action needs another role.' },
  'err.csrf': {
    nb: 'CSRF-token mangler eller er feil; last siden på nytt og prøv igjen.',
    en: 'Missing or invalid CSRF token; reload the page and try again.',
  },
  'err.districtOnly': {
    nb: 'Du er distriktsleder for {own} politidistrikt og kan bare se og vurdere det som hører til ditt eget distrikt. Dette hører til {other} politidistrikt.',
    en: 'You are the district leader for the {own} police district and can only see and assess what belongs to your own district. This belongs to the {other} police district.',
  },
  'err.userExists': { nb: 'Det finnes allerede en bruker med navnet «{name}».', en: 'A user named "{name}" already exists.' },
  'err.userDistrict': { nb: 'En bruker med rollen politidistrikt må ha et av disse politidistriktene: {list}.', en: 'A user with the police district role needs one of these police districts: {list}.' },
  'err.ownAdmin': { nb: 'Du kan ikke fjerne din egen administratorrolle eller deaktivere deg selv.', en: 'You cannot remove your own administrator role or disable yourself.' },
  'auth.pwShort': { nb: 'Passordet må ha minst {min} tegn.', en: 'The password must have at least {min} characters.' },
  'auth.pwLong': { nb: 'Passordet kan ha høyst 200 tegn.', en: 'The password may have at most 200 characters.' },
  'err.setupLink': { nb: 'Denne oppsettlenken er ukjent, allerede brukt eller utløpt. Be administratoren om en ny, eller logg inn.', en: 'This set-up link is unknown, already used or expired. Ask the administrator for a new one, or sign in.' },
  'err.uploadTooLarge': { nb: 'Filen er større enn grensen på {max} byte ({mb} MB).', en: 'The file is larger than the limit of {max} bytes ({mb} MB).' },
  'err.uploadBatchTooLarge': {
    nb: 'Opplastingen er {size} byte; høyst {max} byte ({mb} MB) kan sendes om gangen.',
    en: 'The upload is {size} bytes; at most {max} bytes ({mb} MB) can be sent at once.',
  },
  'err.robustnessSize': {
    nb: 'samples: høyst {most} utvalg for K = {k} over HTTP (utvalg × maks(1, K/20) ≤ {max}); bruk kommandolinjen (stedsvalg robustness) for større kjøringer.',
    en: 'samples: at most {most} samples for K = {k} over HTTP (samples × max(1, K/20) ≤ {max}); use the command line (stedsvalg robustness) for larger runs.',
  },
  'err.noLetter': { nb: 'Det finnes ikke noe brev med id {id}.', en: 'There is no letter with id {id}.' },
  'err.noUser': { nb: 'Det finnes ingen bruker med id {id}.', en: 'There is no user with id {id}.' },
  'err.noToken': { nb: 'Det finnes ingen aktiv API-nøkkel med id {id}.', en: 'There is no active API token with id {id}.' },
  'err.noProposal': { nb: 'Det finnes ikke noe forslag med id {id}.', en: 'There is no proposal with id {id}.' },
  'err.proposalNotStored': {
    nb: 'Robustheten beregnes bare for et lagret forslag, og dette forslaget (K = {k}) er ikke lagret. Be om forslaget på nytt (POST /api/proposals), så lagres det.',
    en: 'Robustness is run for a stored proposal only, and this proposal (K = {k}) is not stored. Ask for the proposal again (POST /api/proposals) and it is stored.',
  },
  'err.staleProposal': {
    nb: 'Forslaget {id} ble laget på andre data, svar eller vurderinger enn dagens og gjelder ikke lenger. Åpne scenariet på nytt for å få det gjeldende forslaget.',
    en: 'Proposal {id} was made on other data, answers or assessments than today\'s and no longer applies. Open the scenario again for its current proposal.',
  },
  'err.matrixMissing': { nb: 'Det finnes ingen importert reisetidsmatrise med id {id}.', en: 'There is no imported travel-time matrix with id {id}.' },
  'err.matrixImportBusy': {
    nb: 'En annen reisetidsmatrise importeres akkurat nå (det tar inntil et halvt minutt for en full tabell). Prøv igjen om {seconds} sekunder.',
    en: 'Another travel-time matrix is being imported right now (a full table takes up to half a minute). Try again in {seconds} seconds.',
  },
  'err.noMatrixFile': { nb: 'Ingen fil: send matrisen i multipart-feltet «file».', en: 'No file: send the matrix as multipart field "file".' },
  'err.qRequired': { nb: 'q mangler: ordene det skal søkes etter.', en: 'q is required: the words to search for.' },
  'err.qNoWord': { nb: 'q har ikke noe ord det kan søkes på: «{q}».', en: 'q has no searchable word: "{q}".' },
  'err.letterFileMissing': { nb: 'Originalfilen til brev {id} mangler.', en: 'The original file of letter {id} is missing.' },
  'err.noMapLayer': { nb: 'Det finnes ikke noe kartlag som heter {name}.', en: 'There is no map layer named {name}.' },
  'err.evidenceOffsets': {
    nb: '{field}: tegnposisjonene {start}–{end} ligger utenfor brevets tekst (lengde {length}).',
    en: "{field}: offsets {start}-{end} are outside the letter's text (length {length}).",
  },
  'err.codingInvalid': { nb: 'Det kodede svaret består ikke valideringen: {list}.', en: 'The coded answer does not pass validation: {list}.' },
  'err.noMatrix': { nb: 'travelModel: det finnes ingen importert reisetidsmatrise med id {id}.', en: 'travelModel: there is no imported travel-time matrix with id {id}.' },
  'err.matrixColumns': {
    nb: 'travelModel {ref}: matrisen mangler kolonne for {n} {n|sted eller tjenestested|steder eller tjenestesteder} i dagens data, f.eks. {examples}.',
    en: 'travelModel {ref}: the matrix has no column for {n} {n|site or station|sites or stations} of the current data, e.g. {examples}.',
  },
  'err.matrixRows': {
    nb: 'travelModel {ref}: matrisen mangler rad for {n} {n|etterspørselspunkt|etterspørselspunkter} i dagens data, f.eks. {examples}.',
    en: 'travelModel {ref}: the matrix has no row for {n} {n|demand point|demand points} of the current data, e.g. {examples}.',
  },
  'err.unboundDistrict': {
    nb: 'Distriktslederen {name} er ikke knyttet til noe kjent politidistrikt («{district}»).',
    en: 'District leader {name} is bound to no known police district ("{district}").',
  },
  'err.unknownMunicipality': { nb: 'kommunenummer: ukjent kommune {knr}.', en: 'kommunenummer: unknown municipality {knr}.' },
  'err.noMunicipalities': { nb: 'kommunenummer: oppgi minst én kommune.', en: 'kommunenummer: give at least one municipality.' },
  'err.notInDistrict': { nb: 'kommunenummer: {knr} ligger ikke i politidistriktet {district}.', en: 'kommunenummer: {knr} is not in police district {district}.' },
  'err.siteNotPlace': { nb: 'site: {site} er ikke et tettsted i {knr}.', en: 'site: {site} is not a populated place of {knr}.' },
  'err.noPremises': { nb: 'site: lokale {n} i {knr} finnes ikke eller har ikke koordinater.', en: 'site: premises {n} of {knr} does not exist or has no coordinates.' },
  'err.sampleLetterReal': { nb: 'Et eksempelbrev kan ikke kodes mens ekte svar er lastet inn.', en: 'A sample letter cannot be coded while real answers are loaded.' },
  'err.sameCoder': {
    nb: '{by} gjorde førstekodingen av brev {id}; andrekodingen må gjøres av en annen planlegger.',
    en: '{by} made the primary coding of letter {id}; the second coding must be by another planner.',
  },
  'err.noFile': { nb: 'Ingen fil: send svarfilen i multipart-feltet «file».', en: 'No file: send the answers file as multipart field "file".' },
  'err.dryRun': { nb: 'dryRun må være true eller false.', en: 'dryRun must be true or false.' },
  'err.noMunicipality': { nb: 'Ingen kommune har kommunenummer {knr}.', en: 'No municipality has kommunenummer {knr}.' },
  'err.noScenario': { nb: 'Det finnes ikke noe scenario med id {id}.', en: 'There is no scenario with id {id}.' },
  'err.noDistrict': { nb: 'Politidistriktet «{district}» finnes ikke.', en: 'Police district "{district}" does not exist.' },
  'err.unknownExport': { nb: 'Ukjent eksport «{file}»; formater: {formats}.', en: 'Unknown export "{file}"; formats: {formats}.' },
  'err.notOnShortlist': { nb: 'Kommune {knr} står ikke på kortlisten {shortlist}.', en: 'Municipality {knr} is not on shortlist {shortlist}.' },
  'err.noAnswer': { nb: 'Kommune {knr} ({name}) har ikke noe registrert svar.', en: 'Municipality {knr} ({name}) has no recorded answer.' },
});
