/**
 * How many municipalities may be chosen, and why the others may not: the wish requirement
 * (`wishGate`) makes only those that answered yes to question 5 eligible, so with answers only
 * partly imported the proposal may be impossible. `eligibilitySummary` counts (pure); the notice
 * says it in the planner's language and offers to turn the requirement off.
 */
import { byId, h, replace } from '../core/dom';
import type { NumberFormat } from '../core/format';
import type { Translate } from '../core/i18n';
import type { RankedItem, ScenarioParams, WorkspacePageData } from '../page-types';

export interface EligibilitySummary {
  eligible: number;
  total: number;
  /** Ineligible municipalities by reason, most common first. */
  reasons: { reason: NonNullable<RankedItem['reason']>; count: number }[];
  /** Fewer eligible municipalities than the proposal's size. */
  tooFew: boolean;
}

/** Counts eligible municipalities and the reasons of the rest. */
export function eligibilitySummary(items: readonly Pick<RankedItem, 'eligible' | 'reason'>[], k: number): EligibilitySummary {
  const byReason = new Map<NonNullable<RankedItem['reason']>, number>();
  let eligible = 0;
  for (const it of items) {
    if (it.eligible) eligible++;
    else if (it.reason) byReason.set(it.reason, (byReason.get(it.reason) ?? 0) + 1);
  }
  const reasons = [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { eligible, total: items.length, reasons, tooFew: eligible < k };
}

export interface EligibilityDeps {
  page: WorkspacePageData;
  t: Translate;
  fmt: NumberFormat;
  /** Turns the wish requirement off (the notice's button). */
  gateOff: () => void;
}

/** Shows the notice when some municipalities are not eligible (hidden when all are, or the requirement is off). */
export function renderEligibility(deps: EligibilityDeps, items: readonly RankedItem[], params: ScenarioParams): EligibilitySummary | null {
  const { page, t, fmt } = deps;
  const box = byId('eligibility', HTMLDivElement);
  const s = eligibilitySummary(items, params.k);
  if (!params.wishGate || s.eligible === s.total) {
    box.hidden = true;
    replace(box);
    return params.wishGate ? s : null;
  }
  const why = s.reasons.map((r) => t('ws.reasonCount', { n: fmt.num(r.count), reason: page.ineligibleReasons[r.reason].toLowerCase() })).join('; ');
  const button = h('button', { id: 'gate-off', attrs: { type: 'button' } }, t('ws.gateOff'));
  button.addEventListener('click', deps.gateOff);
  replace(box,
    h('p', { id: 'eligible-count' }, t('ws.eligibleCount', { n: fmt.num(s.eligible), total: fmt.num(s.total) })),
    why ? h('p', null, t('ws.ineligibleWhy', { list: why })) : null,
    s.tooFew ? h('p', { className: 'warn', id: 'too-few' }, t('ws.tooFewEligible', { k: fmt.num(params.k), n: fmt.num(s.eligible) })) : null,
    h('p', null, button, ' ', h('a', { className: 'help-link', attrs: { href: '/help#onske', target: '_blank', rel: 'noopener', title: t('ws.help'), 'aria-label': t('ws.help') } }, '?')));
  box.hidden = false;
  return s;
}
