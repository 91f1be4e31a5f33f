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
import type { SnelStartArtikelWrite, SnelStartRelatieWrite } from '../../domain/snelstart-records';
import type { Endpoints } from '../dependencies';
import type { SnelStartGateway } from './snelstart-gateway';

export interface SnelStartGatewayOptions {
  endpoints: Endpoints['snelstart'];
  koppelsleutel: string;
  /** Rate-limit budgets are shared by every client of one administration in this process. */
  limiterKey: string;
  rateLimits: { perMinute: number; perHour: number; concurrent: number };
  onApiCall?: (call: SnelStartCall) => void;
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
    limiter: sharedRateLimiter(options.limiterKey, { ...options.rateLimits }),
    onCall: (call) => {
      if (call.kind === 'api') options.onApiCall?.(call);
    },
  });
  const invalid = (resource: string) => (error: Error, row: unknown) =>
    options.onInvalidRow?.(resource, row, error.message);

  return {
    client,
    async relatiesPage(skip) {
      const iterator = client.relatiePages({ skip, onInvalidRow: invalid('relaties') });
      const first = await iterator.next();
      await iterator.return(undefined);
      return { items: (first.value as Relatie[] | undefined) ?? [], pageSize: PAGE.relaties };
    },
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
    findRelatiesByNaamModifiedSince: (naam, from) =>
      client.listRelaties({ filter: odataFilter`Naam eq ${naam} and ModifiedOn gt ${datetime(from)}` }),

    async artikelenPage(skip) {
      const iterator = client.artikelPages({ skip, onInvalidRow: invalid('artikelen') });
      const first = await iterator.next();
      await iterator.return(undefined);
      return { items: (first.value as Artikel[] | undefined) ?? [], pageSize: PAGE.artikelen };
    },
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
  };
}

const PAGE = { relaties: 500, artikelen: 25 };
/** Keeps a look-up URL short: a guid literal is about 50 characters. */
const IDS_PER_REQUEST = 40;

function isNotFound(err: unknown): boolean {
  return (err as { kind?: string }).kind === 'not-found';
}
