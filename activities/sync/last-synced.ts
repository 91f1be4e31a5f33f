import { fingerprint, type CanonicalValue } from '../../domain/merge';
import type { LinkedEntity, RecordLink } from '../../store/link-store';
import type { RecordSnapshot } from '../../store/snapshot-store';
import type { TenantContext } from './tenant-context';

/** What the sync knows of a page of SnelStart records: their links, last snapshots and open failures. */
export interface LastSynced {
  links: Map<string, RecordLink>;
  snapshots: Map<string, RecordSnapshot>;
  openFailures: Set<string>;
  /** The records with something new for Tribe; re-read ones (an overlap) equal to their snapshot are left out. */
  changed<T extends { id: string }, C extends { readonly [K in keyof C]: CanonicalValue | undefined }>(
    records: readonly T[],
    canonicalOf: (record: T) => C,
    sameShape?: (record: T, link: RecordLink) => boolean,
  ): T[];
}

export async function lastSynced(
  ctx: TenantContext,
  entity: LinkedEntity,
  ids: string[],
): Promise<LastSynced> {
  const [links, snapshots, openFailures] = await Promise.all([
    ctx.links.bySnelstartIds(ctx.tenantId, entity, ids),
    ctx.snapshots.get(ctx.tenantId, entity, ids),
    ctx.health.openFailureIds(ctx.tenantId, entity, 'snelstart', ids),
  ]);
  return {
    links,
    snapshots,
    openFailures,
    changed(records, canonicalOf, sameShape = () => true) {
      return records.filter((record) => {
        const link = links.get(record.id);
        const snapshot = snapshots.get(record.id);
        if (!link || !snapshot || openFailures.has(record.id) || !sameShape(record, link)) return true;
        return fingerprint(canonicalOf(record)) !== snapshot.fingerprint;
      });
    },
  };
}
