/** One HTTP exchange with SnelStart, reported to the `onCall` hook (for call counting and contract checks). */
export interface SnelStartCall {
  /** `api` for /v2 calls, `token` for the token endpoint. */
  kind: 'api' | 'token';
  method: string;
  /** Path without query string, e.g. `/v2/relaties/…`. */
  path: string;
  /** The full query string of an API call (`$filter`, paging), without secrets. */
  query?: string;
  /** Absent when no HTTP answer arrived. */
  status?: number;
  durationMs: number;
  /** 1 for the first try, higher for retries of the same logical call. */
  attempt: number;
  outcome: 'ok' | 'http-error' | 'network-error';
  /** API calls only: the JSON sent and received (token exchanges never carry bodies here). */
  requestBody?: unknown;
  responseBody?: unknown;
}
