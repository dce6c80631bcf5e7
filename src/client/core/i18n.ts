/**
 * Interface texts in the browser: the server sends the page's subset of its catalogue (see
 * `clientDictionary` in the workspace routes); `{name}` placeholders and `{name|one|other}` choices
 * are filled from `vars`. Pure.
 */
import { choosePlurals } from '../../common/i18n/plural';

export type Dictionary = Readonly<Record<string, string>>;
export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** A translate function over `dictionary`; an unknown key is returned as is (so it shows up in tests). */
export function translator(dictionary: Dictionary): Translate {
  return (key, vars) => {
    let s = dictionary[key] ?? key;
    if (vars) s = choosePlurals(s, vars);
    if (vars) for (const [name, value] of Object.entries(vars)) s = s.split(`{${name}}`).join(String(value));
    return s;
  };
}
