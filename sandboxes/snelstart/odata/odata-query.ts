import type { ModelSchema } from '../model/field-schema';
import type { Collection, WireRecord } from '../store/collection';
import { compileFilter, resolveProperty, type CompiledFilter } from './filter-compiler';
import { parseFilter } from './filter-parser';
import { ODataQueryError } from './odata-error';

/** What an OData endpoint filters over and how many rows one page may hold (the spec's `$top` maximum). */
export interface ODataEndpoint {
  model: ModelSchema;
  maxTop: number;
}

export interface ODataQuery {
  top: number;
  skip: number;
  filterText?: string;
  filter?: CompiledFilter;
  select?: string[];
}

/** Reads `$top`, `$skip`, `$filter` and `$select`; other query options are ignored like SnelStart does. */
export function parseODataQuery(params: Record<string, unknown>, endpoint: ODataEndpoint): ODataQuery {
  const top = integerOption(params, '$top') ?? endpoint.maxTop;
  if (top > endpoint.maxTop) {
    throw new ODataQueryError(
      `The limit of '${endpoint.maxTop}' for Top query has been exceeded. The value from the incoming request is '${top}'.`,
    );
  }
  const skip = integerOption(params, '$skip') ?? 0;
  const filterText = singleOption(params, '$filter');
  const selectText = singleOption(params, '$select');
  return {
    top,
    skip,
    filterText,
    filter: filterText === undefined ? undefined : compileFilter(parseFilter(filterText), endpoint.model),
    select: selectText === undefined ? undefined : parseSelect(selectText, endpoint.model),
  };
}

/** One page of `collection` in insertion order. */
export function runODataQuery(collection: Collection, query: ODataQuery): WireRecord[] {
  return matchingRows(collection, query).slice(query.skip, query.skip + query.top);
}

/** Keeps only the `$select`ed fields of each row (all of them without `$select`). */
export function projectSelect(
  rows: Record<string, unknown>[],
  select: string[] | undefined,
): Record<string, unknown>[] {
  if (!select) return rows;
  return rows.map((row) => Object.fromEntries(select.map((name) => [name, row[name] ?? null])));
}

function matchingRows(collection: Collection, query: ODataQuery): WireRecord[] {
  const filter = query.filter;
  if (!filter) return collection.memo('', () => Array.from(collection.values()));
  const indexed = filter.equalities.find((term) => collection.hasIndex(term.path));
  if (indexed) return collection.lookup(indexed.path, indexed.value).filter(filter.matches);
  return collection.memo(`$filter=${query.filterText}`, () => {
    const rows: WireRecord[] = [];
    for (const row of collection.values()) if (filter.matches(row)) rows.push(row);
    return rows;
  });
}

function parseSelect(text: string, model: ModelSchema): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      if (name === '*') throw new ODataQueryError('$select=* wordt niet ondersteund; noem de velden.');
      return resolveProperty(model, name).field;
    });
}

function singleOption(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new ODataQueryError(`Query option '${name}' was specified more than once.`);
  return value;
}

function integerOption(params: Record<string, unknown>, name: string): number | undefined {
  const text = singleOption(params, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) {
    throw new ODataQueryError(`Invalid value '${text}' for ${name} query option found.`);
  }
  return Number(text);
}
