/**
 * The weights and rules form: scenario parameters into the form and back. The numeric inputs take
 * their bounds from the shared scenario limits (`model/scenario-limits.ts`), the same the server's
 * schema checks; out-of-range input is clamped here rather than sent and refused.
 */
import { AGGREGATIONS, NORMALIZATIONS, OBJECTIVES, SCENARIO_LIMITS, type NumericLimit } from '../../model/scenario-limits';
import { byId } from '../core/dom';
import { weightDigits, type NumberFormat } from '../core/format';
import type { CriterionView, ScenarioParams } from '../page-types';

/**
 * `value` rounded to a whole number and clamped into `limit`; `fallback` when empty or not a number.
 * (The form keeps K, minutes and district counts whole, as its inputs' steps suggest.)
 */
export function clampWhole(value: string, limit: NumericLimit, fallback: number): number {
  const n = Math.round(Number(value));
  return value !== '' && Number.isFinite(n) ? Math.min(limit.max, Math.max(limit.min, n)) : fallback;
}

function setRange(input: HTMLInputElement, limit: NumericLimit): void {
  input.min = String(limit.min);
  input.max = String(limit.max);
}

const districtInputs = (cls: 'dmin' | 'dmax'): HTMLInputElement[] =>
  Array.from(document.querySelectorAll<HTMLInputElement>(`input.${cls}`));

/** Gives the numeric inputs the shared limits (so the browser's own validation matches the server's). */
export function applyLimits(): void {
  setRange(byId('p-blendAlpha', HTMLInputElement), SCENARIO_LIMITS.blendAlpha);
  setRange(byId('p-k', HTMLInputElement), SCENARIO_LIMITS.k);
  setRange(byId('p-minutes', HTMLInputElement), SCENARIO_LIMITS.minutes);
  for (const input of [...districtInputs('dmin'), ...districtInputs('dmax')]) setRange(input, SCENARIO_LIMITS.districtCount);
}

/** Shows a weight next to its slider. */
export function showWeight(id: string, value: number, fmt: NumberFormat): void {
  byId(`wo-${id}`, HTMLOutputElement).textContent = fmt.num(value, weightDigits(value));
}

/** Shows α next to its slider, and the slider only under the blend objective (the only one it acts on). */
export function showAlpha(p: Pick<ScenarioParams, 'objective' | 'blendAlpha'>, fmt: NumberFormat): void {
  byId('alpha-row', HTMLDivElement).hidden = p.objective !== 'blend';
  byId('po-blendAlpha', HTMLOutputElement).textContent = fmt.num(p.blendAlpha, 2);
}

/** α from its slider, within the shared limits (the current value when the slider says nothing usable). */
function alphaOf(current: number): number {
  const n = Number(byId('p-blendAlpha', HTMLInputElement).value);
  const L = SCENARIO_LIMITS.blendAlpha;
  return Number.isFinite(n) ? Math.min(L.max, Math.max(L.min, n)) : current;
}

/**
 * Whether the typed K is usable as it stands: a whole number within the shared limits (the server's schema).
 * Anything else (empty, a fraction, out of range) is clamped by `formToParams` and said next to the input.
 */
export function kIsValid(value: string): boolean {
  const n = Number(value);
  const L = SCENARIO_LIMITS.k;
  return value.trim() !== '' && Number.isInteger(n) && n >= L.min && n <= L.max;
}

/** Puts `p` into the form. */
export function paramsToForm(p: ScenarioParams, criteria: readonly CriterionView[], fmt: NumberFormat): void {
  for (const c of criteria) {
    const v = p.weights[c.id] ?? c.defaultWeight;
    byId(`w-${c.id}`, HTMLInputElement).value = String(v);
    showWeight(c.id, v, fmt);
  }
  byId('p-normalization', HTMLSelectElement).value = p.normalization;
  byId('p-method', HTMLSelectElement).value = p.method;
  byId('p-k', HTMLInputElement).value = String(p.k);
  byId('p-objective', HTMLSelectElement).value = p.objective;
  byId('p-minutes', HTMLInputElement).value = String(p.minutes);
  byId('p-travelModel', HTMLSelectElement).value = p.travelModel;
  byId('p-wishGate', HTMLInputElement).checked = p.wishGate;
  byId('p-blendAlpha', HTMLInputElement).value = String(p.blendAlpha);
  showAlpha(p, fmt);
  for (const [cls, rules] of [['dmin', p.districtMin], ['dmax', p.districtMax]] as const) {
    for (const input of districtInputs(cls)) {
      const v = rules[input.dataset.district ?? ''];
      input.value = v === undefined ? '' : String(v);
    }
  }
}

/** `builtin` or the id of an imported matrix (the options the page lists). */
const travelModelOf = (value: string): string | undefined => (value === 'builtin' || /^\d{1,9}$/.test(value) ? value : undefined);

const choice = <T extends string>(choices: readonly T[], value: string, fallback: T): T =>
  (choices as readonly string[]).includes(value) ? (value as T) : fallback;

function districtRules(cls: 'dmin' | 'dmax'): Record<string, number> {
  const rules: Record<string, number> = {};
  for (const input of districtInputs(cls)) {
    if (input.value !== '' && input.dataset.district) rules[input.dataset.district] = clampWhole(input.value, SCENARIO_LIMITS.districtCount, 0);
  }
  return rules;
}

/** The form's parameters over `current` (fields the form does not show, such as include/exclude, are kept). */
export function formToParams(current: ScenarioParams, criteria: readonly CriterionView[]): ScenarioParams {
  const weights = { ...current.weights };
  for (const c of criteria) weights[c.id] = Number(byId(`w-${c.id}`, HTMLInputElement).value);
  const L = SCENARIO_LIMITS;
  return {
    ...current,
    weights,
    normalization: choice(NORMALIZATIONS, byId('p-normalization', HTMLSelectElement).value, current.normalization),
    method: choice(AGGREGATIONS, byId('p-method', HTMLSelectElement).value, current.method),
    k: clampWhole(byId('p-k', HTMLInputElement).value, L.k, current.k),
    objective: choice(OBJECTIVES, byId('p-objective', HTMLSelectElement).value, current.objective),
    minutes: clampWhole(byId('p-minutes', HTMLInputElement).value, L.minutes, L.minutes.default),
    travelModel: travelModelOf(byId('p-travelModel', HTMLSelectElement).value) ?? current.travelModel,
    wishGate: byId('p-wishGate', HTMLInputElement).checked,
    blendAlpha: alphaOf(current.blendAlpha),
    districtMin: districtRules('dmin'),
    districtMax: districtRules('dmax'),
  };
}
