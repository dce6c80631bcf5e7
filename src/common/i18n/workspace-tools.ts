/**
 * The workspace's planning tools (issue 14): forced-in and forced-out municipalities, the blend's α,
 * undo/redo and the address, the eligibility notice, the printable map and the small-screen drawer.
 * Bokmål and English side by side; keys `ws.*` (sent to the workspace script with the rest).
 */
import { area } from './area';

export const workspaceToolTexts = area({
  'ws.alpha': { nb: 'Vekt på poengsum (α)', en: 'Weight on score (α)' },
  'ws.alphaHelp': {
    nb: 'α = 1: bare samlet poengsum teller; α = 0: bare nye innbyggere innen kjøretiden.',
    en: 'α = 1: only the total score counts; α = 0: only new residents within the drive time.',
  },
  'ws.forced': { nb: 'Tving inn eller ut', en: 'Force in or out' },
  'ws.forcedHelp': {
    nb: 'Kommuner som alltid skal være med i forslaget, eller aldri. Velg i listen eller i kommunens panel.',
    en: 'Municipalities that must always be in the proposal, or never. Pick in the list or in the municipality\'s panel.',
  },
  'ws.forcedPick': { nb: 'Kommune', en: 'Municipality' },
  'ws.include': { nb: 'Tving inn', en: 'Force in' },
  'ws.exclude': { nb: 'Hold utenfor', en: 'Keep out' },
  'ws.included': { nb: 'Tvunget inn', en: 'Forced in' },
  'ws.excluded': { nb: 'Holdt utenfor', en: 'Kept out' },
  'ws.noneForced': { nb: 'ingen', en: 'none' },
  'ws.removeForced': { nb: 'Fjern {name}', en: 'Remove {name}' },
  'ws.unknownMunicipality': { nb: 'Fant ingen kommune som heter «{name}».', en: 'No municipality is called “{name}”.' },
  'ws.undo': { nb: 'Angre', en: 'Undo' },
  'ws.redo': { nb: 'Gjør om', en: 'Redo' },
  'ws.leaveWarning': {
    nb: 'Scenariet har endringer som ikke er lagret.',
    en: 'The scenario has changes that are not saved.',
  },
  'ws.eligibleCount': {
    nb: '{n} av {total} kommuner er valgbare: bare kommuner som har svart ja til nytt tjenestested kan velges.',
    en: '{n} of {total} municipalities are eligible: only municipalities that answered yes to a new station can be chosen.',
  },
  'ws.ineligibleWhy': { nb: 'Ikke valgbare: {list}.', en: 'Not eligible: {list}.' },
  'ws.reasonCount': { nb: '{n} – {reason}', en: '{n} – {reason}' },
  'ws.tooFewEligible': {
    nb: 'Forslaget skal ha {k} {k|sted|steder}, men bare {n} {n|kommune er valgbar|kommuner er valgbare}. Svarene er kanskje bare delvis importert.',
    en: 'The proposal needs {k} {k|site|sites}, but only {n} {n|municipality is|municipalities are} eligible. The answers may be only partly imported.',
  },
  'ws.gateOff': { nb: 'Gjør alle kommuner valgbare (slå av kravet om ønske)', en: 'Make every municipality eligible (turn off the wish requirement)' },
  'ws.legend.ineligible': { nb: 'Ikke valgbar (stiplet, blek)', en: 'Not eligible (dashed, pale)' },
  'ws.print': { nb: 'Skriv ut kartet', en: 'Print the map' },
  'ws.printTitle': { nb: 'Kart fra Stedsvalg', en: 'Map from Stedsvalg' },
  'ws.printSources': {
    nb: 'Kilder: kommunegrenser © Kartverket (CC BY 4.0); folketall og kriminalitet SSB; tjenestesteder Politiet; reisetider TØI og egen land/sjø-modell.',
    en: 'Sources: municipal boundaries © Kartverket (CC BY 4.0); population and crime SSB; police locations Politiet; travel times TØI and the built-in land/sea model.',
  },
  'ws.printed': { nb: 'Skrevet ut', en: 'Printed' },
  'ws.drawerOpen': { nb: 'Vekter og regler', en: 'Weights and rules' },
  'ws.drawerClose': { nb: 'Lukk vekter og regler', en: 'Close weights and rules' },
  'ws.help': { nb: 'Hva betyr dette?', en: 'What does this mean?' },
  // The shortlist page's whole-list editing (one save for every row, bulk status).
  'sl.saveAll': { nb: 'Lagre alle endringer', en: 'Save all changes' },
  'sl.savedAll': { nb: 'Lagret: {n} {n|kandidat|kandidater} endret.', en: 'Saved: {n} {n|candidate|candidates} changed.' },
  'sl.unsaved': { nb: 'Endringer som ikke er lagret', en: 'Unsaved changes' },
  'sl.unsavedLeave': { nb: 'Kortlisten har endringer som ikke er lagret.', en: 'The shortlist has unsaved changes.' },
  'sl.bulkLabel': { nb: 'Status for valgte', en: 'Status for ticked rows' },
  'sl.bulkApply': { nb: 'Sett og lagre', en: 'Set and save' },
  'sl.pick': { nb: 'Velg', en: 'Pick' },
  'sl.pickAll': { nb: 'Velg alle', en: 'Pick all' },
});
