import {
  SnelStartClient,
  odataFilter,
  datetime,
  guid,
  sharedRateLimiter,
  type Relatie,
  type Artikel,
  type SnelStartCall,
} from '../../api-clients/snelstart';
import { readableParts, type UnreadableRelatie } from '../../domain/snelstart-counterparts';
import type { SnelStartArtikelWrite, SnelStartRelatieWrite } from '../../domain/snelstart-records';
import type { Endpoints } from '../dependencies';
import type { SnelStartGateway, SnelStartPage, UnreadableRow } from './snelstart-gateway';

export interface SnelStartGatewayOptions {
  endpoints: Endpoints['snelstart'];
  koppelsleutel: string;
  /** Rate-limit budgets are shared by every client of one administration in this process. */
  limiterKey: string;
  rateLimits: { perMinute: number; perHour: number; concurrent: number };
  onApiCall?: (call: SnelStartCall) => void;
  /** Called while a call waits for the rate limit (see `RateLimiterConfig.onWait`). */
  onLimiterWait?: () => void;
  /** A row SnelStart sent that does not match its model: reported, the rest of the page carries on. */
  onInvalidRow?: (resource: string, row: unknown, message: string) => void;
}

/** The SnelStart API client in the engine's terms. */
export function createSnelStartGateway(
  options: SnelStartGatewayOptions,
): SnelStartGateway & { client: SnelStartClient } {
  const client = new SnelStartClient({
    apiUrl: options.endpoints.apiUrl,
    tokenUrl: options.endpoints.tokenUrl,
    subscriptionKey: options.endpoints.subscriptionKey,
    koppelsleutel: options.koppelsleutel,
    limiter: sharedRateLimiter(options.limiterKey, { ...options.rateLimits, onWait: options.onLimiterWait }),
    onCall: (call) => {
      if (call.kind === 'api') options.onApiCall?.(call);
    },
  });
  const unreadable: UnreadableRow[] = [];
  const invalid =
    (resource: UnreadableRow['resource'], seen?: { count: number }) => (error: Error, row: unknown) => {
      if (seen) seen.count += 1;
      unreadable.push({ resource, id: rowId(row), message: error.message });
      options.onInvalidRow?.(resource, row, error.message);
    };
  async function firstPage<T>(
    pages: (onInvalidRow: (error: Error, row: unknown) => void) => AsyncGenerator<T[]>,
    resource: UnreadableRow['resource'],
  ): Promise<SnelStartPage<T>> {
    const seen = { count: 0 };
    const iterator = pages(invalid(resource, seen));
    const first = await iterator.next();
    await iterator.return(undefined);
    const items = (first.value as T[] | undefined) ?? [];
    return { items, rowsRead: items.length + seen.count, pageSize: PAGE[resource] };
  }

  return {
    client,
    relatiesPage: (skip) =>
      firstPage<Relatie>((onInvalidRow) => client.relatiePages({ skip, onInvalidRow }), 'relaties'),
    relatiesModifiedSince(from) {
      return client.relatiePages({ modifiedSince: from ?? undefined, onInvalidRow: invalid('relaties') });
    },
    async getRelatie(id) {
      try {
        return await client.getRelatie(id);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async getRelaties(ids) {
      const found: Relatie[] = [];
      for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
        const filter = ids
          .slice(start, start + IDS_PER_REQUEST)
          .map((id) => odataFilter`Id eq ${guid(id)}`)
          .join(' or ');
        found.push(...(await client.listRelaties({ filter, onInvalidRow: invalid('relaties') })));
      }
      return found;
    },
    createRelatie: (write: SnelStartRelatieWrite) => client.createRelatie(write as never),
    replaceRelatie: (id, body) => client.updateRelatie(id, body as never, body as Relatie),
    async findRelatiesLike({ relatiecodes, postcodeAreas }) {
      const terms = [
        ...relatiecodes.map((code) => odataFilter`Relatiecode eq ${code}`),
        ...postcodeAreas.flatMap((area) => [
          odataFilter`startswith(VestigingsAdres/Postcode,${area}) eq true`,
          odataFilter`startswith(CorrespondentieAdres/Postcode,${area}) eq true`,
        ]),
      ];
      const found = new Map<string, Relatie>();
      const unreadableHere: (UnreadableRow & { parts: UnreadableRelatie })[] = [];
      const report = invalid('relaties');
      const onInvalidRow = (error: Error, row: unknown) => {
        unreadableHere.push({
          resource: 'relaties',
          id: rowId(row),
          message: error.message,
          parts: readableParts(row),
        });
        report(error, row);
      };
      for (let start = 0; start < terms.length; start += TERMS_PER_REQUEST) {
        const filter = terms.slice(start, start + TERMS_PER_REQUEST).join(' or ');
        for (const relatie of await client.listRelaties({ filter, onInvalidRow }))
          found.set(relatie.id, relatie);
      }
      return { relaties: [...found.values()], unreadable: unreadableHere };
    },
    findRelatiesByNaamModifiedSince: (naam, from) =>
      client.listRelaties({ filter: odataFilter`Naam eq ${naam} and ModifiedOn gt ${datetime(from)}` }),

    artikelenPage: (skip) =>
      firstPage<Artikel>((onInvalidRow) => client.artikelPages({ skip, onInvalidRow }), 'artikelen'),
    artikelenModifiedSince(from) {
      return client.artikelPages({ modifiedSince: from ?? undefined, onInvalidRow: invalid('artikelen') });
    },
    async getArtikel(id) {
      try {
        return await client.getArtikel(id);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    createArtikel: (write: SnelStartArtikelWrite) => client.createArtikel(write as never),
    replaceArtikel: (id, body) => client.updateArtikel(id, body as never, body as Artikel),
    async findArtikelenByCode(code) {
      const found = await client.findArtikelByArtikelcode(code);
      return found ? [found] : [];
    },
    landen: () => client.listLanden(),
    artikelomzetgroepen: () => client.listArtikelOmzetGroepen(),
    takeUnreadable: () => unreadable.splice(0),
  };
}

const PAGE = { relaties: 500, artikelen: 25 };
/** Keeps a look-up URL short: a guid literal is about 50 characters. */
const IDS_PER_REQUEST = 40;
/** `or` terms of a look-up by number or postcode area per request (each about 60 characters). */
const TERMS_PER_REQUEST = 40;

function rowId(row: unknown): string | null {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

function isNotFound(err: unknown): boolean {
  return (err as { kind?: string }).kind === 'not-found';
}
