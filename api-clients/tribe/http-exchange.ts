import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';

export type Exchange =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly data: unknown;
      readonly headers: Record<string, unknown>;
    }
  | { readonly kind: 'network'; readonly code: 'TIMEOUT' | 'NETWORK'; readonly detail: string };

/**
 * One axios instance for all Tribe traffic: every status resolves (the client interprets them), no proxy
 * for loopback sandboxes, room for 25 MB attachments. URLs are passed complete, never as `params`, so axios
 * cannot re-encode spaces as `+`.
 */
export function createHttpClient(timeoutMs: number): AxiosInstance {
  return axios.create({
    timeout: timeoutMs,
    proxy: false,
    // No redirects are followed (an OData API has none to give): a 3xx is an error like any other, and
    // axios skips its redirect wrapper, the most expensive part of a call on a busy worker.
    maxRedirects: 0,
    validateStatus: () => true,
    maxContentLength: 100 * 1024 * 1024,
    maxBodyLength: 100 * 1024 * 1024,
    transitional: { clarifyTimeoutError: true },
    headers: { Accept: 'application/json' },
  });
}

/** Performs a request and reports either the response or why there was none (never the request config). */
export async function exchange(http: AxiosInstance, config: AxiosRequestConfig): Promise<Exchange> {
  try {
    const response = await http.request(config);
    return { kind: 'response', status: response.status, data: response.data, headers: response.headers };
  } catch (error) {
    if (!axios.isAxiosError(error)) throw error;
    const timedOut = error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED';
    return {
      kind: 'network',
      code: timedOut ? 'TIMEOUT' : 'NETWORK',
      detail: error.code ?? 'connection failed',
    };
  }
}
