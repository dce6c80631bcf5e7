import fs from 'node:fs';
import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { CliUsageError, type CommandFn } from '../types';
import { buildReportModel, EXPORT_FORMATS, loadReportGeometry, loadScenarioReport, loadShortlistReport, renderExport, type ExportFormat } from '../../export';
import { defaultScenarioParams } from '../../model/scenario';
import { parseLocale } from '../../common/i18n';

export const usage = 'usage: stedsvalg export (--shortlist ID | --scenario ID | --current) --format csv|xlsx|geojson|pdf --out FILE [--lang nb|en] [--db PATH]';

/**
 * `stedsvalg export`: writes a shortlist's (or a scenario's) report in one format. `--scenario ID`
 * runs a saved scenario now; `--current` runs the default scenario. The timestamp is the clock's.
 */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['current', 'help']);
  if (parsed.flags.help) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  const format = stringFlag(parsed, 'format', true) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
  const out = stringFlag(parsed, 'out', true);
  const shortlist = stringFlag(parsed, 'shortlist');
  const scenario = stringFlag(parsed, 'scenario');
  if ([shortlist, scenario, parsed.flags.current].filter(Boolean).length !== 1) {
    throw new CliUsageError(`give exactly one of --shortlist ID, --scenario ID or --current\n${usage}`);
  }
  const lang = stringFlag(parsed, 'lang');
  if (lang !== undefined && lang !== 'nb' && lang !== 'en') throw new CliUsageError(`--lang must be nb or en, got "${lang}"`);
  const db = openCliDatabase(parsed);
  try {
    const now = new Date();
    const iso = now.toISOString();
    const started = Date.now();
    const inputs = shortlist
      ? await loadShortlistReport(db, shortlist, iso)
      : await loadScenarioReport(db, defaultScenarioParams, iso, { scenarioId: scenario ?? null });
    const model = buildReportModel(inputs, { locale: parseLocale(lang), now: iso });
    const rendered = await renderExport(model, format, () => loadReportGeometry(db), now);
    fs.writeFileSync(out, rendered.body);
    io.stdout(`wrote ${out} (${format}, ${rendered.body.length} bytes, ${model.candidates.length} candidates, ${Date.now() - started} ms)${model.notice ? ` - ${model.notice}` : ''}\n`);
    return 0;
  } finally {
    db.close();
  }
};
