import { addCounts, type SyncCounts } from '../../workflows/tenant-status';
import { syncArtikelenToTribe, syncProductsToSnelStart } from './products-sync';
import { syncRelatiesToTribe } from './relations-from-snelstart';
import { syncOrganisationsToSnelStart } from './relations-from-tribe';
import type { TenantContext } from './tenant-context';

/**
 * Failed records an operator asked to retry: each is read again from its source and synced like a change.
 * A record that succeeds has its failure resolved; one that fails again stays listed with the new reason.
 */
export async function retryRequestedRecords(ctx: TenantContext, counts: SyncCounts): Promise<void> {
  const requests = await ctx.health.takeRetryRequests(ctx.tenantId);
  for (const request of requests) {
    if (request.entity === 'relation' && request.source === 'snelstart') {
      const relatie = await ctx.snelstart.getRelatie(request.recordId);
      if (relatie) addCounts(counts, await syncRelatiesToTribe(ctx, [relatie], { recover: true }));
    } else if (request.entity === 'relation' && request.source === 'tribe') {
      const organisation = await ctx.tribe.organizations.get(request.recordId);
      if (organisation) addCounts(counts, await syncOrganisationsToSnelStart(ctx, [organisation]));
    } else if (request.entity === 'product' && request.source === 'snelstart') {
      const artikel = await ctx.snelstart.getArtikel(request.recordId);
      if (artikel) addCounts(counts, await syncArtikelenToTribe(ctx, [artikel], { recover: true }));
    } else if (request.entity === 'product' && request.source === 'tribe') {
      const product = await ctx.tribe.products.get(request.recordId);
      if (product) addCounts(counts, await syncProductsToSnelStart(ctx, [product]));
    } else {
      continue;
    }
    await ctx.health.clearRetryRequest(ctx.tenantId, request.id);
  }
}
