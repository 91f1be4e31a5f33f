import type { FilterExpression } from './filter-ast';
import { parseFilter } from './filter-parser';
import { invalidQuery } from './odata-error';

export interface OrderKey {
  readonly segments: readonly string[];
  readonly descending: boolean;
}

export interface ExpandItem {
  readonly name: string;
  readonly options: QueryOptions;
}

export interface QueryOptions {
  readonly filter?: FilterExpression;
  /** Undefined means every property. */
  readonly select?: readonly string[];
  readonly expand: readonly ExpandItem[];
  readonly orderby: readonly OrderKey[];
  readonly top?: number;
  readonly skip: number;
  readonly count: boolean;
}

const TOP_LEVEL_OPTIONS = new Set([
  '$filter',
  '$select',
  '$expand',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$format',
]);
const NESTED_OPTIONS = new Set(['$filter', '$select', '$expand', '$orderby', '$top', '$skip']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ORDER_KEY = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?: +(asc|desc))?$/;

/** Parses the system query options of a request (syntax only; names are checked against the schema later). */
export function parseQueryOptions(parameters: ReadonlyMap<string, string>): QueryOptions {
  for (const key of parameters.keys()) {
    if (key.startsWith('$') && !TOP_LEVEL_OPTIONS.has(key)) {
      throw invalidQuery(`Query option '${key}' is not supported`);
    }
  }
  const format = parameters.get('$format');
  if (format !== undefined && format !== 'json') throw invalidQuery(`$format '${format}' is not supported`);
  return buildOptions(parameters);
}

function buildOptions(parameters: ReadonlyMap<string, string>): QueryOptions {
  const filter = parameters.get('$filter');
  const select = parameters.get('$select');
  const expand = parameters.get('$expand');
  const orderby = parameters.get('$orderby');
  const top = parameters.get('$top');
  const skip = parameters.get('$skip');
  const count = parameters.get('$count');
  if (count !== undefined && count !== 'true' && count !== 'false') {
    throw invalidQuery(`$count must be true or false, got '${count}'`);
  }
  return {
    filter: filter === undefined ? undefined : parseFilter(filter),
    select: select === undefined ? undefined : parseSelect(select),
    expand: expand === undefined ? [] : parseExpand(expand),
    orderby: orderby === undefined ? [] : parseOrderBy(orderby),
    top: top === undefined ? undefined : parseCount('$top', top),
    skip: skip === undefined ? 0 : parseCount('$skip', skip),
    count: count === 'true',
  };
}

function parseSelect(text: string): string[] | undefined {
  const names = splitTopLevel(text, ',').map((name) => name.trim());
  if (names.includes('*')) return undefined;
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw invalidQuery(`Invalid property '${name}' in $select`);
  }
  return names;
}

function parseExpand(text: string): ExpandItem[] {
  return splitTopLevel(text, ',').map((item) => parseExpandItem(item.trim()));
}

function parseExpandItem(item: string): ExpandItem {
  const open = item.indexOf('(');
  const name = open < 0 ? item : item.slice(0, open);
  if (!IDENTIFIER.test(name)) throw invalidQuery(`Invalid navigation '${item}' in $expand`);
  if (open < 0) return { name, options: buildOptions(new Map()) };
  if (!item.endsWith(')')) throw invalidQuery(`Unbalanced parentheses in $expand item '${item}'`);
  const nested = new Map<string, string>();
  for (const part of splitTopLevel(item.slice(open + 1, -1), ';')) {
    const equals = part.indexOf('=');
    const key = part.slice(0, equals < 0 ? part.length : equals).trim();
    if (equals < 0 || !NESTED_OPTIONS.has(key))
      throw invalidQuery(`Option '${part}' is not supported inside $expand`);
    if (nested.has(key)) throw invalidQuery(`Option '${key}' is given twice inside $expand(${name})`);
    nested.set(key, part.slice(equals + 1));
  }
  return { name, options: buildOptions(nested) };
}

function parseOrderBy(text: string): OrderKey[] {
  return splitTopLevel(text, ',').map((part) => {
    const match = ORDER_KEY.exec(part.trim());
    if (!match) throw invalidQuery(`Invalid $orderby item '${part}'`);
    return { segments: (match[1] as string).split('/'), descending: match[2] === 'desc' };
  });
}

function parseCount(option: string, text: string): number {
  if (!/^\d+$/.test(text)) throw invalidQuery(`${option} must be a non-negative integer, got '${text}'`);
  return Number(text);
}

/** Splits on `separator` where it is outside quotes and parentheses. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw invalidQuery(`Unbalanced parentheses in '${text}'`);
  }
  if (depth !== 0 || quoted) throw invalidQuery(`Unbalanced parentheses or quotes in '${text}'`);
  parts.push(text.slice(start));
  return parts;
}
