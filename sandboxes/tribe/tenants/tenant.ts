import { timingSafeEqual } from 'node:crypto';
import {
  finalizeActivity,
  LINK_SALES_ORDER,
  SEND_INVOICE,
  type FinalizeOptions,
  type FinalizeResult,
} from '../documents/finalize-activity';
import { refId } from '../model/entity-model';
import { findEntitySet, IDENTITY_SET } from '../model/entity-sets';
import { dumpTenantData } from '../store/seed-dump';
import type { TribeSeed } from '../store/seed-format';
import { loadSeed } from '../store/seed-loader';
import { TenantData } from '../store/tenant-data';
import { WebhookRegistry } from '../webhooks/webhook-registry';
import { EntityWriter } from '../writes/entity-writer';
import type { MutationEvent } from '../writes/mutation-event';

export interface TenantSetup {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Name of the tenant's own organisation when the seed has no identity. */
  readonly ownOrganizationName?: string;
  readonly seed?: TribeSeed;
}

/** Direct, in-memory access to one sandbox tenant (one Tribe environment). */
export interface TribeSandboxTenant {
  readonly clientId: string;
  /** `Relation.ID` of the tenant's `Relationship_Organization_Identity`. */
  readonly ownOrganizationId: string;
  /** Replaces all data; sets the seed leaves out get the default datastores. */
  seed(seed: TribeSeed): void;
  dump(): TribeSeed;
  get(entitySet: string, id: string): Record<string, unknown> | undefined;
  list(entitySet: string): Record<string, unknown>[];
  /** A datastore (or product group) row by `Code`. */
  findByCode(entitySet: string, code: string): Record<string, unknown> | undefined;
  /**
   * Creates (no or unknown `ID`) or partially updates (known `ID`) a record as a Tribe user would: validated,
   * stamped, announced to webhooks. Works on read-only sets such as datastores too.
   */
  put(entitySet: string, record: Record<string, unknown>): Record<string, unknown>;
  delete(entitySet: string, id: string): void;
  /**
   * Stamps a record as changed, then overwrites fields with any value past all validation: makes the API
   * answer with a record that breaks its documented shape, as a faulty upstream release would.
   */
  corrupt(entitySet: string, id: string, fields: Record<string, unknown>): void;
  /** Tribe's Finalize: number and dates, PDF attachment, phase Sent. */
  sendInvoice(id: string, options?: FinalizeOptions): FinalizeResult;
  /** Sales-order counterpart: order document attached, phase Linked (Gekoppeld). */
  linkSalesOrder(id: string, options?: FinalizeOptions): FinalizeResult;
  /** Stamps later writes with whole seconds: records written in one second share their `LastMutationDate`. */
  stampWholeSeconds(): void;
}

export class Tenant implements TribeSandboxTenant {
  readonly clientId: string;
  readonly data = new TenantData();
  readonly writer: EntityWriter;
  readonly webhooks = new WebhookRegistry();
  private readonly clientSecret: Buffer;
  private readonly ownOrganizationName?: string;

  constructor(setup: TenantSetup, onMutation: (tenant: Tenant, event: MutationEvent) => void) {
    this.clientId = setup.clientId;
    this.clientSecret = Buffer.from(setup.clientSecret);
    this.ownOrganizationName = setup.ownOrganizationName;
    this.writer = new EntityWriter(this.data, (event) => onMutation(this, event));
    this.seed(setup.seed ?? {});
  }

  get ownOrganizationId(): string {
    const [identity] = this.data.table(IDENTITY_SET).values();
    const id = identity ? refId(identity.Relation) : null;
    if (!id) throw new Error(`Tenant ${this.clientId} has no own organisation`);
    return id;
  }

  stampWholeSeconds(): void {
    this.data.clock.wholeSeconds = true;
  }

  secretMatches(secret: string): boolean {
    const given = Buffer.from(secret);
    return given.length === this.clientSecret.length && timingSafeEqual(given, this.clientSecret);
  }

  seed(seed: TribeSeed): void {
    loadSeed(this.data, seed, { tenantKey: this.clientId, ownOrganizationName: this.ownOrganizationName });
  }

  dump(): TribeSeed {
    return dumpTenantData(this.data);
  }

  get(entitySet: string, id: string): Record<string, unknown> | undefined {
    const record = this.data.table(entitySet).get(id.toLowerCase());
    return record && structuredClone(record);
  }

  list(entitySet: string): Record<string, unknown>[] {
    return [...this.data.table(entitySet).values()].map((record) => structuredClone(record));
  }

  findByCode(entitySet: string, code: string): Record<string, unknown> | undefined {
    const record = this.data.findByCode(entitySet, code);
    return record && structuredClone(record);
  }

  put(entitySet: string, record: Record<string, unknown>): Record<string, unknown> {
    const def = findEntitySet(entitySet);
    if (!def) throw new Error(`Unknown entity set ${entitySet}`);
    const id = typeof record.ID === 'string' ? record.ID.toLowerCase() : undefined;
    const exists = id !== undefined && this.data.table(entitySet).get(id) !== undefined;
    const stored = exists ? this.writer.update(def, id, record) : this.writer.create(def, record, id);
    return structuredClone(stored);
  }

  delete(entitySet: string, id: string): void {
    const def = findEntitySet(entitySet);
    if (!def) throw new Error(`Unknown entity set ${entitySet}`);
    this.writer.remove(def, id);
  }

  corrupt(entitySet: string, id: string, fields: Record<string, unknown>): void {
    const current = this.get(entitySet, id);
    if (!current) throw new Error(`No ${entitySet} record ${id}`);
    this.put(entitySet, { ID: id, Name: current.Name });
    Object.assign(this.data.table(entitySet).get(id.toLowerCase()) as object, fields);
  }

  sendInvoice(id: string, options?: FinalizeOptions): FinalizeResult {
    return finalizeActivity(this.data, this.writer, SEND_INVOICE, id, options);
  }

  linkSalesOrder(id: string, options?: FinalizeOptions): FinalizeResult {
    return finalizeActivity(this.data, this.writer, LINK_SALES_ORDER, id, options);
  }
}
