/**
 * The kommunenummer: a Norwegian municipality's four-digit number in the 2024 structure (SSB's
 * classification 131, e.g. `0301` Oslo, `5601` Alta). One definition for every edge: the API, the
 * forms, the CLI, the data files and the letters read it with `kommunenummerField`
 * (`common/fields.ts`), built on the pattern here; the browser uses the pattern directly.
 *
 * `Kommunenummer` is a branded string: a plain string becomes one only through the schema, the type
 * guard, or a data-access module reading a column that was checked when it was written. It is still a
 * string, so the engine (which imports nothing) takes it as an ordinary id.
 *
 * Imports nothing, so the browser bundles may use it.
 */

/** A checked kommunenummer. */
export type Kommunenummer = string & { readonly __brand: 'Kommunenummer' };

/** Four digits, nothing else. */
export const KOMMUNENUMMER_PATTERN = /^\d{4}$/;

/** Whether a value is a well-formed kommunenummer (four digits; not whether the municipality exists). */
export function isKommunenummer(value: unknown): value is Kommunenummer {
  return typeof value === 'string' && KOMMUNENUMMER_PATTERN.test(value);
}

/**
 * A kommunenummer from a trusted source (a column checked on write, a constant in a test).
 * @throws Error naming the value when it is not four digits (a programmer error: edges use the schema)
 */
export function kommunenummer(value: string): Kommunenummer {
  if (!isKommunenummer(value)) throw new Error(`not a kommunenummer: "${value}" (four digits expected)`);
  return value;
}
