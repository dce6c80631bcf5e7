/**
 * The ranking table: one row per municipality with rank, name, police district, a score bar split
 * by criterion, eligibility and place in the proposal; sortable by every column, filtered by text,
 * eligibility and area, operable by keyboard (arrow keys move the selection).
 */
import { CRITERION_COLOURS } from '../core/classes';
import { byId, closestFrom, h, replace } from '../core/dom';
import type { NumberFormat } from '../core/format';
import type { Translate } from '../core/i18n';
import type { CriterionView, RankedItem, WorkspacePageData } from '../page-types';
import { filterRanking, nextSort, SORT_KEYS, sortRanking, stabilityClass, type SortKey } from './ranking';
import type { WorkspaceState } from './state';

export interface RankingTableDeps {
  page: WorkspacePageData;
  state: WorkspaceState;
  t: Translate;
  fmt: NumberFormat;
  /** A row was chosen (clicked, or reached with the arrow keys). */
  onSelect: (knr: string) => void;
}

export class RankingTable {
  private readonly table = byId('ranking', HTMLTableElement);
  private readonly body: HTMLTableSectionElement;
  private readonly filter = byId('ranking-filter', HTMLInputElement);
  private readonly onlyEligible = byId('only-eligible', HTMLInputElement);
  private readonly colours: ReadonlyMap<string, string>;

  constructor(private readonly deps: RankingTableDeps) {
    this.body = this.table.tBodies[0];
    this.colours = new Map(deps.page.criteria.map((c, i) => [c.id, CRITERION_COLOURS[i % CRITERION_COLOURS.length]]));
    this.table.tHead?.addEventListener('click', (e) => this.onHeaderClick(e));
    this.body.addEventListener('click', (e) => {
      const row = closestFrom(e.target, 'tr[data-k]');
      if (row?.dataset.k) deps.onSelect(row.dataset.k);
    });
    this.body.addEventListener('keydown', (e) => this.onKey(e));
    this.filter.addEventListener('input', () => this.render());
    this.onlyEligible.addEventListener('change', () => this.render());
  }

  private onHeaderClick(e: Event): void {
    const key = closestFrom(e.target, 'button[data-sort]')?.dataset.sort as SortKey | undefined;
    if (!key || !SORT_KEYS.includes(key)) return;
    this.deps.state.sort = nextSort(this.deps.state.sort, key);
    this.render();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const row = closestFrom(e.target, '.row-btn')?.closest('tr');
    const next = (e.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling) as HTMLTableRowElement | null | undefined;
    if (!next?.dataset.k) return;
    e.preventDefault();
    next.querySelector<HTMLButtonElement>('.row-btn')?.focus();
    this.deps.onSelect(next.dataset.k);
  }

  /** Redraws the rows (keeping keyboard focus on the same municipality) and the bar legend. */
  render(): void {
    const { state } = this.deps;
    if (!state.ranking) return;
    this.renderBarLegend();
    const shown = filterRanking(state.ranking.items, { text: this.filter.value, onlyEligible: this.onlyEligible.checked, area: state.area }, state.municipalities);
    const rows = sortRanking(shown, state.sort, state.setPosition).map((it) => this.row(it));
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && active.classList.contains('row-btn') ? active.dataset.k : undefined;
    this.body.replaceChildren(...rows);
    if (focused) this.body.querySelector<HTMLButtonElement>(`.row-btn[data-k="${focused}"]`)?.focus({ preventScroll: true });
    this.table.dataset.rows = String(rows.length);
    this.table.querySelectorAll('th').forEach((th) => {
      const b = th.querySelector('button');
      if (b && b.dataset.sort === state.sort.key) th.setAttribute('aria-sort', state.sort.dir === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  }

  private row(it: RankedItem): HTMLTableRowElement {
    const { state, t, fmt, page } = this.deps;
    const knr = it.kommunenummer;
    const pos = state.setPosition.get(knr);
    const pInSet = state.robustness.get(knr)?.pInSet;
    const eligible = it.eligible
      ? h('span', { title: t('ws.yes') }, '✓')
      : h('span', { className: 'muted', title: it.reason ? page.ineligibleReasons[it.reason] : t('ws.no') }, '–');
    return h('tr', { data: { k: knr }, className: state.selected === knr ? 'is-selected' : undefined },
      h('td', { className: 'num' }, String(it.rank)),
      h('td', null, h('button', { className: 'row-btn', attrs: { type: 'button' }, data: { k: knr } }, it.name)),
      h('td', null, it.policeDistrict),
      h('td', { className: 'score' }, this.bar(it), h('span', { className: 'bar-num' }, fmt.score(it.score))),
      h('td', { className: 'center' }, eligible),
      h('td', { className: 'proposed' }, ...(pos
        ? [h('span', { className: `pm ${stabilityClass(pInSet)}`, title: t('ws.stability') }, String(pos)), ` ${pInSet === undefined ? '…' : fmt.sampleShare(pInSet)}`]
        : [])));
  }

  /** The score as a bar: one segment per criterion's contribution (weighted sum), or one segment (TOPSIS, baseline 50). */
  private bar(it: RankedItem): HTMLElement {
    const { state, fmt, page } = this.deps;
    const criteria = page.criteria;
    const title = criteria.filter((c) => it.contributions[c.id]).map((c) => `${c.label}: ${fmt.num(it.contributions[c.id], 1)}`).join('; ');
    const segment = (width: number, colour: string): HTMLElement => h('span', { style: { width: `${Math.max(0, width).toFixed(2)}%`, background: colour } });
    const segments = state.ranking?.baseline === 0
      ? criteria.filter((c) => (it.contributions[c.id] ?? 0) > 0).map((c) => segment(it.contributions[c.id], this.colourOf(c)))
      : [segment(it.score, '#2c7fb8')];
    return h('div', { className: 'bar', title }, ...segments);
  }

  private colourOf(c: CriterionView): string {
    return this.colours.get(c.id) ?? CRITERION_COLOURS[0];
  }

  private renderBarLegend(): void {
    const { state, t, page } = this.deps;
    const chips = page.criteria.filter((c) => state.params.weights[c.id] > 0)
      .flatMap((c, i) => [i ? ' ' : '', h('span', { className: 'chip' }, h('span', { className: 'swatch', style: { background: this.colourOf(c) } }), c.label)]);
    replace(byId('contrib-legend', HTMLDivElement), h('span', { className: 'note' }, `${t('ws.barLegend')}:`), ' ', ...chips);
  }

  /** Marks the selected row (and scrolls it into view unless it was chosen in the table). */
  select(knr: string, scroll: boolean): void {
    this.clearSelection();
    const row = this.body.querySelector<HTMLTableRowElement>(`tr[data-k="${knr}"]`);
    if (!row) return;
    row.classList.add('is-selected');
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  }

  clearSelection(): void {
    this.table.querySelectorAll('tr.is-selected').forEach((r) => r.classList.remove('is-selected'));
  }
}
