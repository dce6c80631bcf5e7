/**
 * Singular or plural in a message: `{n|kommune|kommuner}` is the first form when the value of `n` is 1 and the
 * second otherwise, so "{n} {n|vurdering|vurderinger}" reads «1 vurdering» and «2 vurderinger». In both
 * bokmål and English (CLDR cardinal rules) only the number 1 takes the singular. The value may be the number
 * or its formatted text (`formatNumber` writes 1 as "1" in both languages). Pure, no imports: the server's
 * catalogue and the browser's translator use the same function.
 */

const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;

/** Whether a count (a number or its formatted text) takes the singular: exactly 1. */
export function isSingular(value: string | number): boolean {
  return typeof value === 'number' ? value === 1 : value.trim() === '1';
}

/**
 * Replaces each `{name|one|other}` of `template` by `one` when `params[name]` is 1, else by `other`; a choice
 * whose name is not in `params` is left as it is (as unknown `{name}` placeholders are).
 */
export function choosePlurals(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(PLURAL, (m, name: string, one: string, other: string) =>
    (Object.prototype.hasOwnProperty.call(params, name) ? (isSingular(params[name]) ? one : other) : m));
}
