import { z } from 'zod';
import { exportedRelationshipSets, relatieRolesForTribeRelationships } from '../../domain/relation-mapping';
import type { RecordFailure } from '../../store/health-store';
import { addCounts, type SyncCounts } from '../../workflows/tenant-status';
import type { OrganisationRoleReview } from '../types';
import { recordCheckpoint } from './heartbeat';
import { errorMessage, listRecordFailure } from './record-errors';
import { syncOrganisationsToSnelStart } from './relations-from-tribe';
import type { TenantContext } from './tenant-context';

/** The failure operation of a kept role that could not be reviewed; its retry reviews it again. */
export const REVIEW_ROLE = 'review-role';

/** A role given to a Tribe organisation: the relationship's dotted type (e.g. `Relationship.Organization.Supplier`) and id. */
export interface RoleChange {
  entityType: string;
  relationshipId: string;
}

/**
 * A role given to a Tribe organisation (it became a customer or a supplier) does not change the organisation
 * itself, so the cycle, which reads changed organisations, would not see it: the organisation is looked at as
 * if it changed, and a role SnelStart lacks is created there (or adopted) by the usual rules.
 */
export async function reviewRoleChange(
  ctx: TenantContext,
  change: RoleChange,
): Promise<OrganisationRoleReview> {
  const set = change.entityType.replace(/\./g, '_');
  if (!exportedRelationshipSets(ctx.settings.mappings.relationTypes).includes(set))
    return { outcome: 'not-exported', organisationId: null };
  const relationship = await ctx.tribe.relationships.get(set, change.relationshipId);
  const organisationId = relationship?.Organization?.ID ?? null;
  if (!organisationId) return { outcome: 'not-found', organisationId: null };
  // A role the sync itself just wrote (a relatie new in SnelStart) comes back here too: already linked.
  const links = (await ctx.links.byTribeIds(ctx.tenantId, 'relation', [organisationId])).get(organisationId);
  const roles = relatieRolesForTribeRelationships([set], ctx.settings.mappings.relationTypes);
  if (roles.every((role) => links?.some((link) => link.role === role)))
    return { outcome: 'already-linked', organisationId };
  const organisation = await ctx.tribe.organizations.get(organisationId);
  if (!organisation) return { outcome: 'not-found', organisationId };
  const counts = await syncOrganisationsToSnelStart(ctx, [organisation], { reconsider: [organisationId] });
  return { outcome: 'reviewed', organisationId, counts };
}

/** Reviews again a kept role whose review failed (see {@link REVIEW_ROLE}); its failure closes when it succeeds. */
export async function retryRoleReview(
  ctx: TenantContext,
  failure: RecordFailure,
): Promise<Partial<SyncCounts>> {
  const { entityType } = reviewRoleDetails.parse(failure.details);
  const review = await reviewRoleChange(ctx, { entityType, relationshipId: failure.recordId });
  await ctx.health.resolveFailure(ctx.tenantId, failure.entity, failure.source, failure.recordId);
  return review.counts ?? {};
}

const reviewRoleDetails = z.object({ entityType: z.string().min(1) });

/** The roles given in Tribe while the tenant was paused (kept by their webhooks), reviewed as the webhook would have. */
export async function reviewPendingRoleChanges(ctx: TenantContext, counts: SyncCounts): Promise<void> {
  for (const change of await ctx.pendingRoles.list(ctx.tenantId)) {
    recordCheckpoint();
    try {
      const review = await reviewRoleChange(ctx, change);
      addCounts(counts, review.counts ?? {});
    } catch (err) {
      // Kept for the activity's next attempt; anything else would come back the same on every cycle.
      await listRecordFailure(ctx, counts, err, {
        entity: 'relation',
        source: 'tribe',
        recordId: change.relationshipId,
        operation: REVIEW_ROLE,
        reason: `Role ${change.entityType} ${change.relationshipId}, given in Tribe while the tenant was paused, could not be reviewed: ${errorMessage(err)}. Fix the cause, then retry.`,
        details: { entityType: change.entityType },
      });
    }
    await ctx.pendingRoles.remove(ctx.tenantId, change);
  }
}
