/**
 * GeoJSON export (RFC 7946) of a report's candidates: a FeatureCollection of Points at the chosen
 * sites, `[longitude, latitude]` in WGS 84, no `crs` member, flat properties (every column of the
 * report, so QGIS shows them as attribute fields). Report metadata (title, notice, input hash,
 * parameters, attribution and sources, the travel-time model) are foreign members of the collection (RFC 7946
 * §6.1); the sample notice, the attribution line and the travel-time model are also properties of every feature,
 * because QGIS does not show foreign members.
 */
import type { ReportModel } from './report-model';

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | boolean | null>;
}

export interface ReportFeatureCollection {
  type: 'FeatureCollection';
  name: string;
  notice: string | null;
  generatedAt: string;
  inputHash: string;
  scenario: unknown;
  attribution: string;
  sources: ReportModel['sources'];
  travelModel: string;
  features: PointFeature[];
}

/** The FeatureCollection of a report's candidates. */
export function reportGeoJson(model: ReportModel): ReportFeatureCollection {
  const columns = [...model.columns.core, ...model.columns.criteria, ...model.columns.indicators];
  return {
    type: 'FeatureCollection',
    name: model.title,
    notice: model.notice,
    generatedAt: model.generatedAt,
    inputHash: model.inputHash,
    scenario: model.params,
    attribution: model.attribution,
    sources: model.sources,
    travelModel: model.travelModel,
    features: model.candidates.map((c) => {
      const properties: PointFeature['properties'] = {};
      for (const col of columns) properties[col.key] = c.record[col.key] ?? null;
      if (model.notice) properties.notice = model.notice;
      properties.travelModel = model.travelModel;
      properties.attribution = model.attribution;
      return { type: 'Feature', id: c.kommunenummer, geometry: { type: 'Point', coordinates: [c.site.lon, c.site.lat] }, properties };
    }),
  };
}
