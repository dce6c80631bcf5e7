/**
 * The workspace page's own controls around the map: the weights drawer on small screens, printing
 * the map, Esc to close what is open, and the map search (which selects on Enter or on picking a
 * name from the list, never on leaving the field, so a click elsewhere is never swallowed by a
 * re-render it set off).
 */
import { formatDateTime } from '../../common/i18n/format';
import { byId, optionalById } from '../core/dom';
import type { NumberFormat } from '../core/format';
import type { Translate } from '../core/i18n';
import type { WorkspacePageData } from '../page-types';
import type { WorkspaceMap } from './map-layers';
import { searchMunicipality } from './ranking';
import type { WorkspaceState } from './state';

/** The drawer that holds the weights and rules on small screens (a plain column on wide ones). */
export function wireDrawer(): void {
  const toggle = byId('drawer-toggle', HTMLButtonElement);
  const close = byId('drawer-close', HTMLButtonElement);
  const set = (open: boolean): void => {
    document.body.dataset.drawer = open ? 'open' : 'closed';
    toggle.setAttribute('aria-expanded', String(open));
    if (open) close.focus();
    else if (toggle.offsetParent !== null) toggle.focus();
  };
  toggle.addEventListener('click', () => set(true));
  close.addEventListener('click', () => set(false));
}

/** Whether the drawer is open (Esc closes it first). */
function closeDrawerIfOpen(): boolean {
  if (document.body.dataset.drawer !== 'open') return false;
  optionalById('drawer-close', HTMLButtonElement)?.click();
  return true;
}

export interface EscapeDeps {
  isDetailOpen: () => boolean;
  closeDetail: () => void;
}

/** Esc closes the drawer if open, else the detail panel (focus returns where it was). */
export function wireEscape(deps: EscapeDeps): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (e.target instanceof HTMLElement && e.target.closest('.topbar')) return;
    if (closeDrawerIfOpen()) return;
    if (deps.isDetailOpen()) {
      e.preventDefault();
      deps.closeDetail();
    }
  });
}

export interface PrintDeps {
  page: WorkspacePageData;
  state: WorkspaceState;
  t: Translate;
  fmt: NumberFormat;
  map: WorkspaceMap;
}

/** The scenario in one line for the printed map's heading. */
function scenarioLine({ state, t, fmt, page }: PrintDeps): string {
  const p = state.params;
  const objective = byId('p-objective', HTMLSelectElement).selectedOptions[0]?.textContent ?? p.objective;
  const area = byId('area-filter', HTMLSelectElement).selectedOptions[0]?.textContent ?? '';
  const colour = byId('indicator', HTMLSelectElement).selectedOptions[0]?.textContent ?? '';
  const when = formatDateTime(page.locale, new Date().toISOString());
  return [`${t('ws.k')}: ${fmt.num(p.k)}`, `${t('ws.objective')}: ${objective}`, `${t('ws.minutes')}: ${fmt.num(p.minutes)}`,
    `${t('map.colourBy')}: ${colour}`, area, `${t('ws.printed')}: ${when}`].filter(Boolean).join(' · ');
}

/** "Print the map": the print style sheet keeps the map, its legend, the scenario and the sources. */
export function wirePrint(deps: PrintDeps): void {
  window.addEventListener('beforeprint', () => {
    byId('print-params', HTMLParagraphElement).textContent = scenarioLine(deps);
    deps.map.legend.setOpen(true);
    deps.map.map.invalidateSize();
  });
  window.addEventListener('afterprint', () => deps.map.map.invalidateSize());
  byId('print-map', HTMLButtonElement).addEventListener('click', () => window.print());
}

/**
 * The map search: Enter, or picking a name from the list (the input then holds a whole name),
 * selects the municipality. Leaving the field does nothing.
 */
export function wireSearch(state: WorkspaceState, select: (knr: string) => void): void {
  const search = byId('search', HTMLInputElement);
  const names = (): Map<string, string> => new Map([...state.municipalities].map(([knr, m]) => [knr, m.name]));
  search.addEventListener('input', (e) => {
    const picked = (e as InputEvent).inputType === 'insertReplacementText' || (e as InputEvent).inputType === undefined;
    const value = search.value.trim().toLowerCase();
    const exact = [...names()].find(([, n]) => n.toLowerCase() === value);
    if (picked && exact) select(exact[0]);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const hit = searchMunicipality(names(), search.value);
    if (hit) select(hit);
  });
}
