import { refId, type EntityRecord, type EntitySetDef } from '../model/entity-model';
import { findEntitySet } from '../model/entity-sets';
import { MutationOrderIndex } from './mutation-order-index';
import { ValueIndex } from './value-index';

// Read once: in VM contexts (test runners) every global lookup is slow, and `put` runs per seeded record.
const parseDate = Date.parse;

interface IndexedKey {
  readonly index: ValueIndex;
  readonly read: (record: EntityRecord) => string | null;
}

/**
 * The records of one entity set of one tenant. Iteration order is creation order (stable for `$skip`
 * paging); secondary indexes cover the indexed fields and every navigation to a non-datastore set.
 */
export class EntityTable {
  private readonly rows = new Map<string, EntityRecord>();
  private readonly sequence = new Map<string, number>();
  private nextSequence = 0;
  private readonly indexes = new Map<string, ValueIndex>();
  private readonly indexedKeys: IndexedKey[] = [];
  readonly mutationOrder = new MutationOrderIndex();

  constructor(readonly def: EntitySetDef) {
    for (const field of def.fields) {
      if (!field.indexed) continue;
      this.addIndexedKey(field.name, (record) => {
        const value = record[field.name];
        return typeof value === 'string' ? value : null;
      });
      this.addIndexedKey(prefixKey(field.name), (record) => {
        const value = record[field.name];
        return typeof value === 'string' && value.length >= PREFIX_LENGTH ? textPrefix(value) : null;
      });
    }
    for (const field of def.fields) {
      const textField = field.indexedUnderPrefixOf;
      if (textField === undefined) continue;
      this.addIndexedKey(prefixWithKey(textField, field.name), (record) => {
        const text = record[textField];
        if (typeof text !== 'string' || text.length < PREFIX_LENGTH) return null;
        return prefixWithValue(textPrefix(text), record[field.name]);
      });
    }
    for (const navigation of def.navigations) {
      const indexed = navigation.targets.some((target) => !findEntitySet(target)?.isDatastore);
      if (indexed) this.addIndexedKey(navigation.name, (record) => refId(record[navigation.name]));
    }
  }

  get size(): number {
    return this.rows.size;
  }

  get(id: string): EntityRecord | undefined {
    return this.rows.get(id);
  }

  values(): IterableIterator<EntityRecord> {
    return this.rows.values();
  }

  /** Position in creation order; used to keep the default order when results come from an index. */
  sequenceOf(id: string): number {
    return this.sequence.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  isIndexed(key: string): boolean {
    return this.indexes.has(key);
  }

  /**
   * IDs whose indexed field starts with `text`, case-insensitively, and possibly more (the index keeps the
   * first characters only): a superset for `startswith`, which still runs on each candidate. Undefined when
   * the text is too short for the index.
   */
  lookupPrefix(field: string, text: string): ReadonlySet<string> | undefined {
    if (text.length < PREFIX_LENGTH || !this.indexes.has(prefixKey(field))) return undefined;
    return this.lookup(prefixKey(field), textPrefix(text));
  }

  /**
   * IDs whose `textField` starts with `text` (and possibly more, as {@link lookupPrefix}) and whose `field`
   * equals `value` (null: has none). Undefined when no such index exists or the text is too short for it.
   */
  lookupPrefixWith(
    textField: string,
    text: string,
    field: string,
    value: string | number | null,
  ): ReadonlySet<string> | undefined {
    const key = prefixWithKey(textField, field);
    if (text.length < PREFIX_LENGTH || !this.indexes.has(key)) return undefined;
    return this.lookup(key, prefixWithValue(textPrefix(text), value));
  }

  /** IDs whose indexed field (or navigation target ID) equals `value`. */
  lookup(key: string, value: string): ReadonlySet<string> {
    return this.indexes.get(key)?.get(value) ?? EMPTY;
  }

  /** Like {@link lookup}, one ID at a time: for the hot loops that would otherwise build a Set per value. */
  forEachLookup(key: string, value: string, fn: (id: string) => void): void {
    this.indexes.get(key)?.forEach(value, fn);
  }

  put(record: EntityRecord): void {
    const previous = this.rows.get(record.ID);
    if (previous) {
      for (const key of this.indexedKeys) this.unindex(key, previous);
    } else {
      this.sequence.set(record.ID, this.nextSequence++);
    }
    this.rows.set(record.ID, record);
    for (const key of this.indexedKeys) {
      const value = key.read(record);
      if (value !== null) key.index.add(value, record.ID);
    }
    this.mutationOrder.set(record.ID, parseDate(record.LastMutationDate));
  }

  delete(id: string): EntityRecord | undefined {
    const previous = this.rows.get(id);
    if (!previous) return undefined;
    for (const key of this.indexedKeys) this.unindex(key, previous);
    this.rows.delete(id);
    this.sequence.delete(id);
    this.mutationOrder.delete(id);
    return previous;
  }

  clear(): void {
    this.rows.clear();
    this.sequence.clear();
    this.nextSequence = 0;
    for (const index of this.indexes.values()) index.clear();
    this.mutationOrder.clear();
  }

  private addIndexedKey(name: string, read: IndexedKey['read']): void {
    const index = new ValueIndex();
    this.indexes.set(name, index);
    this.indexedKeys.push({ index, read });
  }

  private unindex(key: IndexedKey, record: EntityRecord): void {
    const value = key.read(record);
    if (value !== null) key.index.remove(value, record.ID);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** Enough for a Dutch postcode's digits or a name's start; `startswith` with fewer characters scans. */
const PREFIX_LENGTH = 4;
const prefixKey = (field: string) => `${field}^prefix`;
const textPrefix = (text: string) => text.slice(0, PREFIX_LENGTH).toLowerCase();
const prefixWithKey = (textField: string, field: string) => `${textField}^prefix+${field}`;
const prefixWithValue = (prefix: string, value: unknown) =>
  `${prefix}\u0000${value === null || value === undefined ? '' : `=${String(value)}`}`;
