import { parseArgs } from '../args';
import { openCliDatabase } from '../db-context';
import type { CommandFn } from '../types';
import { getMeta } from '../../db/load-dataset';

export const usage = 'usage: stedsvalg info [--db PATH] [--json]\n  counts, data vintage and schema version of the database';

/** `stedsvalg info [--db PATH] [--json]`: counts and data vintage of the database. */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json']);
  const db = openCliDatabase(parsed);
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const info = {
      dataVintage: getMeta(db, 'data_vintage'),
      dataHash: getMeta(db, 'data_hash'),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      municipalities: n('SELECT count(*) AS n FROM municipalities'),
      population: n('SELECT sum(population) AS n FROM municipalities'),
      policeDistricts: n('SELECT count(DISTINCT police_district) AS n FROM municipalities'),
      stations: n('SELECT count(*) AS n FROM stations'),
      demandPoints: n('SELECT count(*) AS n FROM demand_points'),
    };
    if (parsed.flags.json) io.stdout(JSON.stringify(info, null, 2) + '\n');
    else
      io.stdout(
        Object.entries(info)
          .map(([k, v]) => `${k.padEnd(16)} ${v}`)
          .join('\n') + '\n',
      );
    return 0;
  } finally {
    db.close();
  }
};
