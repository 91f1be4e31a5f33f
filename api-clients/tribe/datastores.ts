import { PHASE_SETS, TRIBE_SETS, type TribePhaseKind } from './entity-sets';
import type { ODataOperations } from './odata-operations';
import { tribeDatastoreRowSchema, type TribeDatastoreRow } from './schemas/common';

/**
 * Lookup tables for the activation wizard and the mappings. A malformed row fails the whole list: mappings
 * built on a partial list would be wrong.
 */
export class TribeDatastores {
  constructor(private readonly odata: ODataOperations) {}

  vatGroups(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.vatGroup);
  }

  generalLedgerAccounts(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.generalLedgerAccount);
  }

  units(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.unit);
  }

  countries(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.country);
  }

  addressTypes(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.addressType);
  }

  /** Relationship types; each `Code` is the entity set of that relationship. */
  relationshipTypes(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.relationshipType);
  }

  productGroups(): Promise<TribeDatastoreRow[]> {
    return this.list(TRIBE_SETS.productGroup);
  }

  phases(kind: TribePhaseKind): Promise<TribeDatastoreRow[]> {
    return this.list(PHASE_SETS[kind]);
  }

  private async list(set: string): Promise<TribeDatastoreRow[]> {
    const { items, rejected } = await this.odata.all(set, tribeDatastoreRowSchema);
    if (rejected[0]) throw rejected[0].error;
    return items;
  }
}
