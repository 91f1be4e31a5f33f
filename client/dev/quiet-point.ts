import { BookingStore } from '../../store/booking-store';
import type { KoppelingSystem } from '../koppeling-system';
import type { DemoEnvironment } from './demo-environment';

const TIMEOUT_MS = 20 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Invoices in phase Sent in the Tribe sandbox: what the demo expects to find booked. */
export function sentInvoiceIds(demo: DemoEnvironment): string[] {
  const tenant = demo.tribe.tenant(demo.tribeClientId);
  const sent = tenant.findByCode('Datastore_Phase_ActivityInvoice', 'Sent')?.ID;
  return tenant
    .list('Activity_Invoice')
    .filter((invoice) => (invoice.Phase as { ID?: string } | null)?.ID === sent)
    .map((invoice) => String(invoice.ID));
}

/**
 * Waits until the demo is quiet: the initial sync is done, one incremental cycle has run after it, and every
 * sent invoice is either booked with its document or recorded as failed with a reason.
 */
export async function waitForQuietPoint(
  system: KoppelingSystem,
  demo: DemoEnvironment,
  tenantId: string,
  say: (line: string) => void,
): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let lastLine = '';
  const status = async () => (await system.workflows.status(tenantId)) ?? null;
  for (;;) {
    const current = await status();
    if (
      current &&
      current.phase !== 'initial-sync' &&
      Object.values(current.progress).every((p) => p.finished)
    )
      break;
    const line =
      current && Object.keys(current.progress).length > 0
        ? `initial sync: ${Object.entries(current.progress)
            .map(([phase, p]) => `${phase} ${p.done}${p.total === null ? '' : `/${p.total}`}`)
            .join(', ')}`
        : 'waiting for the tenant workflow';
    if (line !== lastLine) say((lastLine = line));
    if (Date.now() > deadline) throw new Error('the initial sync did not finish in time');
    await sleep(300);
  }
  const before = (await status())?.cycles ?? 0;
  await system.workflows.syncNow(tenantId);
  say('incremental cycle requested');
  while (((await status())?.cycles ?? 0) <= before || (await status())?.phase === 'syncing') {
    if (Date.now() > deadline) throw new Error('the incremental cycle did not finish in time');
    await sleep(300);
  }
  const expected = sentInvoiceIds(demo).length;
  const bookings = new BookingStore(system.pool);
  for (;;) {
    const counts = await bookings.counts(tenantId);
    const settled = counts.documented + counts.failed;
    if (settled >= expected) break;
    const line = `invoices booked: ${counts.documented}/${expected} (${counts.failed} failed)`;
    if (line !== lastLine) say((lastLine = line));
    if (Date.now() > deadline)
      throw new Error(`only ${settled} of ${expected} sent invoices were settled in time`);
    await sleep(300);
  }
}

export async function summarise(
  system: KoppelingSystem,
  demo: DemoEnvironment,
  tenantId: string,
  durationS: number,
) {
  const status = await system.operator.status(tenantId);
  const bookings = await new BookingStore(system.pool).counts(tenantId);
  const admin = demo.snelstart.administration(demo.koppelsleutel);
  const tribe = demo.tribe.tenant(demo.tribeClientId);
  const { rows } = await system.pool.query(
    `SELECT entity, matched_by, count(*)::int AS n FROM record_links WHERE tenant_id = $1 GROUP BY entity, matched_by ORDER BY 1, 2`,
    [tenantId],
  );
  return {
    tenantId,
    durationS: Math.round(durationS * 10) / 10,
    status: status.status,
    phase: status.workflow?.phase ?? null,
    cycles: status.workflow?.cycles ?? 0,
    progress: status.workflow?.progress ?? {},
    counts: status.workflow?.counts ?? null,
    links: rows.map((row) => ({ entity: row.entity, matchedBy: row.matched_by, count: row.n })),
    invoices: { sent: sentInvoiceIds(demo).length, booked: bookings.documented, failed: bookings.failed },
    snelstart: {
      relaties: admin.records('relaties').length,
      artikelen: admin.records('artikelen').length,
      verkoopboekingen: admin.records('verkoopboekingen').length,
    },
    tribe: {
      organisations: tribe.list('Relation_Organization').length,
      products: tribe.list('Product').length,
    },
    openFailures: status.openFailures,
    warnings: status.warnings,
    apiCalls: system.contexts?.calls.get(tenantId) ?? null,
  };
}
