/**
 * The planner's workspace: ties the state, the weights form, the map, the ranking table and the
 * panels together. Every change of the form re-ranks (`GET /api/ranking`) and shows a greedy
 * preview (`POST /api/selection`), debounced, the latest request winning; the stored exact
 * proposal (`POST /api/proposals`) follows, replaces the preview and is what the panel, the
 * shortlist button and the exports use; its robustness (`GET /api/proposals/:id/robustness`)
 * follows that.
 */
import { OBJECTIVE_HELP_LABEL, SELECTION_STATUS_LABEL } from '../../model/labels';
import { failureText, getJson, sendJson } from '../core/api';
import { byId } from '../core/dom';
import { numberFormat, type NumberFormat } from '../core/format';
import { translator, type Translate } from '../core/i18n';
import type {
  MunicipalitiesGeoJson, RankingResponse, RobustnessResponse, ScenarioParams, SelectionResponse, StationsGeoJson, WorkspacePageData,
} from '../page-types';
import type { Kommunenummer } from '../../common/kommunenummer';
import { AddressBar, applyView, readView } from './address';
import { renderEligibility } from './eligibility';
import { forceRule, renderForcedRules, wireForcedRules, type ForceRule } from './forced-rules';
import { WorkspaceMap } from './map-layers';
import { wireDrawer, wireEscape, wirePrint, wireSearch } from './page-controls';
import { renderDetail, renderSummary, renderTray, type PanelDeps } from './panels';
import { renderProposal } from './proposal-panel';
import { applyLimits, formToParams, kIsValid, paramsToForm, showAlpha, showWeight } from './params-form';
import { SCENARIO_LIMITS } from '../../model/scenario-limits';
import { scenarioQuery } from './query';
import { RankingTable } from './ranking-table';
import { hasUnsavedWork, markDirty, wireScenarioControls } from './scenario-controls';
import { addCompare, cloneParams, createState, initialParams, saveCompare, setRanking, setRobustness, setSelection, type WorkspaceState } from './state';
import { UndoStack } from './undo';
import type { WorkspaceUrlState } from './url-state';

/** Where a municipality was chosen: the map does not zoom to a click on itself, the table does not scroll to its own row. */
type SelectedFrom = 'map' | 'table' | 'search';

/**
 * Delays: form changes are gathered for 150 ms; the stored exact proposal is asked for when the form has been
 * still for 400 ms (so dragging a slider does not solve every intermediate scenario); its robustness follows.
 */
const RECOMPUTE_DELAY_MS = 150;
const PROPOSAL_DELAY_MS = 400;
/** A settled change (no further input for this long) becomes one undo step and one history entry. */
const COMMIT_DELAY_MS = 400;

/** The selection request: the scenario, with the ranking's aggregation as `aggregation` and the solver as `method`. */
function selectionBody(p: ScenarioParams, solver: 'greedy' | 'exact'): Record<string, unknown> {
  return { ...p, aggregation: p.method, method: solver };
}

export class Workspace {
  private readonly state: WorkspaceState;
  private readonly t: Translate;
  private readonly fmt: NumberFormat;
  private readonly map: WorkspaceMap;
  private readonly table: RankingTable;
  private readonly status = byId('solve-status', HTMLParagraphElement);
  private recomputeTimer: number | undefined;
  private proposalTimer: number | undefined;
  private commitTimer: number | undefined;
  private readonly address: AddressBar;
  private readonly undo: UndoStack<ScenarioParams>;
  /** Where focus was when the detail panel opened (it returns there when the panel closes). */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly page: WorkspacePageData) {
    this.state = createState(page);
    this.address = new AddressBar(initialParams(page));
    const restored = this.address.read();
    this.state.params = restored.params;
    this.state.area = applyView(restored.view);
    this.undo = new UndoStack(cloneParams(this.state.params));
    this.t = translator(page.dictionary);
    this.fmt = numberFormat(page.locale);
    const deps = { page, state: this.state, t: this.t, fmt: this.fmt };
    this.map = new WorkspaceMap({ ...deps, onSelect: (knr) => this.select(knr, 'map') });
    this.table = new RankingTable({ ...deps, onSelect: (knr) => this.select(knr, 'table') });
    wireScenarioControls({ ...deps, readForm: () => formToParams(this.state.params, page.criteria) });
    this.wireForm();
    this.wireToolbar();
    this.wireHistory();
    wireForcedRules({ state: this.state, t: this.t, apply: (knr, rule) => this.force(knr, rule) });
    wireDrawer();
    wirePrint({ ...deps, map: this.map });
    wireEscape({ isDetailOpen: () => this.state.selected !== null, closeDetail: () => this.closeDetail() });
  }

  private get panels(): PanelDeps {
    return { page: this.page, state: this.state, t: this.t, fmt: this.fmt };
  }

  /** Draws the page: the form, the first figures, the map, then stations and sites. */
  async start(): Promise<void> {
    applyLimits();
    paramsToForm(this.state.params, this.page.criteria, this.fmt);
    this.showObjectiveHelp();
    markDirty(this.state);
    this.renderTray();
    const first = this.recompute();
    try {
      this.map.draw(await getJson<MunicipalitiesGeoJson>('/api/municipalities.geojson'));
      renderForcedRules(this.forcedDeps);
      if (this.state.area) this.map.showArea();
      await first;
      this.map.recolour();
      this.table.render();
      this.map.overlays.drawStations(await getJson<StationsGeoJson>('/api/stations'));
      this.map.overlays.renderProposed();
      this.map.renderLegend();
      this.map.markReady();
    } catch (err) {
      this.map.legend.setMessage(`${this.t('ws.error')}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Reads the form, marks unsaved changes, and recomputes after a short pause. */
  private schedule(): void {
    this.state.params = formToParams(this.state.params, this.page.criteria);
    this.showKProblem();
    showAlpha(this.state.params, this.fmt);
    this.changed();
  }

  /** After `state.params` changed: the help, the mark, a recompute soon, and (once settled) an undo step and a history entry. */
  private changed(commit = true): void {
    this.showObjectiveHelp();
    markDirty(this.state);
    window.clearTimeout(this.recomputeTimer);
    this.recomputeTimer = window.setTimeout(() => void this.recompute(), RECOMPUTE_DELAY_MS);
    if (commit) this.commitSoon();
  }

  private commitSoon(): void {
    window.clearTimeout(this.commitTimer);
    this.commitTimer = window.setTimeout(() => {
      this.undo.record(cloneParams(this.state.params));
      this.address.write(this.urlState());
      this.showUndo();
    }, COMMIT_DELAY_MS);
  }

  private urlState(): WorkspaceUrlState {
    return { params: this.state.params, view: readView(this.state.area) };
  }

  /** Shows `p` in the form and recomputes (undo, redo, Back). */
  private showParams(p: ScenarioParams): void {
    this.state.params = cloneParams(p);
    paramsToForm(this.state.params, this.page.criteria, this.fmt);
    this.showKProblem();
    renderForcedRules(this.forcedDeps);
    this.changed(false);
    this.showUndo();
  }

  /** Says next to K, in words, when the typed value is not a whole number within the limits, and which K is used instead. */
  private showKProblem(): void {
    const input = byId('p-k', HTMLInputElement);
    const message = byId('k-message', HTMLParagraphElement);
    const valid = kIsValid(input.value);
    if (valid && input.getAttribute('aria-invalid') !== 'true') return;
    input.setAttribute('aria-invalid', String(!valid));
    message.hidden = valid;
    message.textContent = valid ? '' : this.t('ws.kInvalid', { min: SCENARIO_LIMITS.k.min, max: SCENARIO_LIMITS.k.max, k: this.state.params.k });
  }

  private showUndo(): void {
    byId('undo', HTMLButtonElement).disabled = !this.undo.canUndo;
    byId('redo', HTMLButtonElement).disabled = !this.undo.canRedo;
  }

  private step(dir: 'undo' | 'redo'): void {
    // A change still settling is recorded first, so Undo takes back exactly it and Redo brings it back.
    window.clearTimeout(this.commitTimer);
    this.undo.record(cloneParams(this.state.params));
    const p = dir === 'undo' ? this.undo.undo() : this.undo.redo();
    if (!p) return;
    this.showParams(p);
    this.address.write(this.urlState());
  }

  private get forcedDeps() {
    return { state: this.state, t: this.t, apply: (knr: Kommunenummer, rule: ForceRule) => this.force(knr, rule) };
  }

  /** Forces a municipality in or out of the proposal, or lifts the rule. */
  private force(knr: Kommunenummer, rule: ForceRule): void {
    this.state.params = forceRule(this.state.params, knr, rule);
    renderForcedRules(this.forcedDeps);
    this.renderDetail();
    this.changed();
  }

  /** Back/Forward, Undo/Redo buttons and keys, and the warning when leaving with unsaved work (`hasUnsavedWork`). */
  private wireHistory(): void {
    this.address.onHistory((s) => {
      window.clearTimeout(this.commitTimer);
      this.state.area = applyView(s.view);
      this.map.recolour();
      this.map.showArea();
      this.undo.record(cloneParams(s.params));
      this.showParams(s.params);
    });
    byId('undo', HTMLButtonElement).addEventListener('click', () => this.step('undo'));
    byId('redo', HTMLButtonElement).addEventListener('click', () => this.step('redo'));
    document.addEventListener('keydown', (e) => {
      const typing = e.target instanceof HTMLElement && e.target.matches('input[type=search], input:not([type]), input[type=text], input[type=number], textarea');
      if (typing || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' && e.key.toLowerCase() !== 'y') return;
      e.preventDefault();
      this.step(e.key.toLowerCase() === 'y' || e.shiftKey ? 'redo' : 'undo');
    });
    window.addEventListener('beforeunload', (e) => {
      if (!hasUnsavedWork(this.state)) return;
      e.preventDefault();
      e.returnValue = this.t('ws.leaveWarning');
    });
  }

  private showObjectiveHelp(): void {
    byId('objective-help', HTMLParagraphElement).textContent = this.t(OBJECTIVE_HELP_LABEL[this.state.params.objective]);
  }

  /** Re-ranks and shows a greedy preview; only the latest request's answer is shown. The stored proposal follows. */
  private async recompute(): Promise<void> {
    const seq = ++this.state.seq;
    const params = this.state.params;
    const t0 = performance.now();
    this.status.textContent = this.t('ws.updating');
    try {
      const [ranking, selection] = await Promise.all([
        getJson<RankingResponse>(`/api/ranking?${scenarioQuery(params)}`),
        sendJson<SelectionResponse>('/api/selection', 'POST', selectionBody(params, 'greedy')),
      ]);
      if (seq !== this.state.seq) return;
      const ms = Math.round(performance.now() - t0);
      document.body.dataset.roundtripMs = String(ms);
      this.showRanking(ranking);
      this.showSelection(selection);
      this.status.textContent = this.t('ws.updated', { ms: this.fmt.num(ms) });
      document.body.dataset.seq = String(seq);
      this.scheduleProposal();
      await this.map.overlays.refreshCoverage();
    } catch (err) {
      if (seq === this.state.seq) this.status.textContent = failureText(err, this.t);
    }
  }

  private scheduleProposal(): void {
    window.clearTimeout(this.proposalTimer);
    this.proposalTimer = window.setTimeout(() => void this.loadProposal(), PROPOSAL_DELAY_MS);
  }

  /** The stored exact proposal of the current scenario (solved once on the server, then read), then its robustness. */
  private async loadProposal(): Promise<void> {
    const seq = this.state.seq;
    const ticket = ++this.state.proposalSeq;
    document.body.dataset.proposal = 'loading';
    this.status.textContent = this.t('ws.solving');
    try {
      const sel = await sendJson<SelectionResponse>('/api/proposals', 'POST', { ...this.state.params, solver: 'exact' });
      if (seq !== this.state.seq || ticket !== this.state.proposalSeq) return;
      this.showSelection(sel);
      this.status.textContent = this.t('ws.exactDone', { status: this.t(SELECTION_STATUS_LABEL[sel.status]), gap: this.fmt.gap(sel.gap), ms: this.fmt.num(sel.solveMs) });
      document.body.dataset.proposal = sel.id ?? '';
      await this.map.overlays.refreshCoverage();
      if (sel.id && sel.status !== 'infeasible') await this.loadRobustness(sel.id);
    } catch (err) {
      if (seq === this.state.seq && ticket === this.state.proposalSeq) this.status.textContent = this.t('prop.failed', { message: failureText(err, this.t) });
    }
  }

  private async loadRobustness(proposalId: string): Promise<void> {
    const ticket = ++this.state.robustSeq;
    const { samples, seed, mode } = this.page.robustness;
    try {
      const r = await getJson<RobustnessResponse>(`/api/proposals/${encodeURIComponent(proposalId)}/robustness?samples=${samples}&seed=${seed}&mode=${mode}`);
      if (ticket !== this.state.robustSeq || !setRobustness(this.state, r)) return;
      this.table.render();
      this.map.overlays.renderProposed();
      renderProposal(this.panels);
      this.renderDetail();
      document.body.dataset.robust = 'true';
    } catch {
      // Robustness is advisory; the proposal and the table keep working without it.
    }
  }

  private showRanking(r: RankingResponse): void {
    setRanking(this.state, r);
    renderEligibility({ page: this.page, t: this.t, fmt: this.fmt, gateOff: () => this.gateOff() }, r.items, this.state.params);
    const note = byId('answers-note', HTMLParagraphElement);
    const text = !r.answers.loaded ? this.t('ws.noAnswers') : r.answers.sample ? this.t('ws.sampleAnswers') : null;
    note.hidden = text === null;
    if (text !== null) note.textContent = text;
    this.map.recolour();
    this.table.render();
    this.renderDetail();
  }

  private showSelection(sel: SelectionResponse): void {
    setSelection(this.state, sel);
    renderSummary(this.panels);
    renderProposal(this.panels);
    this.table.render();
    this.map.overlays.renderProposed();
    this.renderDetail();
  }

  /** Turns the wish requirement off (every municipality eligible). */
  private gateOff(): void {
    byId('p-wishGate', HTMLInputElement).checked = false;
    this.schedule();
  }

  /** Opens a municipality: outlined on the map, marked in the table, its panel shown. */
  private select(knr: string, from: SelectedFrom): void {
    const previous = this.state.selected;
    if (previous === knr) return;
    const active = document.activeElement;
    if (!previous && active instanceof HTMLElement && active !== document.body) this.returnFocus = active;
    this.state.selected = knr;
    this.map.select(knr, previous, from !== 'map');
    this.table.select(knr, from !== 'table');
    this.renderDetail();
  }

  /** Closes the panel and puts focus back where it was when the panel opened (else on the municipality's row). */
  private closeDetail(): void {
    const previous = this.state.selected;
    this.state.selected = null;
    byId('detail', HTMLDivElement).hidden = true;
    if (previous) this.map.unselect(previous);
    this.table.clearSelection();
    const back = this.returnFocus?.isConnected ? this.returnFocus : previous ? document.querySelector<HTMLElement>(`#ranking .row-btn[data-k="${previous}"]`) : null;
    this.returnFocus = null;
    (back ?? byId('map', HTMLDivElement)).focus({ preventScroll: false });
  }

  private renderDetail(): void {
    renderDetail(this.panels, {
      close: () => this.closeDetail(),
      addCompare: (knr) => {
        addCompare(this.state, knr);
        this.renderTray();
      },
      force: (knr, rule) => this.force(knr, rule),
    });
  }

  private renderTray(): void {
    renderTray(this.panels, () => {
      this.state.compare = [];
      saveCompare(this.state.compare);
      this.renderTray();
    });
  }

  private wireForm(): void {
    const form = byId('weights-form', HTMLFormElement);
    form.addEventListener('input', (e) => {
      const input = e.target;
      if (input instanceof HTMLInputElement && input.type === 'range' && input.dataset.criterion) showWeight(input.dataset.criterion, Number(input.value), this.fmt);
      this.schedule();
    });
    form.addEventListener('change', (e) => {
      this.schedule();
      // once the planner is done typing, the input shows the K that is used (the message says why it changed)
      if (e.target === byId('p-k', HTMLInputElement)) byId('p-k', HTMLInputElement).value = String(this.state.params.k);
    });
    form.addEventListener('submit', (e) => e.preventDefault());
    byId('reset', HTMLButtonElement).addEventListener('click', () => {
      this.showParams(initialParams(this.page));
      this.commitSoon();
    });
  }

  private wireToolbar(): void {
    const viewChanged = (): void => this.address.write(this.urlState());
    byId('indicator', HTMLSelectElement).addEventListener('change', () => {
      this.map.recolour();
      viewChanged();
    });
    byId('area-filter', HTMLSelectElement).addEventListener('change', (e) => {
      this.state.area = (e.target as HTMLSelectElement).value;
      this.map.showArea();
      this.table.render();
      viewChanged();
    });
    byId('only-eligible', HTMLInputElement).addEventListener('change', viewChanged);
    let filterTimer: number | undefined;
    byId('ranking-filter', HTMLInputElement).addEventListener('input', () => {
      window.clearTimeout(filterTimer);
      filterTimer = window.setTimeout(viewChanged, COMMIT_DELAY_MS);
    });
    wireSearch(this.state, (knr) => this.select(knr, 'search'));
  }
}
