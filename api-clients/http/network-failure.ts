import { isAxiosError } from 'axios';

export type NetworkFailureKind = 'timeout' | 'connection-refused' | 'connection-lost' | 'other';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  /** The system error code (ECONNRESET, ETIMEDOUT, …), safe to show. */
  code: string;
  /** False only when the request certainly never left this process. */
  mayHaveBeenSent: boolean;
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Classifies an error thrown by axios when no HTTP response arrived; undefined if a response did. */
export function networkFailureOf(error: unknown): NetworkFailure | undefined {
  if (!isAxiosError(error) || error.response) return undefined;
  const code = error.code ?? 'UNKNOWN';
  if (TIMEOUT.has(code)) return { kind: 'timeout', code, mayHaveBeenSent: true };
  if (REFUSED.has(code)) return { kind: 'connection-refused', code, mayHaveBeenSent: false };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE') {
    return { kind: 'connection-lost', code, mayHaveBeenSent: true };
  }
  return { kind: 'other', code, mayHaveBeenSent: true };
}
