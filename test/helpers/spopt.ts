/**
 * PySAL spopt's San Francisco test data (test/fixtures/spopt-sf, BSD 3-Clause, © PySAL developers):
 * network distances from 16 candidate stores to 205 census tracts with each tract's 2000 population.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The spopt distance file. */
export const SF_DISTANCES = join(__dirname, '..', 'fixtures', 'spopt-sf', 'SF_network_distance_candidateStore_16_censusTract_205_new.csv');

/** The rows of the spopt file: [distance, store, tract, POP2000]. */
export function sfRows(): string[][] {
  return readFileSync(SF_DISTANCES, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

/** The spopt file as `locate`'s three input files (demand, sites, distances) in a new temporary folder. */
export function sfLocateFiles(): { demand: string; sites: string; distances: string } {
  const rows = sfRows();
  const dir = mkdtempSync(join(tmpdir(), 'stedsvalg-sf-'));
  const weights = new Map(rows.map((r) => [r[2], r[3]]));
  const stores = [...new Set(rows.map((r) => r[1]))];
  const files = { demand: join(dir, 'demand.csv'), sites: join(dir, 'sites.csv'), distances: join(dir, 'distances.csv') };
  writeFileSync(files.demand, ['id,weight,lon,lat', ...[...weights].map(([id, w]) => `${id},${w},,`)].join('\n'));
  writeFileSync(files.sites, ['id,lon,lat,fixed', ...stores.map((s) => `${s},,,0`)].join('\n'));
  writeFileSync(files.distances, ['demand_id,site_id,distance', ...rows.map((r) => `${r[2]},${r[1]},${r[0]}`)].join('\n'));
  return files;
}
