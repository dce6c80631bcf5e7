import fs from 'node:fs';
import { memoryDb } from './helpers/app';
import { loadTestAnswers } from './shortlist/helpers';
import { recordAssessment } from '../src/db/assessments-repo';
import { scenarioParamsSchema } from '../src/model/scenario';
import { createShortlist } from '../src/shortlist/service';
import { buildReportModel, loadReportGeometry, loadShortlistReport, reportPdf } from '../src/export';
(async () => {
  const db = memoryDb();
  loadTestAnswers(db, { sample: true });
  const sl = await createShortlist(db, { name: 'Tjue steder våren 2022', source: { kind: 'params', params: scenarioParamsSchema.parse({ k: 20 }) }, by: 'Åse Øvergård', now: '2024-06-01T12:00:00Z' });
  for (const c of sl.candidates.slice(0, 5)) recordAssessment(db, { shortlistId: sl.id, kommunenummer: c.kommunenummer, policeDistrict: c.policeDistrict, advice: 'supports', reason: 'Lang vei til nærmeste tjenestested. '.repeat(8), assessor: 'Politimester Ås', now: '2024-06-02T08:00:00Z' });
  for (const locale of ['nb', 'en'] as const) {
    const model = buildReportModel(await loadShortlistReport(db, sl.id, new Date().toISOString()), { locale, now: new Date().toISOString() });
    fs.writeFileSync(`/tmp/memo-${locale}.pdf`, await reportPdf(model, loadReportGeometry(db), { now: new Date() }));
  }
})();
