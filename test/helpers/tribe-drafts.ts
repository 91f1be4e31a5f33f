import type { TribeSandboxTenant } from '../../sandboxes/tribe';

/** The tenant's invoices still in phase Draft in Tribe, in the order Tribe lists them. */
export function draftInvoices(tribe: TribeSandboxTenant): Record<string, unknown>[] {
  const draftPhase = tribe.findByCode('Datastore_Phase_ActivityInvoice', 'Draft')?.ID;
  return tribe
    .list('Activity_Invoice')
    .filter((invoice) => (invoice.Phase as { ID?: string } | null | undefined)?.ID === draftPhase);
}
