import { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { listScenarios } from '../../../db/scenarios-repo';
import { CRITERIA } from '../../../engine';
import { criterionLabel } from '../../../model/criteria-texts';
import { compareOutcomes } from '../../../planning/compare';
import { describeTravelModel, travelModelLabel } from '../../../planning/travel-models';
import { rankScenario } from '../../../planning/service';
import { type Locale } from '../../../common/i18n';
import { planningViewOf } from '../../actor';
import { formatDateTime } from '../../../common/i18n';
import { NotFoundError } from '../../../common/errors';
import { PROFILE_INDICATORS, scenarioId, compareMunicipalitiesQuery, parse, mustGetScenario, outcomeOf, paramsForPage, bestIndex, ruleRows } from './common';

/** `GET /compare?a=…&b=…`: two saved scenarios side by side, or why there is nothing to compare. */
function compareScenariosPage(db: Db): RequestHandler {
  return async (req, res) => {
    const locale = res.locals.locale as Locale;
    const all = listScenarios(db);
    const q = parse(z.object({ a: scenarioId.optional(), b: scenarioId.optional() }), { a: req.query.a || undefined, b: req.query.b || undefined });
    let view: Record<string, unknown> = { comparison: null, sameScenario: false };
    if (q.a && q.b && q.a === q.b) {
      mustGetScenario(db, q.a);
      view = { comparison: null, sameScenario: true };
    } else if (q.a && q.b) {
      const a = mustGetScenario(db, q.a);
      const b = mustGetScenario(db, q.b);
      // Each scenario's stored proposal (exact), the set the workspace, shortlists and exports show: never a second solve of its own.
      const [oa, ob] = [await outcomeOf(db, a.params, 'exact', planningViewOf(req)), await outcomeOf(db, b.params, 'exact', planningViewOf(req))];
      const comparison = compareOutcomes(oa, ob);
      // Both scenarios' models, named once each (they may differ).
      const [modelA, modelB] = [a.params.travelModel, b.params.travelModel].map((ref) => travelModelLabel(describeTravelModel(db, ref), locale));
      res.locals.travelModelLabel = [...new Set([modelA, modelB])].join(' / ');
      view = {
        a, b, comparison, modelA, modelB, sameScenario: false, moves: comparison.moves.filter((m) => m.delta !== 0 && (m.rankA <= 60 || m.rankB <= 60)).slice(0, 25),
        weightRows: CRITERIA.map((c) => ({ label: criterionLabel(locale, c.id), a: a.params.weights[c.id], b: b.params.weights[c.id] })),
        ruleRows: ruleRows(a.params, b.params, (key) => res.locals.t(key), { a: modelA, b: modelB }),
        nameOf: Object.fromEntries(oa.ranking.map((r) => [r.kommunenummer, r.name])),
        selectedA: oa.selected, selectedB: ob.selected,
      };
    }
    res.render('compare', { title: res.locals.t('cmp.title'), scenarios: all, selA: q.a ?? '', selB: q.b ?? '', ...view,
      fmtDate: (iso: string) => formatDateTime(locale, iso) });
  };
}

/** `GET /compare/municipalities?kommunenummer=…`: municipalities side by side under one scenario's ranking. */
function compareMunicipalitiesPage(db: Db): RequestHandler {
  return (req, res) => {
    const locale = res.locals.locale as Locale;
    // `kommunenummer=0301,5601`; older links named the list `k`, which is read as the list when
    // `kommunenummer` is absent (and is then not the scenario's K, which ranking does not use).
    const alias = req.query.kommunenummer === undefined;
    const list = alias ? req.query.k : req.query.kommunenummer;
    const q = parse(compareMunicipalitiesQuery, { kommunenummer: typeof list === 'string' ? list : '' });
    const { params } = paramsForPage(db, { ...(req.query as Record<string, unknown>), kommunenummer: undefined, ...(alias ? { k: undefined } : {}) });
    const { ranking, context } = rankScenario(db, params, planningViewOf(req));
    res.locals.travelModelLabel = travelModelLabel(context.travelModel, locale);
    const modelLabel = res.locals.travelModelLabel as string;
    const items = q.kommunenummer.map((knr) => {
      const m = context.municipalities.find((x) => x.kommunenummer === knr);
      if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
      return { m, r: ranking.items.find((x) => x.kommunenummer === knr)! };
    });
    const rows = PROFILE_INDICATORS.map((ind) => {
      const values = items.map(({ m }) => m[ind.key] as number | null);
      return { key: ind.key, digits: ind.digits, values, best: bestIndex(values, ind.need) };
    });
    const scores = items.map(({ r }) => r.score);
    const ranks = items.map(({ r }) => r.rank);
    res.render('compare-municipalities', {
      title: res.locals.t('cmp.muniTitle'), items, rows, modelLabel,
      scoreRow: { values: scores, best: bestIndex(scores, 'high') }, rankRow: { values: ranks, best: bestIndex(ranks, 'low') },
      criteriaRows: CRITERIA.filter((c) => ranking.weights[c.id] > 0).map((c) => {
        const values = items.map(({ r }) => r.contributions[c.id] ?? 0);
        return { label: criterionLabel(locale, c.id), values, best: bestIndex(values, 'high') };
      }),
      options: context.municipalities.map((m) => ({ kommunenummer: m.kommunenummer, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      selected: q.kommunenummer,
    });
  };
}

/** The scenario comparison and the municipality comparison pages. */
export function comparePages(router: Router, db: Db): void {
  router.get('/compare', compareScenariosPage(db));
  router.get('/compare/municipalities', compareMunicipalitiesPage(db));
}
