/**
 * Canonical JSON: object keys sorted at every level, arrays in their order, `undefined` members left out, so equal
 * values give equal text on any machine. The input hash of a shortlist (`shortlist/input-hash.ts`) and the input key
 * of a stored proposal (`planning/proposal-key.ts`) hash this text.
 */

/** JSON with object keys sorted recursively (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
