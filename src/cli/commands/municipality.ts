import { kommunenummerField } from '../../common/fields';
import { describeZodError } from '../../common/errors';
import { parseArgs } from '../args';
import { openCliDatabase } from '../db-context';
import { CliUsageError, type CommandFn } from '../types';
import { getCrimeRates, getMunicipality } from '../../db/municipalities-repo';

export const usage = 'usage: stedsvalg municipality <kommunenummer> [--db PATH] [--json]\n  one municipality\'s figures and crime series';

/** `stedsvalg municipality <kommunenummer> [--db PATH] [--json]`: one municipality's figures. */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json']);
  if (!parsed.positionals[0]) throw new CliUsageError('usage: stedsvalg municipality <kommunenummer>');
  const given = kommunenummerField.safeParse(parsed.positionals[0]);
  if (!given.success) throw new CliUsageError(describeZodError(given.error, 'kommunenummer: '));
  const knr = given.data;
  const db = openCliDatabase(parsed);
  try {
    const m = getMunicipality(db, knr);
    if (!m) {
      io.stderr(`stedsvalg: no municipality with kommunenummer ${knr}\n`);
      return 1;
    }
    if (parsed.flags.json) {
      io.stdout(JSON.stringify({ ...m, crime: getCrimeRates(db, knr) }, null, 2) + '\n');
    } else {
      const rows: [string, unknown][] = [
        ['kommunenummer', m.kommunenummer], ['name', m.name], ['county', m.county], ['policeDistrict', m.policeDistrict],
        ['population', m.population], ['areaKm2', m.areaKm2], ['crimePer1000', m.crimePer1000], ['violencePer1000', m.violencePer1000],
        ['crimeTrendPer1000', m.crimeTrendPer1000], ['driveMinMean', m.driveMinMean], ['residentsBeyond45', m.residentsBeyond45],
        ['nearestStationId', m.nearestStationId], ['nearestStationMin', m.nearestStationMin],
      ];
      io.stdout(rows.map(([k, v]) => `${k.padEnd(18)} ${v ?? 'missing'}`).join('\n') + '\n');
    }
    return 0;
  } finally {
    db.close();
  }
};
