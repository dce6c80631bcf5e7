import { kommunenummerParam } from '../validate';
import type { Router } from 'express';
import { appRouter } from '../router';
import type { AppDeps } from '../app';
import { getMeta } from '../../db/load-dataset';
import { getCrimeRates, getMunicipality, listBoundaries, listMunicipalities, listStations } from '../../db/municipalities-repo';
import { ValidationError, NotFoundError } from '../../common/errors';


/**
 * Read-only reference data: health, municipalities (JSON and GeoJSON), stations, map layers.
 * Responses are computed once per data load (they only change when the data hash changes).
 */
export function municipalitiesApi({ db }: AppDeps): Router {
  const router = appRouter();
  let cache: { hash: string | null; geojson?: string; list?: string } = { hash: null };
  const cached = (key: 'geojson' | 'list', build: () => string): string => {
    const hash = getMeta(db, 'data_hash');
    if (cache.hash !== hash) cache = { hash };
    return (cache[key] ??= build());
  };

  router.get('/healthz', (_req, res) => {
    const row = db.prepare('SELECT count(*) AS n FROM municipalities').get() as { n: number };
    res.json({ ok: true, dataVintage: getMeta(db, 'data_vintage'), dataHash: getMeta(db, 'data_hash'), municipalities: row.n });
  });

  router.get('/api/municipalities', (_req, res) => {
    res.type('application/json').send(cached('list', () => JSON.stringify(listMunicipalities(db))));
  });

  router.get('/api/municipalities.geojson', (_req, res) => {
    const body = cached('geojson', () => {
      const boundaries = listBoundaries(db);
      return JSON.stringify({
        type: 'FeatureCollection',
        features: listMunicipalities(db).map((m) => ({
          type: 'Feature',
          id: m.kommunenummer,
          properties: m,
          geometry: boundaries.get(m.kommunenummer),
        })),
      });
    });
    res.type('application/geo+json').send(body);
  });

  router.get('/api/municipalities/:kommunenummer', (req, res) => {
    const knr = kommunenummerParam(req.params.kommunenummer);
    const m = getMunicipality(db, knr);
    if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
    res.json({ ...m, crime: getCrimeRates(db, m.kommunenummer) });
  });

  router.get('/api/stations', (_req, res) => {
    res.type('application/geo+json').json({
      type: 'FeatureCollection',
      features: listStations(db).map((s) => ({
        type: 'Feature',
        id: s.id,
        properties: { ...s },
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      })),
    });
  });

  router.get('/api/layers/:name.geojson', (req, res) => {
    const name = String(req.params.name);
    if (!/^[a-z]+$/.test(name)) throw new ValidationError(`layer name must be lower-case letters, got "${name}"`);
    const text = getMeta(db, `layer:${name}`);
    if (!text) throw new NotFoundError(`no map layer named ${name}`);
    res.type('application/geo+json').send(text);
  });

  return router;
}
