/** Reported for every HTTP request the client makes (retries included), for metrics and benchmarks. */
export interface TribeCallInfo {
  readonly kind: 'api' | 'token';
  readonly method: string;
  readonly entitySet?: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly durationMs: number;
  /** 1 for the first try of a logical call, 2 for its first retry, … */
  readonly attempt: number;
}

export type TribeCallListener = (call: TribeCallInfo) => void;
