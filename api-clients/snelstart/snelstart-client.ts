import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { mergePatch } from '../http/merge-patch';
import type { RateLimiter } from '../http/rate-limiter';
import { SnelStartRequestError, SnelStartResponseError } from './errors';
import { listAll } from './list-all';
import {
  artikelOmzetGroepSchema,
  artikelSchema,
  artikelWriteSchema,
  type Artikel,
  type ArtikelOmzetGroep,
  type ArtikelWrite,
} from './models/artikel';
import { companyInfoSchema, type CompanyInfo } from './models/company-info';
import {
  documentContentSchema,
  documentContentWriteSchema,
  documentIdentifierSchema,
  documentListItemSchema,
  type DocumentContent,
  type DocumentIdentifier,
  type DocumentListItem,
  type DocumentType,
} from './models/document';
import {
  btwTariefSchema,
  grootboekSchema,
  landSchema,
  type BtwTarief,
  type Grootboek,
  type Land,
} from './models/reference-data';
import {
  doorlopendeIncassoMachtigingSchema,
  relatieSchema,
  relatieWriteSchema,
  type DoorlopendeIncassoMachtiging,
  type Relatie,
  type RelatieWrite,
} from './models/relatie';
import {
  verkoopboekingSchema,
  verkoopboekingWriteSchema,
  verkoopfactuurSchema,
  type Verkoopboeking,
  type VerkoopboekingWrite,
  type Verkoopfactuur,
} from './models/verkoopboeking';
import {
  verkooporderSchema,
  verkooporderWriteSchema,
  verkoopordersjabloonSchema,
  type Verkooporder,
  type VerkooporderWrite,
  type Verkoopordersjabloon,
} from './models/verkooporder';
import { allOf, datetime, odataFilter } from './odata-filter';
import type { SnelStartCall } from './snelstart-call';
import {
  DEFAULT_RETRY_POLICY,
  malformed,
  SnelStartHttp,
  type ApiRequest,
  type RetryPolicy,
} from './snelstart-http';
import { SnelStartTokenProvider } from './token-provider';

export interface SnelStartClientOptions {
  /** Base URL ending in `/v2`, e.g. https://b2bapi.snelstart.nl/v2. */
  apiUrl: string;
  /** The token endpoint, e.g. https://auth.snelstart.nl/b2b/token. */
  tokenUrl: string;
  /** The partner's subscription key (sent as Ocp-Apim-Subscription-Key). */
  subscriptionKey: string;
  /** The tenant's key to its administration. */
  koppelsleutel: string;
  /** Per HTTP request; default 30 s. */
  timeoutMs?: number;
  /** Shared per administration (see `sharedRateLimiter`), so every client of one tenant paces together. */
  limiter?: RateLimiter;
  /** Called after every HTTP exchange, token requests included. */
  onCall?: (call: SnelStartCall) => void;
  retry?: Partial<RetryPolicy>;
}

export interface ListOptions {
  /** An OData `$filter`; build it with `odataFilter` so values are encoded safely. */
  filter?: string;
  /**
   * Called for a row that does not match its model, instead of failing the whole page: the other
   * rows carry on. Without it such a row throws SnelStartResponseError.
   */
  onInvalidRow?: (error: SnelStartResponseError, row: unknown) => void;
}

export interface ChangeListOptions extends ListOptions {
  /** Only rows changed after this zone-less wall-clock time (`ModifiedOn gt datetime'…'`). */
  modifiedSince?: string;
  /** Rows to skip before the first page: resumes a listing at a recorded position. */
  skip?: number;
}

/** `$top` maxima from SnelStart's definition; a page shorter than this is the last one. */
export const PAGE_SIZES = {
  relaties: 500,
  artikelen: 25,
  grootboeken: 500,
  verkoopfacturen: 500,
  verkooporders: 500,
} as const;

type ODataResource = keyof typeof PAGE_SIZES;

const IDLE_SOCKET_MS = 4_000;

/**
 * Typed client for the SnelStart B2B API v2 of one administration (one koppelsleutel). Every answer
 * is checked against its model; updates are GET-merge-PUT because SnelStart's PUT replaces the record.
 */
export class SnelStartClient {
  private readonly http: SnelStartHttp;
  private readonly tokens: SnelStartTokenProvider;
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly counts = { api: 0, token: 0 };

  constructor(options: SnelStartClientOptions) {
    // Idle keep-alive sockets are dropped well before any server would close them: a write sent on a
    // socket the server is closing fails with an unknown outcome for no reason.
    const keepAlive = { keepAlive: true, timeout: IDLE_SOCKET_MS };
    this.agents = { http: new http.Agent(keepAlive), https: new https.Agent(keepAlive) };
    const transport: AxiosInstance = axios.create({
      timeout: options.timeoutMs ?? 30_000,
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      maxRedirects: 0,
      maxBodyLength: Infinity,
      maxContentLength: Infinity,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
    const onCall = (call: SnelStartCall) => {
      this.counts[call.kind]++;
      options.onCall?.(call);
    };
    this.tokens = new SnelStartTokenProvider(transport, options.tokenUrl, options.koppelsleutel, onCall);
    this.http = new SnelStartHttp(
      transport,
      options.apiUrl.replace(/\/$/, ''),
      options.subscriptionKey,
      this.tokens,
      onCall,
      options.limiter,
      { ...DEFAULT_RETRY_POLICY, ...options.retry },
    );
  }

  /** HTTP exchanges made so far: API calls (retries included) and token requests. */
  get callCounts(): { api: number; token: number } {
    return { ...this.counts };
  }

  /** The scopes of the administration's token, e.g. `relaties:write`; decides which features can work. */
  scopes(): Promise<string[]> {
    return this.tokens.scopes();
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  companyInfo(): Promise<CompanyInfo> {
    return this.http.json({ method: 'GET', path: '/companyInfo' }, companyInfoSchema, 'CompanyInfoModel');
  }

  /** GET /echo/{input}: proves subscription key and token work. */
  echo(input: string): Promise<string> {
    return this.http.json({ method: 'GET', path: `/echo/${encodeURIComponent(input)}` }, z.string(), 'echo');
  }

  // Relaties

  relatiePages(options: ChangeListOptions = {}): AsyncGenerator<Relatie[]> {
    return this.pages('relaties', relatieSchema, 'RelatieModel', options);
  }

  listRelaties(options: ChangeListOptions = {}): Promise<Relatie[]> {
    return listAll(this.relatiePages(options));
  }

  /** Relaties changed after `wallClock` (zone-less, as SnelStart writes `modifiedOn`). */
  listRelatiesModifiedSince(wallClock: string, options: ListOptions = {}): Promise<Relatie[]> {
    return this.listRelaties({ ...options, modifiedSince: wallClock });
  }

  async findRelatieByRelatiecode(relatiecode: number): Promise<Relatie | undefined> {
    const [first] = await this.firstPage(
      'relaties',
      relatieSchema,
      'RelatieModel',
      odataFilter`Relatiecode eq ${relatiecode}`,
    );
    return first;
  }

  getRelatie(id: string): Promise<Relatie> {
    return this.http.json(
      { method: 'GET', path: `/relaties/${encodeURIComponent(id)}` },
      relatieSchema,
      'RelatieModel',
    );
  }

  /** POST /relaties; leave `relatiecode` out to let SnelStart assign the next number. */
  createRelatie(relatie: RelatieWrite): Promise<Relatie> {
    const request: ApiRequest = { method: 'POST', path: '/relaties' };
    const { id: _id, ...body } = this.input(request, relatieWriteSchema, relatie);
    return this.http.json({ ...request, body }, relatieSchema, 'RelatieModel');
  }

  /**
   * Changes the fields in `patch` and keeps every other field: GET (skipped when `current` is
   * passed), merge, PUT the complete write model.
   */
  async updateRelatie(id: string, patch: Partial<RelatieWrite>, current?: Relatie): Promise<Relatie> {
    const base = current ?? (await this.getRelatie(id));
    const request: ApiRequest = { method: 'PUT', path: `/relaties/${encodeURIComponent(id)}` };
    const body = { ...this.input(request, relatieWriteSchema, mergePatch(base, patch)), id };
    return this.http.json({ ...request, body }, relatieSchema, 'RelatieModel');
  }

  /** All verkoopboekingen of one relatie. */
  listRelatieVerkoopboekingen(relatieId: string): Promise<Verkoopboeking[]> {
    return this.list(
      { method: 'GET', path: `/relaties/${encodeURIComponent(relatieId)}/verkoopboekingen` },
      verkoopboekingSchema,
      'VerkoopBoekingModel',
    );
  }

  /** The SEPA mandates of one relatie (read-only in SnelStart's API). */
  listDoorlopendeIncassoMachtigingen(relatieId: string): Promise<DoorlopendeIncassoMachtiging[]> {
    return this.list(
      { method: 'GET', path: `/relaties/${encodeURIComponent(relatieId)}/doorlopendeincassomachtigingen` },
      doorlopendeIncassoMachtigingSchema,
      'DoorlopendeIncassoMachtigingModel',
    );
  }

  // Artikelen (pages of at most 25)

  artikelPages(options: ChangeListOptions = {}): AsyncGenerator<Artikel[]> {
    return this.pages('artikelen', artikelSchema, 'ArtikelQueryModel', options);
  }

  listArtikelen(options: ChangeListOptions = {}): Promise<Artikel[]> {
    return listAll(this.artikelPages(options));
  }

  listArtikelenModifiedSince(wallClock: string, options: ListOptions = {}): Promise<Artikel[]> {
    return this.listArtikelen({ ...options, modifiedSince: wallClock });
  }

  async findArtikelByArtikelcode(artikelcode: string): Promise<Artikel | undefined> {
    const [first] = await this.firstPage(
      'artikelen',
      artikelSchema,
      'ArtikelQueryModel',
      odataFilter`Artikelcode eq ${artikelcode}`,
    );
    return first;
  }

  getArtikel(id: string): Promise<Artikel> {
    return this.http.json(
      { method: 'GET', path: `/artikelen/${encodeURIComponent(id)}` },
      artikelSchema,
      'ArtikelQueryModel',
    );
  }

  createArtikel(artikel: ArtikelWrite): Promise<Artikel> {
    const request: ApiRequest = { method: 'POST', path: '/artikelen' };
    const { id: _id, ...body } = this.input(request, artikelWriteSchema, artikel);
    return this.http.json({ ...request, body }, artikelSchema, 'ArtikelModel');
  }

  async updateArtikel(id: string, patch: Partial<ArtikelWrite>, current?: Artikel): Promise<Artikel> {
    const base = current ?? (await this.getArtikel(id));
    const request: ApiRequest = { method: 'PUT', path: `/artikelen/${encodeURIComponent(id)}` };
    const body = { ...this.input(request, artikelWriteSchema, mergePatch(base, patch)), id };
    return this.http.json({ ...request, body }, artikelSchema, 'ArtikelModel');
  }

  // Reference data

  listArtikelOmzetGroepen(): Promise<ArtikelOmzetGroep[]> {
    return this.list(
      { method: 'GET', path: '/artikelomzetgroepen' },
      artikelOmzetGroepSchema,
      'ArtikelOmzetGroepModel',
    );
  }

  listGrootboeken(options: ChangeListOptions = {}): Promise<Grootboek[]> {
    return listAll(this.pages('grootboeken', grootboekSchema, 'GrootboekModel', options));
  }

  /** The VAT history: several rows per btwSoort, each with its validity period. */
  listBtwTarieven(): Promise<BtwTarief[]> {
    return this.list({ method: 'GET', path: '/btwtarieven' }, btwTariefSchema, 'BtwTariefModel');
  }

  /** All countries; SnelStart ignores `$filter` here, so match locally. */
  listLanden(): Promise<Land[]> {
    return this.list({ method: 'GET', path: '/landen' }, landSchema, 'LandModel');
  }

  listVerkoopordersjablonen(): Promise<Verkoopordersjabloon[]> {
    return this.list(
      { method: 'GET', path: '/verkoopordersjablonen' },
      verkoopordersjabloonSchema,
      'VerkoopOrderSjabloonModel',
    );
  }

  // Verkoopboekingen and verkoopfacturen

  /**
   * POST /verkoopboekingen. On BOE-0021 (factuurnummer exists) or an `unknownOutcome` error, look the
   * booking up with `findVerkoopfactuurByFactuurnummer` instead of posting again.
   */
  createVerkoopboeking(boeking: VerkoopboekingWrite): Promise<Verkoopboeking> {
    const request: ApiRequest = { method: 'POST', path: '/verkoopboekingen' };
    const { id: _id, ...body } = this.input(request, verkoopboekingWriteSchema, boeking);
    return this.http.json({ ...request, body }, verkoopboekingSchema, 'VerkoopBoekingModel');
  }

  getVerkoopboeking(id: string): Promise<Verkoopboeking> {
    return this.http.json(
      { method: 'GET', path: `/verkoopboekingen/${encodeURIComponent(id)}` },
      verkoopboekingSchema,
      'VerkoopBoekingModel',
    );
  }

  /** The natural-key lookup for bookings (there is no GET /verkoopboekingen list). */
  async findVerkoopfactuurByFactuurnummer(factuurnummer: string): Promise<Verkoopfactuur | undefined> {
    const [first] = await this.firstPage(
      'verkoopfacturen',
      verkoopfactuurSchema,
      'VerkoopfactuurModel',
      odataFilter`Factuurnummer eq ${factuurnummer}`,
    );
    return first;
  }

  verkoopfactuurPages(options: ChangeListOptions = {}): AsyncGenerator<Verkoopfactuur[]> {
    return this.pages('verkoopfacturen', verkoopfactuurSchema, 'VerkoopfactuurModel', options);
  }

  listVerkoopfacturen(options: ChangeListOptions = {}): Promise<Verkoopfactuur[]> {
    return listAll(this.verkoopfactuurPages(options));
  }

  // Documenten

  listDocuments(type: DocumentType, parentId: string): Promise<DocumentListItem[]> {
    return this.list(
      { method: 'GET', path: `/documenten/${type}/${encodeURIComponent(parentId)}` },
      documentListItemSchema,
      'VerkoopBoekingBijlageReferenceModel',
    );
  }

  /** Attaches a file (at most 10 MB, BLG-0006). SnelStart has no upsert: posting twice attaches twice. */
  uploadDocument(
    type: DocumentType,
    parentId: string,
    fileName: string,
    bytes: Uint8Array,
    options: { readOnly?: boolean } = {},
  ): Promise<DocumentIdentifier> {
    const request: ApiRequest = { method: 'POST', path: `/documenten/${type}` };
    const body = this.input(request, documentContentWriteSchema, {
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      parentIdentifier: parentId,
      fileName,
      readOnly: options.readOnly ?? false,
    });
    return this.http.json({ ...request, body }, documentIdentifierSchema, 'DocumentIdentifierModel');
  }

  getDocument(id: string): Promise<DocumentContent> {
    return this.http.json(
      { method: 'GET', path: `/documenten/${encodeURIComponent(id)}` },
      documentContentSchema,
      'DocumentContentModel',
    );
  }

  // Verkooporders

  /** POST /verkooporders; SnelStart assigns `nummer`. */
  createVerkooporder(order: VerkooporderWrite): Promise<Verkooporder> {
    const request: ApiRequest = { method: 'POST', path: '/verkooporders' };
    const { id: _id, ...body } = this.input(request, verkooporderWriteSchema, order);
    return this.http.json({ ...request, body }, verkooporderSchema, 'VerkoopOrderModel');
  }

  getVerkooporder(id: string): Promise<Verkooporder> {
    return this.http.json(
      { method: 'GET', path: `/verkooporders/${encodeURIComponent(id)}` },
      verkooporderSchema,
      'VerkoopOrderModel',
    );
  }

  verkooporderPages(options: ChangeListOptions = {}): AsyncGenerator<Verkooporder[]> {
    return this.pages('verkooporders', verkooporderSchema, 'VerkoopOrderModel', options);
  }

  listVerkooporders(options: ChangeListOptions = {}): Promise<Verkooporder[]> {
    return listAll(this.verkooporderPages(options));
  }

  /**
   * The natural-key lookup for sales orders: `orderreferentie` (≤ 50 characters, printed on the
   * invoice) carries the CRM's order reference, so an order whose creation had an unknown outcome can
   * be found before it is posted again.
   */
  findVerkoopordersByOrderreferentie(orderreferentie: string): Promise<Verkooporder[]> {
    return this.listVerkooporders({ filter: odataFilter`Orderreferentie eq ${orderreferentie}` });
  }

  // Plumbing

  /** Pages with `$skip`/`$top` at the endpoint's maximum until a page comes back short. */
  private async *pages<T>(
    resource: ODataResource,
    schema: z.ZodType<T>,
    model: string,
    options: ChangeListOptions,
  ): AsyncGenerator<T[]> {
    const pageSize = PAGE_SIZES[resource];
    const filter = allOf(
      options.modifiedSince === undefined
        ? undefined
        : odataFilter`ModifiedOn gt ${datetime(options.modifiedSince)}`,
      options.filter,
    );
    for (let skip = options.skip ?? 0; ; skip += pageSize) {
      const request: ApiRequest = {
        method: 'GET',
        path: `/${resource}`,
        query: { $filter: filter, $skip: skip, $top: pageSize },
      };
      const rows = await this.http.send(request);
      yield this.rows(request, rows, schema, `${model}[]`, options.onInvalidRow);
      if (!Array.isArray(rows) || rows.length < pageSize) return;
    }
  }

  private async firstPage<T>(
    resource: ODataResource,
    schema: z.ZodType<T>,
    model: string,
    filter: string,
  ): Promise<T[]> {
    const request: ApiRequest = {
      method: 'GET',
      path: `/${resource}`,
      query: { $filter: filter, $top: PAGE_SIZES[resource] },
    };
    return this.rows(request, await this.http.send(request), schema, `${model}[]`);
  }

  private async list<T>(request: ApiRequest, schema: z.ZodType<T>, model: string): Promise<T[]> {
    return this.rows(request, await this.http.send(request), schema, `${model}[]`);
  }

  /** Validates a list answer row by row, so one malformed row can be reported without losing the rest. */
  private rows<T>(
    request: ApiRequest,
    rows: unknown,
    schema: z.ZodType<T>,
    model: string,
    onInvalidRow?: ListOptions['onInvalidRow'],
  ): T[] {
    if (!Array.isArray(rows)) {
      throw new SnelStartResponseError({ method: request.method, path: request.path }, model, [
        { path: '', message: 'expected a JSON array' },
      ]);
    }
    const valid: T[] = [];
    rows.forEach((row, i) => {
      const parsed = schema.safeParse(row);
      if (parsed.success) {
        valid.push(parsed.data);
        return;
      }
      const error = malformed(request, model, parsed.error, i);
      if (!onInvalidRow) throw error;
      onInvalidRow(error, row);
    });
    return valid;
  }

  /** Parses the caller's input through the write model (dropping read-only fields) before sending. */
  private input<S extends z.ZodType>(request: ApiRequest, schema: S, value: unknown): z.output<S> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new SnelStartRequestError(
        { method: request.method, path: request.path },
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    return parsed.data;
  }
}
