import type { z } from 'zod';
import { TribeApiError, TribeInputError, TribeResponseError } from './errors';
import { odataAnyOf, odataDateTimeOffset, odataGuid } from './odata-literals';
import type { ODataQuery } from './odata-query';
import { clampPageSize, collectPages, type TribeListing, type TribePage } from './paging';
import { parseCollection, parseEntity } from './response-parsing';
import type { TribeTransport } from './transport';

export interface ModifiedSinceOptions {
  /** Exclusive lower bound (ISO date-time); null or absent lists everything. */
  readonly since?: string | null;
  /** Extra condition, combined with `and`. */
  readonly filter?: string;
  readonly expand?: string;
  readonly pageSize?: number;
}

const ENTITY_SET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Look-ups of many values go out as `or` chains of this many terms, keeping URLs short. */
const TERMS_PER_REQUEST = 100;

/** Typed OData requests on top of the transport: single entities, writes, paged and batched listings. */
export class ODataOperations {
  constructor(
    private readonly transport: TribeTransport,
    private readonly apiUrl: string,
  ) {}

  /** The entity, or null when Tribe answers 404. */
  async get<S extends z.ZodType>(
    set: string,
    id: string,
    schema: S,
    query?: ODataQuery,
  ): Promise<z.infer<S> | null> {
    try {
      const data = await this.transport.request({
        method: 'GET',
        url: this.keyUrl(set, id),
        query,
        entitySet: set,
      });
      return parseEntity(schema, data, set);
    } catch (error) {
      if (error instanceof TribeApiError && error.status === 404) return null;
      throw error;
    }
  }

  async create<S extends z.ZodType>(set: string, body: unknown, schema: S): Promise<z.infer<S>> {
    const data = await this.transport.request({
      method: 'POST',
      url: this.setUrl(set),
      body,
      entitySet: set,
    });
    return parseEntity(schema, data, set);
  }

  /** Partial update: only the given fields change. */
  async update<S extends z.ZodType>(set: string, id: string, body: unknown, schema: S): Promise<z.infer<S>> {
    const data = await this.transport.request({
      method: 'PUT',
      url: this.keyUrl(set, id),
      body,
      entitySet: set,
    });
    return parseEntity(schema, data, set);
  }

  async remove(set: string, id: string): Promise<void> {
    await this.transport.request({ method: 'DELETE', url: this.keyUrl(set, id), entitySet: set });
  }

  /** `$top`/`$skip` paging in the server's default (creation) order until a short page. */
  async *pages<S extends z.ZodType>(
    set: string,
    schema: S,
    query: ODataQuery = {},
    pageSize?: number,
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    const top = clampPageSize(pageSize);
    for (let skip = 0; ; skip += top) {
      const data = await this.transport.request({
        method: 'GET',
        url: this.setUrl(set),
        query: { ...query, top, skip },
        entitySet: set,
      });
      const page = parseCollection(schema, data, set);
      yield { items: page.items, rejected: page.rejected, cursor: null };
      if (page.size < top) return;
    }
  }

  /**
   * Records changed after `since`, oldest first. Pages by cursor (`LastMutationDate gt <last seen>`), not by
   * `$skip`: a record updated while the listing runs moves behind the cursor and is seen again rather than
   * shifting the pages under the reader. Relies on `LastMutationDate` being unique per record.
   */
  async *modifiedSince<S extends z.ZodType>(
    set: string,
    schema: S,
    options: ModifiedSinceOptions = {},
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    const top = clampPageSize(options.pageSize);
    let cursor = options.since ?? null;
    for (;;) {
      const conditions = [
        options.filter,
        cursor ? `LastMutationDate gt ${odataDateTimeOffset(cursor)}` : undefined,
      ];
      const filter = conditions
        .filter(Boolean)
        .map((condition) => `(${condition})`)
        .join(' and ');
      const data = await this.transport.request({
        method: 'GET',
        url: this.setUrl(set),
        query: { filter: filter || undefined, expand: options.expand, orderby: 'LastMutationDate asc', top },
        entitySet: set,
      });
      const page = parseCollection(schema, data, set);
      const next = page.lastMutationDate ?? cursor;
      if (page.size === top && next === cursor) {
        throw new TribeResponseError(
          set,
          'value',
          'a full page without a later LastMutationDate; the cursor cannot advance',
        );
      }
      cursor = next;
      yield { items: page.items, rejected: page.rejected, cursor };
      if (page.size < top) return;
    }
  }

  async all<S extends z.ZodType>(
    set: string,
    schema: S,
    query: ODataQuery = {},
  ): Promise<TribeListing<z.infer<S>>> {
    return collectPages(this.pages(set, schema, query));
  }

  /** Records whose `path` equals any of the literals, fetched in batches of `or` chains. */
  async findByAny<S extends z.ZodType>(
    set: string,
    schema: S,
    path: string,
    literals: readonly string[],
    query: Omit<ODataQuery, 'filter'> = {},
  ): Promise<TribeListing<z.infer<S>>> {
    const unique = [...new Set(literals)];
    const listing: TribeListing<z.infer<S>> = { items: [], rejected: [] };
    for (let start = 0; start < unique.length; start += TERMS_PER_REQUEST) {
      const chunk = unique.slice(start, start + TERMS_PER_REQUEST);
      const part = await this.all(set, schema, { ...query, filter: odataAnyOf(path, chunk) });
      listing.items.push(...part.items);
      listing.rejected.push(...part.rejected);
    }
    return listing;
  }

  private setUrl(set: string): string {
    if (!ENTITY_SET_NAME.test(set)) throw new TribeInputError(set, '', 'is not an entity set name');
    return `${this.apiUrl}/${set}`;
  }

  private keyUrl(set: string, id: string): string {
    return `${this.setUrl(set)}(${odataGuid(id)})`;
  }
}
