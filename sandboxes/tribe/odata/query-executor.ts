import type { EntityRecord } from '../model/entity-model';
import type { EntityTable } from '../store/entity-table';
import type { TenantData } from '../store/tenant-data';
import { compileFilter } from './filter-compiler';
import { planCandidates, type CandidatePlan } from './filter-planner';
import { compilePath } from './property-path';
import type { OrderKey, QueryOptions } from './query-options';

/** Largest page the server returns; a larger (or missing) `$top` is capped to it. */
export const MAX_PAGE_SIZE = 1000;

export interface QueryResult {
  readonly rows: EntityRecord[];
  readonly count?: number;
}

/**
 * Evaluates filter, order and paging over one table. Default order is creation order, which stays stable
 * under updates so `$skip` paging neither repeats nor skips rows. Ordering by `LastMutationDate` alone
 * streams from the mutation-order index and stops at the page end unless `$count` asks for the total.
 */
export function runQuery(
  data: TenantData,
  table: EntityTable,
  options: QueryOptions,
  restrictTo?: ReadonlySet<string>,
): QueryResult {
  const predicate = options.filter ? compileFilter(data, table.def, options.filter) : () => true;
  const plan: CandidatePlan = restrictTo
    ? { kind: 'ids', ids: restrictTo }
    : options.filter
      ? planCandidates(table, options.filter, data)
      : { kind: 'scan' };
  const limit = Math.min(options.top ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const rows: EntityRecord[] = [];
  let matched = 0;
  for (const record of orderedCandidates(data, table, plan, options.orderby, predicate)) {
    if (!predicate(record)) continue;
    matched++;
    if (matched > options.skip && rows.length < limit) rows.push(record);
    else if (rows.length >= limit && !options.count) break;
  }
  return options.count ? { rows, count: matched } : { rows };
}

function orderedCandidates(
  data: TenantData,
  table: EntityTable,
  plan: CandidatePlan,
  orderby: readonly OrderKey[],
  predicate: (record: EntityRecord) => boolean,
): Iterable<EntityRecord> {
  const [firstKey] = orderby;
  if (orderby.length === 1 && firstKey && isMutationDate(firstKey)) {
    return byMutationDate(table, plan, firstKey.descending);
  }
  if (orderby.length === 0) return inCreationOrder(table, plan);
  const matching = [...candidates(table, plan)].filter(predicate);
  return sortRecords(data, table, matching, orderby);
}

function isMutationDate(key: OrderKey): boolean {
  return key.segments.length === 1 && key.segments[0] === 'LastMutationDate';
}

function* byMutationDate(
  table: EntityTable,
  plan: CandidatePlan,
  descending: boolean,
): Generator<EntityRecord> {
  if (plan.kind === 'ids') {
    const records = recordsOf(table, plan.ids).sort(
      (a, b) => Date.parse(a.LastMutationDate) - Date.parse(b.LastMutationDate),
    );
    if (descending) records.reverse();
    yield* records;
    return;
  }
  const lower = plan.kind === 'modified' ? plan.lower : undefined;
  const upper = plan.kind === 'modified' ? plan.upper : undefined;
  for (const id of table.mutationOrder.range(lower, upper, descending)) {
    const record = table.get(id);
    if (record) yield record;
  }
}

function inCreationOrder(table: EntityTable, plan: CandidatePlan): Iterable<EntityRecord> {
  if (plan.kind === 'scan') return table.values();
  const records = [...candidates(table, plan)];
  if (plan.kind === 'modified' && records.length > table.size / 2) return table.values();
  return records.sort((a, b) => table.sequenceOf(a.ID) - table.sequenceOf(b.ID));
}

function candidates(table: EntityTable, plan: CandidatePlan): Iterable<EntityRecord> {
  switch (plan.kind) {
    case 'ids':
      return recordsOf(table, plan.ids);
    case 'modified':
      return byMutationDate(table, plan, false);
    case 'scan':
      return table.values();
  }
}

function recordsOf(table: EntityTable, ids: ReadonlySet<string>): EntityRecord[] {
  const records: EntityRecord[] = [];
  for (const id of ids) {
    const record = table.get(id);
    if (record) records.push(record);
  }
  return records;
}

function sortRecords(
  data: TenantData,
  table: EntityTable,
  records: EntityRecord[],
  orderby: readonly OrderKey[],
): EntityRecord[] {
  const keys = orderby.map((key) => {
    const path = compilePath(data, table.def, key.segments);
    const read = path.kind === 'datetime' ? (r: EntityRecord) => toEpoch(path.read(r)) : path.read;
    return { read, direction: key.descending ? -1 : 1 };
  });
  const decorated = records.map((record) => ({
    record,
    values: keys.map((key) => key.read(record)),
    sequence: table.sequenceOf(record.ID),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compareNullsFirst(a.values[i], b.values[i]);
      if (order !== 0) return order * (keys[i] as { direction: number }).direction;
    }
    return a.sequence - b.sequence;
  });
  return decorated.map((entry) => entry.record);
}

function compareNullsFirst(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? -1 : 1;
  const x = a as string | number | boolean;
  const y = b as string | number | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}

function toEpoch(value: unknown): number | null {
  return typeof value === 'string' ? Date.parse(value) : null;
}
