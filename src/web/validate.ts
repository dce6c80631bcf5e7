/**
 * How a handler reads its input: one schema per input (path parameter, query, body), parsed here;
 * a refusal is a `ZodValidationError` that the error middleware answers (400, each field named in the
 * user's language). Handlers keep no try/catch of their own.
 */
import { ZodError, ZodIssueCode, type z, type ZodIssue } from 'zod';
import { ZodValidationError } from '../common/errors';
import { kommunenummerField, shown } from '../common/fields';
import type { MessageKey } from '../common/i18n';
import type { Kommunenummer } from '../common/kommunenummer';

/**
 * Parses one input with its schema.
 * @param where prefix of the field names in the message (`params.`, `kommunenummer: `)
 * @throws ZodValidationError naming each offending field
 */
export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

/** A kommunenummer path parameter, read with the one kommunenummer schema. @throws ZodValidationError */
export function kommunenummerParam(value: unknown): Kommunenummer {
  return parse(kommunenummerField, value, 'kommunenummer: ');
}

/** The first `max` items joined, and how many more: `a, b, c … (+4)`. */
const firstFew = (items: readonly string[], max = 5): string =>
  items.length > max ? `${items.slice(0, max).map(shown).join(', ')} … (+${items.length - max})` : items.map(shown).join(', ');

/**
 * Refuses a list of ids that names ids which do not exist or names one twice, instead of ignoring them: one 400
 * naming the field and the first few offending ids, in the reader's language (`unknownKey`, `v.duplicates`).
 * @param field the field's name in the message (`sites`)
 * @param isKnown whether an id exists
 * @param unknownKey the catalogue text for unknown ids, with `{list}`
 * @throws ZodValidationError
 */
export function checkIdList(field: string, ids: readonly string[], isKnown: (id: string) => boolean, unknownKey: MessageKey): void {
  const issue = (key: MessageKey, list: readonly string[]): ZodIssue =>
    ({ code: ZodIssueCode.custom, path: [field], message: key, params: { key, values: { list: firstFew(list) } } });
  const issues: ZodIssue[] = [];
  const unknown = [...new Set(ids.filter((id) => !isKnown(id)))];
  if (unknown.length) issues.push(issue(unknownKey, unknown));
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length) issues.push(issue('v.duplicates', repeated));
  if (issues.length) throw new ZodValidationError(new ZodError(issues));
}
