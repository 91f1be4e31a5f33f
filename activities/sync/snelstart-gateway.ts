import type { CounterpartLookup, UnreadableRelatie } from '../../domain/snelstart-counterparts';
import type {
  SnelStartArtikel,
  SnelStartArtikelOmzetgroep,
  SnelStartArtikelWrite,
  SnelStartLand,
  SnelStartRelatie,
  SnelStartRelatieWrite,
} from '../../domain/snelstart-records';

/**
 * What the sync engine needs from SnelStart, in the engine's own terms. The SnelStart API client is adapted
 * to it in one place (snelstart-gateway-adapter.ts), which keeps the engine readable and testable.
 */
export interface SnelStartGateway {
  /** One `$skip` page of relaties in SnelStart's stable order, and the page size the endpoint serves. */
  relatiesPage(skip: number): Promise<SnelStartPage<SnelStartRelatie>>;
  /** Pages of relaties with `ModifiedOn gt from` (zone-less wall clock), or all when `from` is null. */
  relatiesModifiedSince(from: string | null): AsyncIterable<SnelStartRelatie[]>;
  getRelatie(id: string): Promise<SnelStartRelatie | null>;
  /** Several relaties by id in a few requests (an OData `or` chain); missing ones are left out. */
  getRelaties(ids: readonly string[]): Promise<SnelStartRelatie[]>;
  createRelatie(write: SnelStartRelatieWrite): Promise<SnelStartRelatie>;
  /** `PUT /relaties/{id}` with a full body (the caller merged it onto the current record). */
  replaceRelatie(id: string, body: Record<string, unknown>): Promise<SnelStartRelatie>;
  /**
   * Relaties, active or not, with one of the relatiecodes or a vestigings- or correspondentieadres in one of
   * the postcode areas: what a Tribe organisation may already be before it becomes a new relatie. Rows that
   * do not match SnelStart's model come back apart: any of them could be that relatie.
   */
  findRelatiesLike(
    lookup: CounterpartLookup,
  ): Promise<{ relaties: SnelStartRelatie[]; unreadable: (UnreadableRow & { parts: UnreadableRelatie })[] }>;
  /** Relaties created recently with this naam: the look-up after a create whose outcome is unknown. */
  findRelatiesByNaamModifiedSince(naam: string, from: string): Promise<SnelStartRelatie[]>;

  artikelenPage(skip: number): Promise<SnelStartPage<SnelStartArtikel>>;
  artikelenModifiedSince(from: string | null): AsyncIterable<SnelStartArtikel[]>;
  getArtikel(id: string): Promise<SnelStartArtikel | null>;
  createArtikel(write: SnelStartArtikelWrite): Promise<SnelStartArtikel>;
  replaceArtikel(id: string, body: Record<string, unknown>): Promise<SnelStartArtikel>;
  findArtikelenByCode(code: string): Promise<SnelStartArtikel[]>;

  landen(): Promise<SnelStartLand[]>;
  artikelomzetgroepen(): Promise<SnelStartArtikelOmzetgroep[]>;

  /** Rows SnelStart sent that did not match its model since the last call; each is handed out once. */
  takeUnreadable(): UnreadableRow[];
}

export interface SnelStartPage<T> {
  /** The rows that matched SnelStart's model. */
  items: T[];
  /** Every row of the page, readable or not: where the next page starts. */
  rowsRead: number;
  pageSize: number;
}

/** A row that does not match SnelStart's model: reported as a per-record failure, never silently dropped. */
export interface UnreadableRow {
  resource: 'relaties' | 'artikelen';
  /** The row's `id` when it had a readable one. */
  id: string | null;
  message: string;
}

/** A write failure the engine must understand: validation (never retried) or unknown outcome (look up first). */
export interface WriteFailureInfo {
  kind: 'validation' | 'unknown-outcome' | 'retryable' | 'other';
  message: string;
}
