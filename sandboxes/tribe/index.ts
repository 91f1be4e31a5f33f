export { startTribeSandbox, type TribeSandbox, type TribeSandboxOptions } from './sandbox';
export type { TenantSetup, TribeSandboxTenant } from './tenants/tenant';
export type { TribeFaults } from './faults/fault-injector';
export type { TribeSandboxStats, TenantCallStats } from './stats';
export type { TribeSeed } from './store/seed-format';
export type { FinalizeOptions, FinalizeResult } from './documents/finalize-activity';
export { generatePdf, type PdfContent } from './documents/pdf';
