import { exportedRelationshipSets, relatieRolesForTribeRelationships } from '../domain/relation-mapping';
import type { ActivityDependencies } from './dependencies';
import { syncOrganisationsToSnelStart } from './sync/relations-from-tribe';
import type { TenantContexts } from './sync/tenant-context';
import type { OrganisationRoleChange, OrganisationRoleReview } from './types';

/**
 * A role given to a Tribe organisation (it became a customer or a supplier) does not change the organisation
 * itself, so the hourly cycle, which reads changed organisations, would not see it. Tribe's webhook for the
 * relationship brings it here: the organisation is looked at as if it changed, and a role SnelStart lacks is
 * created there (or adopted) by the usual rules.
 */
export function createOrganisationRoleActivities(deps: ActivityDependencies, contexts: TenantContexts) {
  return {
    async reviewOrganisationRoles(change: OrganisationRoleChange): Promise<OrganisationRoleReview> {
      const tenant = await deps.tenants.findTenant(change.tenantId);
      if (!tenant || tenant.status !== 'active')
        return { outcome: 'tenant-not-active', organisationId: null };
      const ctx = await contexts.get(change.tenantId);
      const set = change.entityType.replace(/\./g, '_');
      if (!exportedRelationshipSets(ctx.settings.mappings.relationTypes).includes(set))
        return { outcome: 'not-exported', organisationId: null };
      const relationship = await ctx.tribe.relationships.get(set, change.relationshipId);
      const organisationId = relationship?.Organization?.ID ?? null;
      if (!organisationId) return { outcome: 'not-found', organisationId: null };
      // A role the sync itself just wrote (a relatie new in SnelStart) comes back here too: already linked.
      const links = (await ctx.links.byTribeIds(ctx.tenantId, 'relation', [organisationId])).get(
        organisationId,
      );
      const roles = relatieRolesForTribeRelationships([set], ctx.settings.mappings.relationTypes);
      if (roles.every((role) => links?.some((link) => link.role === role)))
        return { outcome: 'already-linked', organisationId };
      const organisation = await ctx.tribe.organizations.get(organisationId);
      if (!organisation) return { outcome: 'not-found', organisationId };
      const counts = await syncOrganisationsToSnelStart(ctx, [organisation], {
        reconsider: [organisationId],
      });
      return { outcome: 'reviewed', organisationId, counts };
    },
  };
}
