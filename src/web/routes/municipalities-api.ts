import { z } from 'zod';
import { kommunenummerParam, parse } from '../validate';
import type { RequestHandler, Router } from 'express';
import type { Db } from '../../db/connection';
import { appRouter } from '../router';
import type { AppDeps } from '../app';
import { getMeta } from '../../db/load-dataset';
import { countMunicipalities, getCrimeRates, getMunicipality, listBoundaries, listMunicipalities, listStations } from '../../db/municipalities-repo';
import { NotFoundError } from '../../common/errors';

/** A map layer's name: lower-case letters. */
const layerParams = z.object({ name: z.string().regex(/^[a-z]+$/, 'v.format') });

/** The municipalities as a GeoJSON FeatureCollection (their boundaries, every indicator as properties). */
function municipalitiesGeoJson(db: Db): string {
  const boundaries = listBoundaries(db);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: listMunicipalities(db).map((m) => ({ type: 'Feature', id: m.kommunenummer, properties: m, geometry: boundaries.get(m.kommunenummer) })),
  });
}

/** The existing police stations as a GeoJSON FeatureCollection of points. */
function stationsGeoJson(db: Db) {
  return {
    type: 'FeatureCollection',
    features: listStations(db).map((s) => ({ type: 'Feature', id: s.id, properties: { ...s }, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } })),
  };
}

/** A municipality with its crime rates; a 404 naming the kommunenummer when unknown. */
function municipalityJson(db: Db): RequestHandler {
  return (req, res) => {
    const knr = kommunenummerParam(req.params.kommunenummer);
    const m = getMunicipality(db, knr);
    if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
    res.json({ ...m, crime: getCrimeRates(db, m.kommunenummer) });
  };
}

/** A stored map layer by its lower-case name. */
function layer(db: Db): RequestHandler {
  return (req, res) => {
    const { name } = parse(layerParams, req.params, 'params.');
    const text = getMeta(db, `layer:${name}`);
    if (!text) throw new NotFoundError({ key: 'err.noMapLayer', params: { name } });
    res.type('application/geo+json').send(text);
  };
}

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
    res.json({ ok: true, dataVintage: getMeta(db, 'data_vintage'), dataHash: getMeta(db, 'data_hash'), municipalities: countMunicipalities(db) });
  });
  router.get('/api/municipalities', (_req, res) => {
    res.type('application/json').send(cached('list', () => JSON.stringify(listMunicipalities(db))));
  });
  router.get('/api/municipalities.geojson', (_req, res) => {
    res.type('application/geo+json').send(cached('geojson', () => municipalitiesGeoJson(db)));
  });
  router.get('/api/municipalities/:kommunenummer', municipalityJson(db));
  router.get('/api/stations', (_req, res) => {
    res.type('application/geo+json').json(stationsGeoJson(db));
  });
  router.get('/api/layers/:name.geojson', layer(db));
  return router;
}
