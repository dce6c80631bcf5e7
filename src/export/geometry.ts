/** Loads the map geometry of the PDF report from the database (the shell side of `pdf-map.ts`). */
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import { listBoundaries, listStations } from '../db/municipalities-repo';
import type { AreaGeometry } from './pdf-map';
import type { ReportGeometry } from './pdf';

let cache: { db: Db; hash: string | null; geometry: ReportGeometry } | null = null;

/** Municipal polygons, police district polygons and existing stations (cached per data hash). */
export function loadReportGeometry(db: Db): ReportGeometry {
  const hash = getMeta(db, 'data_hash');
  if (cache && cache.db === db && cache.hash === hash) return cache.geometry;
  const districtsText = getMeta(db, 'layer:politidistrikter');
  const districts = districtsText ? (JSON.parse(districtsText) as { features: { geometry: AreaGeometry }[] }).features.map((f) => f.geometry) : [];
  const geometry: ReportGeometry = {
    municipalities: [...listBoundaries(db).values()] as AreaGeometry[],
    districts,
    stations: listStations(db).map((s) => ({ lon: s.lon, lat: s.lat })),
  };
  cache = { db, hash, geometry };
  return geometry;
}
