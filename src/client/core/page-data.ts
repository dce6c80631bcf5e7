/**
 * Data the server renders into a page for its script: escaped JSON in the `data-json` attribute of a
 * hidden element (no inline script, so the content security policy allows none).
 */

/**
 * The parsed JSON of `#id`'s `data-json`, or `null` when the element is absent.
 * The type is the page's contract with its route; see `client/page-types.ts`.
 */
export function readPageData<T>(id = 'page-data'): T | null {
  const el = document.getElementById(id);
  const json = el?.dataset.json;
  return json ? (JSON.parse(json) as T) : null;
}
