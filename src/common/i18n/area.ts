/**
 * How the catalogue is built: one area per part of the product (`workspace.ts`, `answers.ts`, …),
 * each a map from key to its text in bokmål and English side by side, so a text cannot exist in
 * one language only and a reader sees both at once. `merge` joins the areas and refuses a key that
 * two areas define.
 */

/** One text in both languages. */
export interface Texts {
  readonly nb: string;
  readonly en: string;
}

/** An area of the catalogue: key → texts. */
export type Area = Readonly<Record<string, Texts>>;

/** Declares an area (the identity, keeping the keys as literal types). */
export function area<const T extends Area>(entries: T): T {
  return entries;
}

/**
 * An area written as two dictionaries of the same keys, one per language (the letters' catalogue,
 * `letters.ts`, and any area kept that way).
 */
export function fromPair<K extends string>(nb: Readonly<Record<K, string>>, en: Readonly<Record<K, string>>): Readonly<Record<K, Texts>> {
  return Object.fromEntries((Object.keys(nb) as K[]).map((k) => [k, { nb: nb[k], en: en[k] }])) as Record<K, Texts>;
}

type Joined<T extends readonly Area[]> = (T[number] extends infer U ? (U extends Area ? (x: U) => void : never) : never) extends (x: infer I) => void ? I : never;

/**
 * Joins areas into one catalogue.
 * @throws Error naming the key when two areas define it
 */
export function merge<const T extends readonly Area[]>(...areas: T): Joined<T> {
  const out: Record<string, Texts> = {};
  for (const a of areas) {
    for (const [key, texts] of Object.entries(a)) {
      if (key in out) throw new Error(`i18n: the key "${key}" is defined in two areas`);
      out[key] = texts;
    }
  }
  return out as Joined<T>;
}
