/**
 * How a handler reads its input: one schema per input (path parameter, query, body), parsed here;
 * a refusal is a `ZodValidationError` that the error middleware answers (400, each field named in the
 * user's language). Handlers keep no try/catch of their own.
 */
import type { z } from 'zod';
import { ZodValidationError } from '../common/errors';
import { kommunenummerField } from '../common/fields';
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
