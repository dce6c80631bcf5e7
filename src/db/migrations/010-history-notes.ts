import type { Migration } from './index';

/**
 * What the application says about a new version of an answer (a letter's coding with the sentences it rests
 * on), as a catalogue message (`note_said`: JSON `{ key, params }`), so the answer's history reads in the
 * reader's language; `note` keeps the user's own words. Older rows keep their note as written.
 */
export const historyNotes: Migration = {
  version: 10,
  name: 'history-notes',
  up(db) {
    db.exec('ALTER TABLE response_history ADD COLUMN note_said TEXT');
  },
};
