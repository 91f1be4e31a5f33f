import type { z } from 'zod';
import { TribeInputError, TribeResponseError } from './errors';

/** A record of a collection that did not match its schema; the rest of the page is still usable. */
export interface RejectedRecord {
  /** The record's ID when it had a readable one. */
  readonly id: string | null;
  readonly error: TribeResponseError;
}

export interface ParsedCollection<T> {
  readonly items: T[];
  readonly rejected: RejectedRecord[];
  /** Rows in the response, valid or not: a page shorter than requested is the last one. */
  readonly size: number;
  /** Latest `LastMutationDate` among the rows, valid or not, for cursor paging. */
  readonly lastMutationDate?: string;
}

export function parseEntity<S extends z.ZodType>(schema: S, data: unknown, entitySet: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw toResponseError(result.error, entitySet, '');
}

/**
 * Validates a collection row by row, so one malformed record is reported on its own instead of failing the
 * page. A body that is not a collection at all is a TribeResponseError.
 */
export function parseCollection<S extends z.ZodType>(
  schema: S,
  data: unknown,
  entitySet: string,
): ParsedCollection<z.infer<S>> {
  const rows = (data as { value?: unknown } | null)?.value;
  if (!Array.isArray(rows)) throw new TribeResponseError(entitySet, 'value', 'expected an array of records');
  const items: z.infer<S>[] = [];
  const rejected: RejectedRecord[] = [];
  rows.forEach((row: unknown, index) => {
    const result = schema.safeParse(row);
    if (result.success) items.push(result.data);
    else
      rejected.push({
        id: readString(row, 'ID') ?? null,
        error: toResponseError(result.error, entitySet, `value.${index}`),
      });
  });
  const lastMutationDate = rows
    .map((row: unknown) => readString(row, 'LastMutationDate'))
    .reduce<string | undefined>(
      (latest, date) => (date && (!latest || Date.parse(date) > Date.parse(latest)) ? date : latest),
      undefined,
    );
  return { items, rejected, size: rows.length, lastMutationDate };
}

/** Validates caller input before it is sent; a bad value never costs an API call. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown, entitySet: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new TribeInputError(entitySet, issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
}

function toResponseError(error: z.ZodError, entitySet: string, prefix: string): TribeResponseError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return new TribeResponseError(entitySet, path, issue?.message ?? 'invalid');
}

function readString(row: unknown, key: string): string | undefined {
  const value = (row as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : undefined;
}
