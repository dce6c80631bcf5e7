import type { Migration } from './index';

/**
 * What the application says about a change, as a catalogue message (`note_said`: JSON `{ key, params }`),
 * so the change log reads in the reader's language. `note` keeps the user's own words (a correction's
 * reason, a coder's note); rows written before this step keep their English note and no message.
 */
export const auditNotes: Migration = {
  version: 9,
  name: 'audit-notes',
  up(db) {
    db.exec('ALTER TABLE audit_log ADD COLUMN note_said TEXT');
  },
};
