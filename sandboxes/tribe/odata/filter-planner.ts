import type { EntityRecord } from '../model/entity-model';
import type { EntityTable } from '../store/entity-table';
import type { TenantData } from '../store/tenant-data';
import type { TimeBound } from '../store/mutation-order-index';
import type { ComparisonOperator, FilterExpression, Literal, Operand } from './filter-ast';
import { compileFilter } from './filter-compiler';

/** Where the records that may match a filter come from; the full filter still runs on each candidate. */
export type CandidatePlan =
  | { readonly kind: 'ids'; readonly ids: ReadonlySet<string> }
  | { readonly kind: 'modified'; readonly lower?: TimeBound; readonly upper?: TimeBound }
  | { readonly kind: 'scan' };

const SCAN: CandidatePlan = { kind: 'scan' };

/**
 * Picks an index for a filter: `ID eq`, `Nav/ID eq` and `eq` on indexed fields use the hash indexes (and
 * `or` chains of them are united, which is how clients batch look-ups without `in`); `startswith` on an
 * indexed field, directly or through one navigation (`VisitingAddress/Postalcode`), uses the prefix index;
 * bounds on `LastMutationDate` use the mutation-order index; anything else scans.
 */
export function planCandidates(
  table: EntityTable,
  expression: FilterExpression,
  data?: TenantData,
): CandidatePlan {
  switch (expression.kind) {
    case 'logical':
      if (expression.operator === 'or') return planDisjunction(table, disjuncts(expression), data);
      return (
        planPrefixAndValues(table, expression) ??
        (data && planThroughNavigation(table, expression, data)) ??
        intersect(planCandidates(table, expression.left, data), planCandidates(table, expression.right, data))
      );
    case 'comparison':
      return planComparison(table, expression.operator, expression.left, expression.right);
    case 'function':
      return expression.name === 'startswith' ? planStartsWith(table, expression, data) : SCAN;
    default:
      return SCAN;
  }
}

/**
 * A condition whose every path goes through one navigation (`startswith(VisitingAddress/Postalcode,'1234')
 * and VisitingAddress/HouseNumber eq 5`) is run on the target records, and only those that match lead back
 * to the records referring to them. Without it, every record of a crowded postcode area is resolved through
 * its navigation and tested, which grows with the tenant. Only taken when a conjunct needs the target to
 * exist (a `startswith` or an `eq` with a value), so a record without one could not have matched anyway.
 */
function planThroughNavigation(
  table: EntityTable,
  expression: FilterExpression,
  data: TenantData,
): CandidatePlan | undefined {
  const navigation = sharedNavigation(expression);
  if (!navigation || !table.isIndexed(navigation)) return undefined;
  const targets = table.def.navigationsByName.get(navigation)?.targets ?? [];
  const [target] = targets;
  if (targets.length !== 1 || target === undefined) return undefined;
  if (!conjuncts(expression).some(needsTarget)) return undefined;
  const targetTable = data.table(target);
  const onTarget = withoutFirstSegment(expression);
  const plan = planCandidates(targetTable, onTarget, data);
  if (plan.kind !== 'ids') return undefined;
  let matches: (record: EntityRecord) => boolean;
  try {
    matches = compileFilter(data, targetTable.def, onTarget);
  } catch {
    return undefined; // the filter is wrong for this set; the full compile reports it
  }
  const ids = new Set<string>();
  const add = (id: string) => ids.add(id);
  for (const targetId of plan.ids) {
    const record = targetTable.get(targetId);
    if (record && matches(record)) table.forEachLookup(navigation, targetId, add);
  }
  return { kind: 'ids', ids };
}

/**
 * `startswith(Postalcode,'1234') and (HouseNumber eq 5 or HouseNumber eq null)`: read from the index that keeps
 * a field's values under a text field's first characters, instead of testing every record of the area.
 */
function planPrefixAndValues(table: EntityTable, expression: FilterExpression): CandidatePlan | undefined {
  const parts = conjuncts(expression);
  for (const part of parts) {
    if (part.kind !== 'function' || part.name !== 'startswith') continue;
    const [subject, prefix] = part.args;
    const [textField] = subject.kind === 'path' ? subject.segments : [];
    if (subject.kind !== 'path' || subject.segments.length !== 1 || textField === undefined) continue;
    if (prefix.kind !== 'literal' || prefix.literal.type !== 'string') continue;
    const text = prefix.literal.value;
    for (const other of parts) {
      const equalities = equalityChain(other);
      if (!equalities) continue;
      const ids = new Set<string>();
      for (const value of equalities.values) {
        const hits = table.lookupPrefixWith(textField, text, equalities.field, value);
        if (!hits) return undefined;
        hits.forEach((id) => ids.add(id));
      }
      return { kind: 'ids', ids };
    }
  }
  return undefined;
}

/** `F eq 1 or F eq 2 or F eq null` (or one of them) on one field of the record itself: the field and values. */
function equalityChain(
  expression: FilterExpression,
): { field: string; values: Array<number | null> } | undefined {
  let field: string | undefined;
  const values: Array<number | null> = [];
  for (const part of disjuncts(expression)) {
    if (part.kind !== 'comparison' || part.operator !== 'eq') return undefined;
    const [path, value] = part.left.kind === 'path' ? [part.left, part.right] : [part.right, part.left];
    if (path.kind !== 'path' || path.segments.length !== 1 || value.kind !== 'literal') return undefined;
    const [name] = path.segments;
    if (name === undefined || (field !== undefined && name !== field)) return undefined;
    field = name;
    if (value.literal.type === 'null') values.push(null);
    else if (value.literal.type === 'number') values.push(value.literal.value);
    else return undefined;
  }
  return field === undefined ? undefined : { field, values };
}

/** The first segment every path of the expression starts with, when all have one more after it. */
function sharedNavigation(expression: FilterExpression): string | undefined {
  let shared: string | undefined;
  let consistent = true;
  forEachOperand(expression, (operand) => {
    if (operand.kind !== 'path') return;
    const [first] = operand.segments;
    if (operand.segments.length < 2 || first === undefined || (shared !== undefined && first !== shared))
      consistent = false;
    shared ??= first;
  });
  return consistent ? shared : undefined;
}

function forEachOperand(expression: FilterExpression, fn: (operand: Operand) => void): void {
  switch (expression.kind) {
    case 'logical':
      forEachOperand(expression.left, fn);
      forEachOperand(expression.right, fn);
      return;
    case 'not':
      forEachOperand(expression.operand, fn);
      return;
    case 'comparison':
      fn(expression.left);
      fn(expression.right);
      return;
    case 'function':
      expression.args.forEach(fn);
      return;
    case 'value':
      fn(expression.operand);
  }
}

function conjuncts(expression: FilterExpression): FilterExpression[] {
  if (expression.kind === 'logical' && expression.operator === 'and')
    return [...conjuncts(expression.left), ...conjuncts(expression.right)];
  return [expression];
}

/** False for a record whose navigation is empty: a string function, or `eq` with a value that is not null. */
function needsTarget(expression: FilterExpression): boolean {
  if (expression.kind === 'function') return true;
  if (expression.kind !== 'comparison' || expression.operator !== 'eq') return false;
  const literal = [expression.left, expression.right].find((operand) => operand.kind === 'literal');
  return literal?.kind === 'literal' && literal.literal.type !== 'null';
}

function withoutFirstSegment(expression: FilterExpression): FilterExpression {
  const strip = (operand: Operand): Operand =>
    operand.kind === 'path' ? { kind: 'path', segments: operand.segments.slice(1) } : operand;
  switch (expression.kind) {
    case 'logical':
      return {
        ...expression,
        left: withoutFirstSegment(expression.left),
        right: withoutFirstSegment(expression.right),
      };
    case 'not':
      return { kind: 'not', operand: withoutFirstSegment(expression.operand) };
    case 'comparison':
      return { ...expression, left: strip(expression.left), right: strip(expression.right) };
    case 'function':
      return { ...expression, args: [strip(expression.args[0]), strip(expression.args[1])] };
    case 'value':
      return { kind: 'value', operand: strip(expression.operand) };
  }
}

/** `startswith` on an indexed field uses its prefix index; through a navigation, the target's (see below). */
function planStartsWith(
  table: EntityTable,
  expression: Extract<FilterExpression, { kind: 'function' }>,
  data: TenantData | undefined,
): CandidatePlan {
  const [subject, prefix] = expression.args;
  if (subject.kind !== 'path' || prefix.kind !== 'literal' || prefix.literal.type !== 'string') return SCAN;
  const [field] = subject.segments;
  if (field === undefined) return SCAN;
  if (subject.segments.length > 1) return (data && planThroughNavigation(table, expression, data)) ?? SCAN;
  const ids = table.lookupPrefix(field, prefix.literal.value);
  return ids ? { kind: 'ids', ids } : SCAN;
}

function planComparison(
  table: EntityTable,
  operator: ComparisonOperator,
  left: Operand,
  right: Operand,
): CandidatePlan {
  if (left.kind === 'literal' && right.kind === 'path')
    return planComparison(table, flip(operator), right, left);
  if (left.kind !== 'path' || right.kind !== 'literal') return SCAN;
  const { segments } = left;
  const { literal } = right;
  if (segments.length === 1 && segments[0] === 'LastMutationDate' && literal.type === 'datetime') {
    return planMutationRange(operator, literal.value);
  }
  if (operator !== 'eq') return SCAN;
  return planEquality(table, segments, literal);
}

function planEquality(table: EntityTable, segments: readonly string[], literal: Literal): CandidatePlan {
  const [first, second] = segments;
  if (first === undefined) return SCAN;
  if (segments.length === 1 && first === 'ID' && literal.type === 'guid') {
    return { kind: 'ids', ids: table.get(literal.value) ? new Set([literal.value]) : new Set() };
  }
  if (segments.length === 1 && literal.type === 'string' && table.isIndexed(first)) {
    return { kind: 'ids', ids: table.lookup(first, literal.value) };
  }
  if (segments.length === 2 && second === 'ID' && literal.type === 'guid' && table.isIndexed(first)) {
    return { kind: 'ids', ids: table.lookup(first, literal.value) };
  }
  return SCAN;
}

function planMutationRange(operator: ComparisonOperator, ms: number): CandidatePlan {
  switch (operator) {
    case 'gt':
      return { kind: 'modified', lower: { ms, inclusive: false } };
    case 'ge':
      return { kind: 'modified', lower: { ms, inclusive: true } };
    case 'lt':
      return { kind: 'modified', upper: { ms, inclusive: false } };
    case 'le':
      return { kind: 'modified', upper: { ms, inclusive: true } };
    case 'eq':
      return { kind: 'modified', lower: { ms, inclusive: true }, upper: { ms, inclusive: true } };
    case 'ne':
      return SCAN;
  }
}

function flip(operator: ComparisonOperator): ComparisonOperator {
  const flipped: Record<ComparisonOperator, ComparisonOperator> = {
    eq: 'eq',
    ne: 'ne',
    gt: 'lt',
    ge: 'le',
    lt: 'gt',
    le: 'ge',
  };
  return flipped[operator];
}

function intersect(left: CandidatePlan, right: CandidatePlan): CandidatePlan {
  if (left.kind === 'ids' && right.kind === 'ids') return left.ids.size <= right.ids.size ? left : right;
  if (left.kind === 'ids') return left;
  if (right.kind === 'ids') return right;
  if (left.kind === 'modified' && right.kind === 'modified') {
    return {
      kind: 'modified',
      lower: tighter(left.lower, right.lower, (a, b) => a.ms > b.ms || (a.ms === b.ms && !a.inclusive)),
      upper: tighter(left.upper, right.upper, (a, b) => a.ms < b.ms || (a.ms === b.ms && !a.inclusive)),
    };
  }
  if (left.kind === 'modified') return left;
  return right;
}

function tighter(
  a: TimeBound | undefined,
  b: TimeBound | undefined,
  isTighter: (a: TimeBound, b: TimeBound) => boolean,
): TimeBound | undefined {
  if (!a) return b;
  if (!b) return a;
  return isTighter(a, b) ? a : b;
}

/** The disjuncts of an `or` chain, however it is nested, in their order. */
function disjuncts(expression: FilterExpression): FilterExpression[] {
  const parts: FilterExpression[] = [];
  const pending = [expression];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.kind === 'logical' && next.operator === 'or') pending.push(next.right, next.left);
    else parts.push(next);
  }
  return parts;
}

/** Candidates of one disjunct worth testing against that disjunct alone before they join the others. */
const NARROW_ABOVE = 4;

/**
 * An `or` chain unites its disjuncts' candidates, and scans if one of them does. Where a disjunct's index
 * gives a wider set than it matches (an area of a postcode look-up), the set is first narrowed by that
 * disjunct alone, so each record is not tested against every other disjunct of a long chain.
 */
function planDisjunction(
  table: EntityTable,
  parts: readonly FilterExpression[],
  data: TenantData | undefined,
): CandidatePlan {
  const ids = new Set<string>();
  for (const part of parts) {
    const plan = planCandidates(table, part, data);
    if (plan.kind !== 'ids') return SCAN;
    const narrow =
      data && parts.length > 1 && plan.ids.size > NARROW_ABOVE
        ? compileFilter(data, table.def, part)
        : undefined;
    for (const id of plan.ids) {
      if (narrow) {
        const record = table.get(id);
        if (!record || !narrow(record)) continue;
      }
      ids.add(id);
    }
  }
  return { kind: 'ids', ids };
}
