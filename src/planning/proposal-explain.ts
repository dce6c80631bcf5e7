/**
 * Per-site figures of a hand-picked set (a manual shortlist): the same figures the proposal carries (marginal gain
 * in the set's order, loss if removed, residents newly within the limit, within the model's error), computed by the
 * engine's own explanation on a problem whose only candidates are the picked sites, all included. The set's order is
 * the engine's reporting order (the greedy order over the set), so the gain column sums to the set's total exactly
 * as the proposal's does. Every picked site counts as eligible here: a planner may keep a municipality the wish gate
 * leaves out, and its figures are still shown.
 */
import { buildLocationProblem, selectSitesGreedy, type MunicipalityInput, type RankingResult, type SelectionResult } from '../engine';
import type { PlanningContext } from './context';
import type { ProposalSite } from '../model/proposal';
import type { ScenarioParams } from '../model/scenario';
import { selectionOptionsOf } from './service-options';
import { siteProblem, type TravelErrorModel } from './site-problem';

/** A picked site: its municipality and the site id (a populated place or premises of `context.allSites`). */
export interface PickedSite {
  kommunenummer: string;
  siteId: string;
}

/**
 * Explains a hand-picked set of sites (see the file comment).
 * @returns per-site figures keyed by kommunenummer, and the set's figures
 * @throws Error naming the site when an id is not a candidate site of the context
 */
export function explainPickedSites(
  context: PlanningContext, ranking: RankingResult, municipalities: readonly MunicipalityInput[], params: ScenarioParams,
  picked: readonly PickedSite[], travel: TravelErrorModel | null,
): { sites: Map<string, ProposalSite>; selection: SelectionResult } {
  const sp = siteProblem(context);
  const columns = picked.map((p) => {
    const j = sp.index.get(p.siteId);
    if (j === undefined) throw new Error(`site ${p.siteId} of ${p.kommunenummer} is not a candidate site`);
    return j;
  });
  const { nDemand: nD, nCandidates: nC, candidateCost } = sp.location;
  const cost = new Float64Array(nD * columns.length);
  for (let i = 0; i < nD; i++) columns.forEach((j, c) => (cost[i * columns.length + c] = candidateCost[i * nC + j]));
  const location = buildLocationProblem({
    demand: Array.from(sp.location.demandWeight, (weight) => ({ lon: 0, lat: 0, weight })),
    candidates: picked.map((p) => ({ id: p.siteId, lon: 0, lat: 0 })),
    costs: { candidate: cost, fixedNearest: sp.location.fixedCost },
  });
  const byKnr = new Map(ranking.items.map((it) => [it.kommunenummer, it]));
  const districts = new Map(municipalities.map((m) => [m.kommunenummer, m.policeDistrict]));
  const candidates = picked.map((p) => ({ id: p.siteId, group: p.kommunenummer, district: districts.get(p.kommunenummer) ?? null, eligible: true, score: byKnr.get(p.kommunenummer)?.score ?? 0 }));
  const selection = selectSitesGreedy({ candidates, location }, {
    ...selectionOptionsOf(params, 'greedy'), k: picked.length, include: picked.map((p) => p.kommunenummer), exclude: [], districtMin: {}, districtMax: {},
    localSearch: false, errorMargin: travel?.marginMin ?? 0,
  });
  const names = new Map<string, string>(context.municipalities.map((m) => [m.kommunenummer, m.name]));
  const sites = new Map(selection.sites.map((c, k): [string, ProposalSite] => {
    const site = sp.sites[sp.index.get(c.id)!];
    return [site.kommunenummer, {
      position: k + 1, kommunenummer: site.kommunenummer, name: names.get(site.kommunenummer) ?? site.kommunenummer, policeDistrict: c.district ?? '',
      siteId: site.id, siteKind: site.kind, siteLabel: site.label, lon: site.lon, lat: site.lat, score: c.score,
      marginalGain: c.marginalGain, lossIfRemoved: c.lossIfRemoved, newlyCovered: c.newlyCovered, gainAtRisk: c.gainAtRisk,
      withinError: c.withinError, forced: false,
    }];
  }));
  return { sites, selection };
}
