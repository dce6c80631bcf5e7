import { type Router } from 'express';
import type { Db } from '../../../db/connection';
import { getMunicipality, listBoundaries } from '../../../db/municipalities-repo';
import { getResponse } from '../../../db/responses-repo';
import { criteriaInfo, ineligibleReasonLabel } from '../../../model/criteria-texts';
import { travelPageInfo } from '../../../planning/travel-page';
import { indicatorPercentiles } from '../../../planning/percentiles';
import { rankScenario } from '../../../planning/service';
import { proposalFor, proposalRobustness } from '../../../planning/proposal';
import { PROPOSAL_ROBUSTNESS } from '../../../model/proposal-settings';
import { type Locale, formatOrdinal } from '../../../common/i18n';
import { planningViewOf } from '../../actor';
import { NotFoundError } from '../../../common/errors';
import { PROFILE_INDICATORS, clientDictionary, knrParam, parse, paramsForPage } from './common';

/** A municipality's profile page. */
export function profilePage(router: Router, db: Db): void {
  router.get('/municipalities/:knr', async (req, res) => {
    const locale = res.locals.locale as Locale;
    const knr = parse(knrParam, req.params.knr, 'kommunenummer: ');
    if (!getMunicipality(db, knr)) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
    const { params, scenario } = paramsForPage(db, req.query as Record<string, unknown>);
    const view = planningViewOf(req);
    const { ranking, context } = rankScenario(db, params, view);
    // The municipality as the scenario's travel model sees it (drive figures from its matrix).
    const m = context.municipalities.find((x) => x.kommunenummer === knr)!;
    const travel = travelPageInfo(context, knr, locale);
    res.locals.travelModelLabel = travel.modelLabel;
    const item = ranking.items.find((r) => r.kommunenummer === knr)!;
    // The scenario's stored proposal and its robustness: the same records the workspace and the exports show.
    const { proposal } = await proposalFor(db, params, { view });
    const robustness = proposal.id && proposal.selected.length ? await proposalRobustness(db, proposal, PROPOSAL_ROBUSTNESS, view) : null;
    const robust = robustness?.items.find((r) => r.kommunenummer === knr) ?? null;
    const chosen = proposal.sites.find((x) => x.kommunenummer === knr) ?? null;
    const percentiles = indicatorPercentiles(context.municipalities, knr, PROFILE_INDICATORS.map((i) => i.key), (x) => x.kommunenummer, (x) => x.policeDistrict);
    const nearest = context.nearestStations(knr, 3);
    const response = getResponse(db, knr);
    const eligibleCount = ranking.items.filter((r) => r.eligible).length;
    res.render('profile', {
      title: m.name, m, item, robust, rankedCount: ranking.items.length, ordinal: (n: number) => formatOrdinal(locale, n), percentiles, nearest, travel, response, answers: context.answers, scenario, params, eligibleCount,
      proposal, chosen, robustness: robustness && { samples: robustness.samples, seed: robustness.seed, sampled: robustness.sampled, travelError: robustness.travelError },
      indicators: PROFILE_INDICATORS,
      criteria: criteriaInfo(locale).map((c) => ({ id: c.id, label: c.label, unit: c.unit, weight: ranking.weights[c.id] })),
      reasonText: item.reason ? ineligibleReasonLabel(locale, item.reason) : '',
      workspaceHref: scenario ? `/scenarios/${scenario.id}` : '/',
      pageData: {
        locale, dictionary: clientDictionary(locale), boundary: listBoundaries(db).get(knr) ?? null, centre: [m.centre.lon, m.centre.lat],
        tileUrl: process.env.STEDSVALG_TILE_URL || null, tileAttribution: process.env.STEDSVALG_TILE_ATTRIBUTION || '',
        stations: nearest.map((n) => ({ name: n.name, lon: n.lon, lat: n.lat, driveMin: n.driveMin })),
        premises: (response?.q5.premises ?? []).filter((p) => p.lon !== null && p.lat !== null).map((p) => ({ address: p.address, lon: p.lon, lat: p.lat })),
        chosenSite: chosen && { label: chosen.siteLabel, kind: chosen.siteKind, lon: chosen.lon, lat: chosen.lat },
      },
    });
  });
}
