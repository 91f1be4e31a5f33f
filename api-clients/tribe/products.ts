import { TRIBE_SETS } from './entity-sets';
import { odataGuid, odataString } from './odata-literals';
import type { ModifiedSinceOptions, ODataOperations } from './odata-operations';
import type { TribeListing, TribePage } from './paging';
import { checkInput } from './response-parsing';
import {
  tribeProductCreateSchema,
  tribeProductSchema,
  tribeProductUpdateSchema,
  type TribeProduct,
  type TribeProductCreate,
  type TribeProductUpdate,
} from './schemas/product';

const SET = TRIBE_SETS.product;

/**
 * The references the sync reads, asked for by name: an OData service may leave out every navigation that is
 * not expanded, and a missing unit or group must never read as one that was cleared.
 */
export const PRODUCT_EXPAND = ['Unit', 'ProductGroup', 'VatGroup', 'GeneralLedgerAccount']
  .map((navigation) => `${navigation}($select=ID)`)
  .join(',');

/** `Product`; unit, group, VAT group and ledger account come as references (map them via the datastores). */
export class TribeProducts {
  constructor(private readonly odata: ODataOperations) {}

  async *modifiedSince(
    since: string | null,
    options: Omit<ModifiedSinceOptions, 'since' | 'expand'> = {},
  ): AsyncGenerator<TribePage<TribeProduct>> {
    yield* this.odata.modifiedSince(SET, tribeProductSchema, { ...options, since, expand: PRODUCT_EXPAND });
  }

  async get(id: string): Promise<TribeProduct | null> {
    return this.odata.get(SET, id, tribeProductSchema, { expand: PRODUCT_EXPAND });
  }

  async create(input: TribeProductCreate): Promise<TribeProduct> {
    return this.odata.create(SET, checkInput(tribeProductCreateSchema, input, SET), tribeProductSchema);
  }

  async update(id: string, input: TribeProductUpdate): Promise<TribeProduct> {
    return this.odata.update(SET, id, checkInput(tribeProductUpdateSchema, input, SET), tribeProductSchema);
  }

  async getMany(ids: readonly string[]): Promise<TribeListing<TribeProduct>> {
    return this.findByAny('ID', ids.map(odataGuid));
  }

  async findByImportIds(importIds: readonly string[]): Promise<TribeListing<TribeProduct>> {
    return this.findByAny('ImportId', importIds.map(odataString));
  }

  async findByCodes(codes: readonly string[]): Promise<TribeListing<TribeProduct>> {
    return this.findByAny('Code', codes.map(odataString));
  }

  async findByImportId(importId: string): Promise<TribeProduct[]> {
    return (await this.findByImportIds([importId])).items;
  }

  async findByCode(code: string): Promise<TribeProduct[]> {
    return (await this.findByCodes([code])).items;
  }

  private async findByAny(path: string, literals: readonly string[]): Promise<TribeListing<TribeProduct>> {
    if (literals.length === 0) return { items: [], rejected: [] };
    return this.odata.findByAny(SET, tribeProductSchema, path, literals, { expand: PRODUCT_EXPAND });
  }
}
