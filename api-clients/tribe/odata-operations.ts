import type { z } from 'zod';
import { TribeApiError, TribeInputError, TribeResponseError } from './errors';
import { odataAnyOf, odataDateTimeOffset, odataGuid } from './odata-literals';
import type { ODataQuery } from './odata-query';
import { MutationPosition, type MutationStamp } from './mutation-position';
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
   * Records changed after `since`, oldest first. Pages by position (`LastMutationDate ge <latest read>`,
   * leaving out what was read at that moment), not by `$skip`: a record updated while the listing runs moves
   * behind the position and is seen again rather than shifting the pages under the reader. Records sharing
   * a timestamp are all read, even more of them than fit on one page.
   */
  async *modifiedSince<S extends z.ZodType>(
    set: string,
    schema: S,
    options: ModifiedSinceOptions = {},
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    const top = clampPageSize(options.pageSize);
    const position = new MutationPosition(options.since ? Date.parse(options.since) : null);
    if (options.since && position.latest === null)
      throw new TribeInputError('$filter', 'since', `'${options.since}' is not a date-time`);
    for (;;) {
      const latest = position.latest;
      const bound = latest
        ? `LastMutationDate ${position.inclusive ? 'ge' : 'gt'} ${odataDateTimeOffset(latest)}`
        : undefined;
      const rows = await this.rows(set, {
        filter: joinConditions(options.filter, bound),
        expand: options.expand,
        orderby: 'LastMutationDate asc',
        top,
      });
      const fresh = rows.filter((row) => !position.seen(stampOf(row)));
      if (!position.advance(fresh.map(stampOf)) && rows.length === top) {
        if (position.latest === null)
          throw new TribeResponseError(
            set,
            'value',
            'a full page without LastMutationDate; the listing cannot advance',
          );
        // A whole page of one moment, all read already: that moment is paged on its own, in ID order.
        yield* this.oneMoment(set, schema, options, position, top);
        continue;
      }
      yield this.page(schema, fresh, set, position.latest);
      if (rows.length < top) return;
    }
  }

  /** Every record stamped with the position's latest moment not read yet; then the listing moves past it. */
  private async *oneMoment<S extends z.ZodType>(
    set: string,
    schema: S,
    options: ModifiedSinceOptions,
    position: MutationPosition,
    top: number,
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    const moment = position.latest as string;
    const atMoment = `LastMutationDate eq ${odataDateTimeOffset(moment)}`;
    // Keyset by ID, not $skip: a record of this moment changed meanwhile leaves it without shifting the rest.
    let after: string | null = null;
    let read = 0;
    for (;;) {
      const filter = joinConditions(
        options.filter,
        atMoment,
        after ? `ID gt ${odataGuid(after)}` : undefined,
      );
      const rows = await this.rows(set, { filter, expand: options.expand, orderby: 'ID asc', top });
      read += rows.length;
      const fresh = rows.filter((row) => !position.seen(stampOf(row)));
      position.advance(fresh.map(stampOf));
      if (fresh.length > 0) yield this.page(schema, fresh, set, moment);
      if (rows.length < top) break;
      after = stampOf(rows[rows.length - 1]).id;
      if (!after)
        throw new TribeResponseError(set, 'value', 'a record without ID; the listing cannot advance');
    }
    if (read === 0) {
      // A full page carried this moment, yet asking for it finds nothing: the dates are finer than the
      // milliseconds a filter can name, and reading on would repeat the same page for ever.
      throw new TribeResponseError(
        set,
        'value',
        `a full page of records changed at ${moment} that a filter on that moment does not find; the listing cannot advance`,
      );
    }
    position.closeLatest();
  }

  private async rows(set: string, query: ODataQuery): Promise<unknown[]> {
    const data = await this.transport.request({
      method: 'GET',
      url: this.setUrl(set),
      query,
      entitySet: set,
    });
    const rows = (data as { value?: unknown } | null)?.value;
    if (!Array.isArray(rows)) throw new TribeResponseError(set, 'value', 'expected an array of records');
    return rows;
  }

  private page<S extends z.ZodType>(
    schema: S,
    rows: unknown[],
    set: string,
    cursor: string | null,
  ): TribePage<z.infer<S>> {
    const page = parseCollection(schema, { value: rows }, set);
    return { items: page.items, rejected: page.rejected, cursor };
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

function joinConditions(...conditions: (string | undefined)[]): string | undefined {
  const present = conditions.filter((condition): condition is string => Boolean(condition));
  return present.length > 0 ? present.map((condition) => `(${condition})`).join(' and ') : undefined;
}

/** A row without a readable ID or date does not move the position; the schema rejects it on its own. */
function stampOf(row: unknown): MutationStamp {
  const record = (row ?? {}) as Record<string, unknown>;
  return {
    id: typeof record.ID === 'string' ? record.ID : '',
    lastMutationDate: typeof record.LastMutationDate === 'string' ? record.LastMutationDate : '',
  };
}
