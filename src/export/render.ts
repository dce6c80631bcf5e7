/** One entry point for all formats: model in, bytes + content type + file name out. */
import { reportCsv } from './csv';
import { reportGeoJson } from './geojson';
import { reportPdf, type ReportGeometry } from './pdf';
import type { ReportModel } from './report-model';
import { reportXlsx } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
  pdf: 'application/pdf',
};

/** A file-name-safe ASCII slug. */
export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[æÆ]/g, 'ae').replace(/[øØ]/g, 'o').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'export';
}

/**
 * Renders a report model in one format.
 * @param geometry needed for `pdf` only
 */
export async function renderExport(model: ReportModel, format: ExportFormat, geometry: () => ReportGeometry, now: Date): Promise<RenderedExport> {
  const base = `stedsvalg-${model.shortlistId ?? 'scenario'}-${model.locale}`;
  let body: Buffer;
  if (format === 'csv') body = Buffer.from(reportCsv(model), 'utf8');
  else if (format === 'xlsx') body = await reportXlsx(model);
  else if (format === 'geojson') body = Buffer.from(JSON.stringify(reportGeoJson(model), null, 1), 'utf8');
  else body = await reportPdf(model, geometry(), { now });
  return { body, contentType: CONTENT_TYPES[format], fileName: `${slug(base)}.${format}` };
}

/**
 * The file name of an export: what it is (the shortlist's or scenario's name, as a slug), the day it
 * was made in Norwegian time, and the format, e.g. `kortliste-nord-2024-05-02.pdf`; a download
 * folder then sorts and tells exports apart without opening them.
 */
export function exportFileName(name: string, format: ExportFormat, now: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `${slug(name)}-${day}.${format}`;
}
