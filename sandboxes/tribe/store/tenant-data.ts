import type { EntityRecord, EntitySetDef, NavigationDef } from '../model/entity-model';
import { ENTITY_SETS } from '../model/entity-sets';
import { EntityTable } from './entity-table';
import { MutationClock } from './mutation-clock';

export interface LocatedRecord {
  readonly table: EntityTable;
  readonly record: EntityRecord;
}

/** All entity tables of one tenant plus the clock that stamps its writes. */
export class TenantData {
  readonly clock = new MutationClock();
  private readonly tables = new Map<string, EntityTable>(
    ENTITY_SETS.map((def) => [def.name, new EntityTable(def)]),
  );

  table(setName: string): EntityTable {
    const table = this.tables.get(setName);
    if (!table) throw new Error(`Unknown entity set ${setName}`);
    return table;
  }

  allTables(): IterableIterator<EntityTable> {
    return this.tables.values();
  }

  /** The record a navigation reference points at, looked up in each of the navigation's target sets. */
  resolve(navigation: NavigationDef, id: string): LocatedRecord | undefined {
    for (const target of navigation.targets) {
      const table = this.table(target);
      const record = table.get(id);
      if (record) return { table, record };
    }
    return undefined;
  }

  /** The definitions a navigation may lead to (one, or several for polymorphic links). */
  targetDefs(navigation: NavigationDef): EntitySetDef[] {
    return navigation.targets.map((target) => this.table(target).def);
  }

  /** A datastore row by its `Code`, e.g. the invoice phase `Sent`. */
  findByCode(setName: string, code: string): EntityRecord | undefined {
    const table = this.table(setName);
    const [id] = table.lookup('Code', code);
    return id === undefined ? undefined : table.get(id);
  }

  clear(): void {
    for (const table of this.tables.values()) table.clear();
  }
}
