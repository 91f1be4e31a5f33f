import { TRIBE_SETS } from './entity-sets';
import type { TribeIdentity } from './identity';
import { odataGuid } from './odata-literals';
import type { ODataOperations } from './odata-operations';
import type { TribeListing, TribePage } from './paging';
import { checkInput } from './response-parsing';
import {
  tribeRelationshipCreateSchema,
  tribeRelationshipSchema,
  type TribeRelationship,
  type TribeRelationshipCreate,
} from './schemas/relationship';

export interface RelationshipListOptions {
  /** Only the relationships of this organisation. */
  readonly organizationId?: string;
  /** Only those changed after this date-time; pages carry the cursor to resume from. */
  readonly since?: string | null;
  readonly pageSize?: number;
}

/** Which organisation holds the role, and towards whom: asked for by name, as OData may leave out the rest. */
const RELATIONSHIP_EXPAND = 'Organization($select=ID),Relation($select=ID)';

/**
 * Customer, supplier and other relationship roles (`Relationship_Organization_*`). `set` is the entity set
 * name, which is also the relationship-type code in `Datastore_RelationshipType`.
 */
export class TribeRelationships {
  constructor(
    private readonly odata: ODataOperations,
    private readonly identity: TribeIdentity,
  ) {}

  async *list(
    set: string,
    options: RelationshipListOptions = {},
  ): AsyncGenerator<TribePage<TribeRelationship>> {
    yield* this.odata.modifiedSince(set, tribeRelationshipSchema, {
      since: options.since,
      expand: RELATIONSHIP_EXPAND,
      pageSize: options.pageSize,
      filter: options.organizationId ? `Organization/ID eq ${odataGuid(options.organizationId)}` : undefined,
    });
  }

  async *customers(options?: RelationshipListOptions): AsyncGenerator<TribePage<TribeRelationship>> {
    yield* this.list(TRIBE_SETS.customer, options);
  }

  async *suppliers(options?: RelationshipListOptions): AsyncGenerator<TribePage<TribeRelationship>> {
    yield* this.list(TRIBE_SETS.supplier, options);
  }

  /** One relationship of `set`, or null when Tribe no longer has it. */
  async get(set: string, id: string): Promise<TribeRelationship | null> {
    return this.odata.get(set, id, tribeRelationshipSchema, { expand: RELATIONSHIP_EXPAND });
  }

  /** The relationships of `set` held by any of these organisations, in batched requests. */
  async forOrganizations(
    set: string,
    organizationIds: readonly string[],
  ): Promise<TribeListing<TribeRelationship>> {
    if (organizationIds.length === 0) return { items: [], rejected: [] };
    return this.odata.findByAny(
      set,
      tribeRelationshipSchema,
      'Organization/ID',
      organizationIds.map(odataGuid),
      { expand: RELATIONSHIP_EXPAND },
    );
  }

  /** Gives an organisation a role; `Relation` defaults to the tenant's own organisation. */
  async create(set: string, input: TribeRelationshipCreate): Promise<TribeRelationship> {
    const body = checkInput(tribeRelationshipCreateSchema, input, set);
    const relation = body.Relation ?? { ID: await this.identity.ownOrganizationId() };
    return this.odata.create(set, { ...body, Relation: relation }, tribeRelationshipSchema);
  }

  async createCustomer(input: TribeRelationshipCreate): Promise<TribeRelationship> {
    return this.create(TRIBE_SETS.customer, input);
  }

  async createSupplier(input: TribeRelationshipCreate): Promise<TribeRelationship> {
    return this.create(TRIBE_SETS.supplier, input);
  }
}
