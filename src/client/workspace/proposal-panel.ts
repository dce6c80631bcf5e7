/**
 * The proposal panel: the proposal in figures (stored or preliminary, solver, status, value, bound, gap), the chosen
 * site in each municipality in the set's order with its marginal gain (the column sums to the set's total), its loss
 * if removed and the within-error flag, the robustness under weights, travel error and both, and the actions on the
 * stored proposal (export, make a shortlist). Built from elements and text.
 */
import { ANY_SITE_KIND_LABEL, GAIN_LABEL, SELECTION_STATUS_LABEL, SOLVER_NAME_LABEL } from '../../model/labels';
import { formatDate } from '../../common/i18n/format';
import { failureText, sendJson } from '../core/api';
import { byId, h, joined, replace } from '../core/dom';
import type { ProposalSiteView, SelectionResponse } from '../page-types';
import type { PanelDeps } from './panels';

/** Decimals of the gain column: blend gains are fractions; the others residents or resident-minutes. */
const gainDigits = (objective: string): number => (objective === 'blend' ? 4 : 0);

/** The share in the set under weights / travel / both, e.g. "100 % / 38 % / 38 %". */
function stabilityText(deps: PanelDeps, knr: string): string {
  const r = deps.state.robustness.get(knr);
  if (!r) return '…';
  const { fmt } = deps;
  return `${fmt.sampleShare(r.pInSetWeights)} / ${fmt.sampleShare(r.pInSetTravel)} / ${fmt.sampleShare(r.pInSet)}`;
}

function siteRow(deps: PanelDeps, sel: SelectionResponse, s: ProposalSiteView): HTMLTableRowElement {
  const { t, fmt } = deps;
  const digits = gainDigits(sel.objectiveName);
  const flag = s.withinError ? h('span', { className: 'warn-mark', title: t('prop.withinErrorMark') }, '⚠') : '';
  return h('tr', { data: { k: s.kommunenummer, site: s.siteId } },
    h('td', { className: 'num' }, String(s.position)),
    h('td', null, s.name),
    h('td', null, s.siteLabel, h('br'), h('span', { className: 'note' }, t(ANY_SITE_KIND_LABEL[s.siteKind]))),
    h('td', { className: 'num gain' }, fmt.num(s.marginalGain, digits)),
    h('td', { className: 'num' }, fmt.num(s.lossIfRemoved, digits)),
    h('td', { className: 'center flag' }, flag),
    h('td', { className: 'num stability' }, stabilityText(deps, s.kommunenummer)));
}

/** The within-error column is headed by a compact ⚠, its full name for screen readers and as a tooltip. */
function flagHeader(name: string): HTMLTableCellElement {
  return h('th', { className: 'center', attrs: { scope: 'col', title: name, 'aria-label': name } }, h('span', { attrs: { 'aria-hidden': 'true' } }, '⚠'));
}

/**
 * The sites table inside its own sideways-scrolling box, so a narrow side panel never cuts it off. Its caption
 * stands above the box (and names the table for screen readers), so it stays in view while the table scrolls.
 */
function sitesTable(deps: PanelDeps, sel: SelectionResponse): HTMLElement[] {
  const { t, fmt } = deps;
  const caption = h('p', { className: 'table-caption', id: 'proposal-sites-caption' },
    t('prop.sitesCaption', { n: fmt.num(sel.candidateSites), model: sel.travelModel.label }));
  return [caption, h('div', { className: 'table-scroll', id: 'proposal-sites-box' }, sitesTableItself(deps, sel))];
}

function sitesTableItself(deps: PanelDeps, sel: SelectionResponse): HTMLTableElement {
  const { t, fmt } = deps;
  const th = (text: string, cls?: string) => h('th', { attrs: { scope: 'col' }, className: cls }, text);
  return h('table', { id: 'proposal-sites', className: 'compact proposal-sites', data: { stored: sel.id ? 'true' : 'false' }, attrs: { 'aria-labelledby': 'proposal-sites-caption' } },
    h('thead', null, h('tr', null,
      th(t('prop.col.pos'), 'num'), th(t('prop.col.municipality')), th(t('prop.col.site')), th(t(GAIN_LABEL[sel.objectiveName]), 'num'),
      th(t('prop.col.loss'), 'num'), flagHeader(t('prop.col.flag')), th(t('prop.col.stability'), 'num'))),
    h('tbody', null, ...sel.sites.map((s) => siteRow(deps, sel, s))),
    h('tfoot', null, h('tr', null,
      h('th', { attrs: { scope: 'row', colspan: '3' } }, t('prop.sumRow')),
      h('td', { className: 'num', id: 'proposal-total' }, fmt.num(sel.totalGain, gainDigits(sel.objectiveName))),
      h('td', { attrs: { colspan: '3' } }))));
}

/** The error-margin note (which quantile of which residuals, and for an imported matrix, whose). */
function errorNote(deps: PanelDeps, sel: SelectionResponse): HTMLElement | null {
  const m = sel.errorMargin;
  if (!m) return null;
  const { t, fmt } = deps;
  const quantile = m.quantile === 0.5 ? t('prop.quantile.median') : fmt.pct(m.quantile);
  return h('p', { className: 'note', id: 'error-note' },
    t('prop.errorNote', { min: fmt.num(m.minutes, 1), quantile, pairs: m.residuals }),
    m.source === 'builtin-cv-for-imported' ? ` ${t('prop.errorImported')}` : '');
}

function robustnessNote(deps: PanelDeps): HTMLElement {
  const { t, state, page } = deps;
  const r = state.robustnessResult;
  if (!r || r.proposalId !== state.selection?.id) {
    return h('p', { className: 'note', id: 'robustness-note' }, `${t('prop.robust.heading', { samples: deps.fmt.num(page.robustness.samples), seed: page.robustness.seed })} ${t('prop.robust.waiting')}`);
  }
  const inSet = (r.items ?? []).filter((it) => state.selection?.selected.includes(it.kommunenummer));
  const count = (f: (it: (typeof inSet)[number]) => boolean | null) => String(inSet.filter((it) => f(it) === true).length);
  return h('p', { className: 'note', id: 'robustness-note', data: { samples: String(r.samples) } },
    `${t('prop.robust.heading', { samples: deps.fmt.num(r.samples), seed: r.seed })} `,
    `${t(r.sampled.travel ? 'prop.robust.travelNote' : 'prop.robust.weightsNote')} `,
    t('prop.robust.stableCount', {
      weights: count((it) => it.stableUnderWeights), travel: r.sampled.travel ? count((it) => it.stableUnderTravel) : '–', both: count((it) => it.stableUnderBoth),
    }));
}

/** Export links and (for planners) the shortlist form of a stored proposal. */
function actions(deps: PanelDeps, sel: SelectionResponse): HTMLElement | null {
  const { t, page } = deps;
  if (!sel.id) return null;
  const id = sel.id;
  const links = page.mayExport
    ? joined(['csv', 'xlsx', 'geojson', 'pdf'].map((f) => h('a', { attrs: { href: `/export/scenario.${f}?proposal=${encodeURIComponent(id)}&lang=${page.locale}` }, data: { testid: `proposal-export-${f}` } }, f.toUpperCase())), ' ')
    : [];
  const box = h('div', { className: 'proposal-actions' }, page.mayExport ? h('p', null, `${t('prop.export')}: `, ...links) : null);
  if (page.mayPlan) {
    const name = h('input', { id: 'proposal-shortlist-name', attrs: { maxlength: '200', 'aria-label': t('prop.shortlistName') } });
    name.value = t('prop.shortlistDefaultName', { date: formatDate(page.locale, new Date().toISOString()) });
    const button = h('button', { id: 'proposal-shortlist', attrs: { type: 'button' } }, t('prop.makeShortlist'));
    const status = h('span', { className: 'note', attrs: { role: 'status' } });
    button.addEventListener('click', () => {
      button.disabled = true;
      sendJson<{ id: string }>('/api/shortlists', 'POST', { name: name.value.trim(), proposalId: id })
        .then((sl) => window.location.assign(`/shortlists/${encodeURIComponent(sl.id)}`))
        .catch((err: unknown) => {
          status.textContent = failureText(err, t);
          button.disabled = false;
        });
    });
    box.append(h('p', { className: 'proposal-shortlist' }, name, ' ', button, ' ', status));
  }
  return box;
}

/** Draws the proposal panel for the current selection (preview or stored). */
export function renderProposal(deps: PanelDeps): void {
  const { state, t, fmt } = deps;
  const sel = state.selection;
  const box = byId('proposal', HTMLDivElement);
  if (!sel || sel.status === 'infeasible') {
    replace(box);
    return;
  }
  const digits = gainDigits(sel.objectiveName);
  const head = sel.id ? t('prop.stored', { id: sel.id }) : t('prop.preview');
  const solver = `${t(SOLVER_NAME_LABEL[sel.solverName])} · ${t(SELECTION_STATUS_LABEL[sel.status])}`;
  const figures = [`${t('prop.value')} ${fmt.num(sel.objective, digits)}`];
  if (sel.bound !== null) figures.push(`${t('prop.bound')} ${fmt.num(sel.bound, digits)}`);
  if (sel.gap !== null) figures.push(`${t('prop.gap')} ${fmt.gap(sel.gap)}`);
  replace(box,
    h('p', { id: 'proposal-status', className: sel.id ? 'proposal-stored' : 'proposal-preview', data: { id: sel.id ?? '' } }, h('strong', null, head), ` · ${solver} · ${figures.join(' · ')}`),
    ...sitesTable(deps, sel),
    errorNote(deps, sel),
    sel.id ? robustnessNote(deps) : null,
    actions(deps, sel));
  box.dataset.proposal = sel.id ?? '';
}
