import { displayName } from '../model/display-name';
import type { EntityRecord, EntitySetDef } from '../model/entity-model';
import type { TenantData } from '../store/tenant-data';
import { deriveFields } from './derived-fields';
import type { MutationEvent } from './mutation-event';
import { existingRecord, planWrite, type RecordWrite } from './write-plan';

/**
 * Applies validated writes to a tenant's tables: stamps IDs and dates (every record written gets its own,
 * strictly later `LastMutationDate`), recomputes derived values and announces each change.
 */
export class EntityWriter {
  constructor(
    private readonly data: TenantData,
    private readonly emit: (event: MutationEvent) => void,
  ) {}

  /** `id` lets direct (non-API) writers choose the new record's ID. */
  create(def: EntitySetDef, body: unknown, id?: string): EntityRecord {
    return this.apply(planWrite(this.data, def, body, undefined, id));
  }

  update(def: EntitySetDef, id: unknown, body: unknown): EntityRecord {
    return this.apply(planWrite(this.data, def, body, existingRecord(this.data, def, id)));
  }

  /** `POST` semantics: a body with an `ID` updates that record, one without creates a new record. */
  upsert(def: EntitySetDef, body: unknown): { record: EntityRecord; created: boolean } {
    const id = isObject(body) ? body.ID : undefined;
    if (id === undefined || id === null) return { record: this.create(def, body), created: true };
    return { record: this.update(def, id, body), created: false };
  }

  remove(def: EntitySetDef, id: unknown): void {
    const record = existingRecord(this.data, def, id);
    this.data.table(def.name).delete(record.ID);
    this.emit({
      type: 'EntityDeletionMutation',
      entityType: def.typeName,
      entitySet: def.name,
      entityId: record.ID,
      timestamp: this.data.clock.next(),
    });
  }

  private apply(write: RecordWrite): EntityRecord {
    for (const child of write.children) this.apply(child);
    const timestamp = this.data.clock.next();
    const { def, existing, values } = write;
    const record: EntityRecord = {
      ...existing,
      ...values,
      ID: write.id,
      _Type: def.typeName,
      CreationDate: existing?.CreationDate ?? timestamp,
      LastMutationDate: timestamp,
      IsActive: values.IsActive ?? existing?.IsActive ?? true,
    };
    record._Name = displayName(def, record);
    deriveFields(this.data, def.name, record, values);
    this.data.table(def.name).put(record);
    this.emit({
      type: existing ? 'EntityUpdateMutation' : 'EntityCreationMutation',
      entityType: def.typeName,
      entitySet: def.name,
      entityId: record.ID,
      timestamp,
    });
    return record;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
