import { TRIBE_SETS } from './entity-sets';
import { odataGuid, odataString } from './odata-literals';
import type { ModifiedSinceOptions, ODataOperations } from './odata-operations';
import type { TribeListing, TribePage } from './paging';
import { checkInput } from './response-parsing';
import {
  tribeOrganizationCreateSchema,
  tribeOrganizationSchema,
  tribeOrganizationUpdateSchema,
  type TribeOrganization,
  type TribeOrganizationCreate,
  type TribeOrganizationUpdate,
} from './schemas/organization';

const ADDRESS_EXPAND = '$expand=Country,AddressType';
/** Organisations are always read with both addresses, their country and their address type. */
export const ORGANIZATION_EXPAND = `VisitingAddress(${ADDRESS_EXPAND}),PostalAddress(${ADDRESS_EXPAND})`;

const SET = TRIBE_SETS.organization;

/**
 * `Relation_Organization`. Reads expand the addresses; `create`/`update` return the stored organisation with
 * address references (IDs) only, which saves a read per write.
 */
export class TribeOrganizations {
  constructor(private readonly odata: ODataOperations) {}

  async *modifiedSince(
    since: string | null,
    options: Omit<ModifiedSinceOptions, 'since' | 'expand'> = {},
  ): AsyncGenerator<TribePage<TribeOrganization>> {
    yield* this.odata.modifiedSince(SET, tribeOrganizationSchema, {
      ...options,
      since,
      expand: ORGANIZATION_EXPAND,
    });
  }

  async get(id: string): Promise<TribeOrganization | null> {
    return this.odata.get(SET, id, tribeOrganizationSchema, { expand: ORGANIZATION_EXPAND });
  }

  /** Addresses given inline are created with the organisation (deep insert). */
  async create(input: TribeOrganizationCreate): Promise<TribeOrganization> {
    return this.odata.create(
      SET,
      checkInput(tribeOrganizationCreateSchema, input, SET),
      tribeOrganizationSchema,
    );
  }

  /** Partial update; an inline address with the `ID` of the current one updates it, without `ID` adds a new one. */
  async update(id: string, input: TribeOrganizationUpdate): Promise<TribeOrganization> {
    return this.odata.update(
      SET,
      id,
      checkInput(tribeOrganizationUpdateSchema, input, SET),
      tribeOrganizationSchema,
    );
  }

  async getMany(ids: readonly string[]): Promise<TribeListing<TribeOrganization>> {
    return this.findByAny('ID', ids.map(odataGuid));
  }

  async findByDebtorNumbers(numbers: readonly string[]): Promise<TribeListing<TribeOrganization>> {
    return this.findByAny('DebtorNumber', numbers.map(odataString));
  }

  async findByCreditorNumbers(numbers: readonly string[]): Promise<TribeListing<TribeOrganization>> {
    return this.findByAny('CreditorNumber', numbers.map(odataString));
  }

  async findByImportIds(importIds: readonly string[]): Promise<TribeListing<TribeOrganization>> {
    return this.findByAny('ImportId', importIds.map(odataString));
  }

  async findByDebtorNumber(number: string): Promise<TribeOrganization[]> {
    return (await this.findByDebtorNumbers([number])).items;
  }

  async findByCreditorNumber(number: string): Promise<TribeOrganization[]> {
    return (await this.findByCreditorNumbers([number])).items;
  }

  async findByImportId(importId: string): Promise<TribeOrganization[]> {
    return (await this.findByImportIds([importId])).items;
  }

  private async findByAny(
    path: string,
    literals: readonly string[],
  ): Promise<TribeListing<TribeOrganization>> {
    if (literals.length === 0) return { items: [], rejected: [] };
    return this.odata.findByAny(SET, tribeOrganizationSchema, path, literals, {
      expand: ORGANIZATION_EXPAND,
    });
  }
}
