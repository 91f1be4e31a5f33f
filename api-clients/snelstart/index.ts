export {
  SnelStartClient,
  PAGE_SIZES,
  type SnelStartClientOptions,
  type ListOptions,
  type ChangeListOptions,
} from './snelstart-client';
export type { SnelStartCall } from './snelstart-call';
export type { RetryPolicy } from './snelstart-http';
export {
  SnelStartApiError,
  SnelStartRequestError,
  SnelStartResponseError,
  readErrorBody,
  type ResponseIssue,
  type SnelStartErrorKind,
} from './errors';
export {
  odataFilter,
  guid,
  datetime,
  quote,
  literal,
  allOf,
  ODataLiteral,
  type ODataValue,
} from './odata-filter';
export { scopesOf } from './token-provider';
export { listAll } from './list-all';
export * from './models/common';
export * from './models/relatie';
export * from './models/artikel';
export * from './models/reference-data';
export * from './models/verkoopboeking';
export * from './models/verkooporder';
export * from './models/document';
export * from './models/company-info';
export { RateLimiter, type RateLimits, type RateLimiterConfig } from '../http/rate-limiter';
export { sharedRateLimiter, dropSharedRateLimiter } from '../http/rate-limiter-registry';
export { mergePatch } from '../http/merge-patch';
