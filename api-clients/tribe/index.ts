export { TribeClient, type TribeClientOptions } from './tribe-client';
export { TribeApiError, TribeError, TribeInputError, TribeResponseError } from './errors';
export type { TribeCallInfo, TribeCallListener } from './call-info';
export type { TribeRetryOptions } from './retry-policy';
export type { TribePage, TribeListing } from './paging';
export { collectPages, MAX_PAGE_SIZE } from './paging';
export type { RejectedRecord } from './response-parsing';
export { buildODataQueryString, type ODataQuery } from './odata-query';
export {
  odataAnyOf,
  odataBoolean,
  odataDateTimeOffset,
  odataGuid,
  odataNumber,
  odataString,
} from './odata-literals';
export { PHASE_SETS, TRIBE_SETS, type TribePhaseKind } from './entity-sets';
export { signTribeWebhook, verifyTribeSignature } from './webhook-signature';
export type { TribeDocument } from './attachments';
export type { RelationshipListOptions } from './relationships';
export type { ModifiedSinceOptions } from './odata-operations';
export * from './schemas/common';
export * from './schemas/organization';
export * from './schemas/relationship';
export * from './schemas/product';
export * from './schemas/activity';
export * from './schemas/attachment';
export * from './schemas/webhook';
