import { z } from 'zod';
import { TRIBE_SETS } from './entity-sets';
import { TribeResponseError } from './errors';
import type { ODataOperations } from './odata-operations';
import { tribeRefSchema } from './schemas/common';

const identitySchema = z.object({ ID: z.string(), Name: z.string().nullish(), Relation: tribeRefSchema });

/** The tenant's own organisation: the parent (`Relation`) of every customer and supplier relationship. */
export class TribeIdentity {
  private ownOrganization?: Promise<string>;

  constructor(private readonly odata: ODataOperations) {}

  /** `Relation.ID` of `Relationship_Organization_Identity`; fetched once per client. */
  ownOrganizationId(): Promise<string> {
    this.ownOrganization ??= this.fetch().catch((error: unknown) => {
      this.ownOrganization = undefined;
      throw error;
    });
    return this.ownOrganization;
  }

  private async fetch(): Promise<string> {
    const { items, rejected } = await this.odata.all(TRIBE_SETS.identity, identitySchema, {
      select: ['Name'],
      expand: 'Relation($select=ID)',
    });
    const [identity] = items;
    if (identity) return identity.Relation.ID;
    throw (
      rejected[0]?.error ??
      new TribeResponseError(TRIBE_SETS.identity, 'value', 'the tenant has no own organisation')
    );
  }
}
