import { ApplicationFailure } from '@temporalio/activity';
import { existingRateLimiter } from '../api-clients/http/rate-limiter-registry';
import { odataFilter, type SnelStartApiError } from '../api-clients/snelstart';
import type { TribeDocument } from '../api-clients/tribe/attachments';
import { BOOKING_PHASES, isBookable } from '../domain/bookable-phases';
import { judgeExistingVerkoopfactuur } from '../domain/existing-verkoopfactuur';
import { invoiceToVerkoopBoeking } from '../domain/invoice-mapping';
import { selectMandate } from '../domain/mandate-selection';
import { memoCarriesTribeOrder, salesOrderToVerkoopOrder } from '../domain/sales-order-mapping';
import { snelstartDocumentFileName } from '../domain/snelstart-document-name';
import { isoDateOnly, localDate } from '../domain/snelstart-time';
import { tidyText } from '../domain/tidy-text';
import type { TribeInvoice, TribeProductLine, TribeSalesOrder } from '../domain/tribe-records';
import { BookingStore, type DocumentBooking } from '../store/booking-store';
import { TenantNotFoundError } from '../store/tenant-store';
import type { ActivityDependencies } from './dependencies';
import { syncProductsToSnelStart } from './sync/products-sync';
import { activitySignal, heartbeat, isLocalAttempt, stopIfCancelled } from './sync/heartbeat';
import { classifyError, errorMessage } from './sync/record-errors';
import { createRelatiesForOrganisation } from './sync/relations-from-tribe';
import type { TenantContext, TenantContexts } from './sync/tenant-context';
import type { DocumentKind } from './types';

export interface DocumentBookingOutcome {
  outcome: 'booked' | 'already-booked' | 'not-ready';
  number: string | null;
  snelstartId: string | null;
  documentId: string | null;
  reason?: string;
}

interface DocumentRef {
  tenantId: string;
  kind: DocumentKind;
  tribeId: string;
}

type TribeActivity = NonNullable<
  | Awaited<ReturnType<TenantContext['tribe']['invoices']['get']>>
  | Awaited<ReturnType<TenantContext['tribe']['salesOrders']['get']>>
>;

/** One attempt at booking one document: its tenant, and what it read from Tribe (read once per attempt). */
interface BookingRun {
  readonly ctx: TenantContext;
  readonly ref: DocumentRef;
  activity?: Promise<TribeActivity | null>;
  document?: Promise<TribeDocument>;
  /** The verkoopboeking this attempt created: it cannot have a document yet, so none is looked for. */
  createdBooking?: string;
}

const MANDATE_WARNING = 'missing-mandate';
/** A first attempt that would wait longer than this for the tenant's SnelStart budget is left to the activity. */
const FIRST_ATTEMPT_MAX_WAIT_MS = 1_000;
/** Well inside the workflow's heartbeat timeout, so a live attempt is never mistaken for an abandoned one. */
const KEEP_ALIVE_MS = 5_000;

/**
 * Books one Tribe invoice (or sales order) in SnelStart: customer, booking, document. Each step first looks
 * for what an earlier, interrupted attempt may have done (booking row, factuurnummer or Tribe order key,
 * document file name) and only then writes, so any step can be retried after a crash or a lost response
 * without a duplicate. The look-ups and the writes that depend on them run under the document's advisory lock:
 * two attempts of one booking (one that Temporal gave up on and its retry) never both find nothing and both
 * create, and an attempt that gets the lock after another sees what that one recorded.
 */
export function createDocumentBookingActivities(deps: ActivityDependencies, contexts: TenantContexts) {
  const bookings = new BookingStore(deps.pool);

  return {
    async bookDocumentInSnelStart(ref: DocumentRef): Promise<DocumentBookingOutcome> {
      const stopKeepAlive = keepAlive();
      try {
        return await asActivity(() => book(ref));
      } finally {
        stopKeepAlive();
      }
    },

    async recordDocumentFailure(ref: DocumentRef & { number: string | null; reason: string }): Promise<void> {
      // A tenant removed meanwhile has nowhere to list the failure.
      if (!(await deps.tenants.findTenant(ref.tenantId))) return;
      const booking = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
      if (booking) await bookings.save(ref.tenantId, { ...booking, status: 'failed' });
      await deps.health.recordFailure(ref.tenantId, {
        entity: ref.kind,
        source: 'tribe',
        recordId: ref.tribeId,
        operation: ref.kind === 'invoice' ? 'book-invoice' : 'create-sales-order',
        reason: `${ref.kind === 'invoice' ? 'Invoice' : 'Sales order'} ${booking?.number ?? ref.number ?? ref.tribeId}: ${ref.reason}`,
      });
    },
  };

  async function book(ref: DocumentRef): Promise<DocumentBookingOutcome> {
    const tenant = await deps.tenants.findTenant(ref.tenantId);
    if (!tenant) return notReady(null, `tenant ${ref.tenantId} is not known`);
    // A paused tenant's booking waits (retried) until it is resumed: the safety net's cursor may already be past it.
    if (tenant.status === 'paused') throw new TenantPaused(ref.tenantId);
    if (tenant.status !== 'active') return notReady(null, `tenant is ${tenant.status}`);
    const earlier = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
    if (earlier?.status === 'documented') return alreadyBooked(earlier);

    const ctx = await contexts.get(ref.tenantId);
    // A first attempt runs inside a workflow task, which other workflows of this worker wait for: when the
    // tenant's SnelStart budget is spent for now, the booking waits for it as an ordinary activity instead.
    if (
      isLocalAttempt() &&
      (existingRateLimiter(ref.tenantId)?.expectedWaitMs ?? 0) > FIRST_ATTEMPT_MAX_WAIT_MS
    )
      throw new FirstAttemptDeferred(ref.tenantId);
    const run: BookingRun = { ctx, ref };
    const activity = await readActivity(run);
    if (!activity) return notReady(null, 'not found in Tribe');
    const number = tidyText(activity.Number);
    if (ctx.settings.mode !== (ref.kind === 'invoice' ? 'invoice' : 'salesOrder'))
      return notReady(number, `tenant is not in ${ref.kind} mode`);
    if (
      !isBookable(
        ref.kind,
        { phaseCode: activity.Phase?.Code, changedAt: activity.LastMutationDate },
        ctx.activatedAt,
      )
    )
      return notReady(
        number,
        `phase is ${activity.Phase?.Code ?? 'unknown'}${activity.Phase?.Code === BOOKING_PHASES[ref.kind].ready ? '' : ' (a document is booked in a later phase only when it changed since activation)'}`,
      );
    if (!number)
      throw new InvalidRecord(`${label(ref)} has no number in Tribe; finalize it in Tribe so it gets one.`);

    // Outside the booking's lock: the customer has locks of its own, and a section never waits for a second one.
    const customerId = await ensureSnelStartCustomer(run, activity);
    checkpoint('customer');
    return ctx.locks.withLocks(
      [bookingLockKey(ref)],
      () => bookHoldingLock(run, number, customerId),
      () => checkpoint('waiting for the booking lock'),
    );
  }

  async function bookHoldingLock(
    run: BookingRun,
    number: string,
    customerId: string,
  ): Promise<DocumentBookingOutcome> {
    const { ctx, ref } = run;
    const current = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
    if (current?.status === 'documented') return alreadyBooked(current);
    let booking: DocumentBooking = current
      ? { ...current, number, status: current.snelstartId ? 'booked' : 'pending' }
      : {
          tribeId: ref.tribeId,
          kind: ref.kind,
          number,
          snelstartId: null,
          documentId: null,
          mandateId: null,
          status: 'pending',
        };
    await bookings.save(ref.tenantId, booking);

    if (!booking.snelstartId) {
      checkpoint('prepared');
      const snelstartId =
        ref.kind === 'invoice'
          ? await bookInvoice(run, number, customerId)
          : await createSalesOrder(run, number, customerId);
      booking = { ...booking, snelstartId, status: 'booked' };
      await bookings.save(ref.tenantId, booking);
    }
    const snelstartId = booking.snelstartId as string;
    checkpoint('booked');

    const documentId = await attachDocument(run, booking, snelstartId);
    // The failure goes first: whoever sees the booking documented no longer sees it listed as failed.
    await ctx.health.resolveFailure(ref.tenantId, ref.kind, 'tribe', ref.tribeId);
    await bookings.save(ref.tenantId, { ...booking, documentId, status: 'documented' });
    return { outcome: 'booked', number, snelstartId, documentId };
  }
}

async function ensureSnelStartCustomer(run: BookingRun, activity: TribeActivity): Promise<string> {
  const { ctx, ref } = run;
  const organisation = activity.Relationship?.Organization;
  if (!organisation)
    throw new InvalidRecord(`${label(ref)} has no customer in Tribe; set its relation, then retry.`);
  const links =
    (await ctx.links.byTribeIds(ref.tenantId, 'relation', [organisation.ID])).get(organisation.ID) ?? [];
  const klant = links.find((link) => link.role === 'Klant');
  if (klant) return klant.snelstartId;
  // The customer is not in SnelStart yet: create it first, exactly as a new Tribe customer would be.
  const { links: created } = await createRelatiesForOrganisation(ctx, organisation, ['Klant']);
  const id = created.find((link) => link.role === 'Klant')?.snelstartId;
  if (!id)
    throw new InvalidRecord(
      `customer "${organisation.Name}" could not be created in SnelStart; see its own failure under \`koppeling tenant failures\`, fix that, then retry.`,
    );
  return id;
}

async function bookInvoice(run: BookingRun, number: string, customerId: string): Promise<string> {
  const { ctx, ref } = run;
  const client = ctx.snelstartClient;
  const invoice = (await readActivity(run)) as
    (TribeInvoice & { ProductLines?: TribeProductLine[]; Subscription?: { ID: string } | null }) | null;
  if (!invoice) throw new InvalidRecord(`${label(ref)} no longer exists in Tribe`);
  const document = await documentOf(run);
  const mandate =
    ctx.settings.incasso && invoice.Subscription ? await chooseMandate(ctx, customerId, invoice) : null;
  const result = invoiceToVerkoopBoeking({
    invoice,
    lines: invoice.ProductLines ?? [],
    customer: { snelstartRelatieId: customerId },
    mappings: ctx.settings.mappings,
    mandate,
    document: { fileName: document.fileName, sizeBytes: document.data.length },
  });
  if (!result.ok) throw new InvalidRecord(result.errors.join('; '));
  const boeking = result.booking;
  const intended = {
    factuurnummer: boeking.factuurnummer,
    klantId: customerId,
    factuurbedrag: boeking.factuurbedrag,
  };

  // Booked before (by an attempt whose answer was lost, or by hand): adopt it rather than book twice, but only
  // when it is this invoice.
  const findExisting = async () => {
    const found = await client.listVerkoopfacturen({
      filter: odataFilter`Factuurnummer eq ${boeking.factuurnummer}`,
    });
    const verdict = judgeExistingVerkoopfactuur(intended, found);
    if (verdict.kind === 'conflict') throw new InvalidRecord(verdict.message);
    return verdict.kind === 'adopt' ? verdict.verkoopboekingId : undefined;
  };
  const existing = await findExisting();
  if (existing) return existing;
  checkpoint('invoice looked up');
  try {
    const id = (await client.createVerkoopboeking(boeking as never)).id;
    run.createdBooking = id;
    return id;
  } catch (err) {
    const duplicate = (err as SnelStartApiError).codes?.includes('BOE-0021');
    if (!duplicate && classifyError(err) !== 'unknown-outcome') throw err;
    const found = await findExisting();
    if (found) return found;
    if (duplicate)
      throw new InvalidRecord(
        `SnelStart says factuurnummer ${number} is already used (BOE-0021), but no verkoopfactuur with that number can be read; check the number in SnelStart, then retry.`,
      );
    checkpoint('invoice looked up again');
    return (await client.createVerkoopboeking(boeking as never)).id;
  }
}

async function createSalesOrder(run: BookingRun, number: string, customerId: string): Promise<string> {
  const { ctx, ref } = run;
  const client = ctx.snelstartClient;
  const order = (await readActivity(run)) as (TribeSalesOrder & { ProductLines?: TribeProductLine[] }) | null;
  if (!order) throw new InvalidRecord(`${label(ref)} no longer exists in Tribe`);
  const productIds = (order.ProductLines ?? [])
    .map((line) => line.Product?.ID)
    .filter((id): id is string => !!id);
  let links = await ctx.links.byTribeIds(ctx.tenantId, 'product', productIds);
  // A product that only ever existed in Tribe (and has not changed since activation) gets its artikel now.
  const unlinked = [...new Set(productIds.filter((id) => !links.has(id)))];
  if (unlinked.length > 0) {
    await syncProductsToSnelStart(ctx, (await ctx.tribe.products.getMany(unlinked)).items);
    links = await ctx.links.byTribeIds(ctx.tenantId, 'product', productIds);
  }
  const artikelIdByTribeProductId = new Map(
    [...links].map(([tribeId, rows]) => [tribeId, rows[0]!.snelstartId]),
  );
  const sjabloon = ctx.settings.verkoopordersjabloonId;
  if (!sjabloon)
    throw new InvalidRecord('the tenant has no verkoopordersjabloon configured; update its configuration');
  const result = salesOrderToVerkoopOrder({
    order,
    lines: order.ProductLines ?? [],
    snelstartRelatieId: customerId,
    verkoopordersjabloonId: sjabloon,
    artikelIdByTribeProductId,
  });
  if (!result.ok) throw new InvalidRecord(result.errors.join('; '));
  // The orderreferentie (the customer's reference) narrows the search; several orders of one customer can share
  // it, so only a verkooporder whose memo names this Tribe order is this order's.
  const reference = result.order.orderreferentie ?? number;
  const findExisting = async () =>
    (await client.findVerkoopordersByOrderreferentie(reference)).find(
      (o) =>
        o.relatie?.id?.toLowerCase() === customerId.toLowerCase() &&
        memoCarriesTribeOrder(o.memo, ref.tribeId),
    )?.id;
  const existing = await findExisting();
  if (existing) return existing;
  checkpoint('order looked up');
  try {
    return (await client.createVerkooporder(result.order as never)).id;
  } catch (err) {
    if (classifyError(err) !== 'unknown-outcome') throw err;
    const found = await findExisting();
    if (found) return found;
    checkpoint('order looked up again');
    return (await client.createVerkooporder(result.order as never)).id;
  }
}

/**
 * Attaches the Tribe PDF under a name SnelStart accepts. Fails with a message that says the booking itself is
 * in SnelStart, so nobody books it again by hand.
 */
async function attachDocument(
  run: BookingRun,
  booking: DocumentBooking,
  snelstartId: string,
): Promise<string> {
  const { ctx, ref } = run;
  if (booking.documentId) return booking.documentId;
  try {
    const document = await documentOf(run);
    const fileName = snelstartDocumentFileName(ref.kind, booking.number);
    // Sales orders have no document type of their own in SnelStart's API: the order document goes on the relatie.
    const type = ref.kind === 'invoice' ? 'Verkoopboekingen' : 'Relaties';
    const parentId = ref.kind === 'invoice' ? snelstartId : await orderRelatieId(ctx, snelstartId);
    // On a verkoopboeking every PDF is this invoice's, also one attached under Tribe's own file name; on a relatie
    // only this order's name is.
    const names = ref.kind === 'invoice' ? [fileName, document.fileName] : [fileName];
    const client = ctx.snelstartClient;
    const find = async () =>
      (await client.listDocuments(type, parentId)).find((doc) => names.includes(doc.fileName ?? ''))?.id;
    let documentId = run.createdBooking === snelstartId ? undefined : await find();
    if (documentId) return documentId;
    checkpoint('document looked up');
    try {
      documentId = (await client.uploadDocument(type, parentId, fileName, document.data)).id;
    } catch (err) {
      if (classifyError(err) !== 'unknown-outcome') throw err;
      documentId =
        (await find()) ?? (await client.uploadDocument(type, parentId, fileName, document.data)).id;
    }
    return documentId;
  } catch (err) {
    if (!isInvalid(err)) throw err;
    const what = ref.kind === 'invoice' ? `verkoopboeking ${booking.number}` : 'verkooporder';
    throw new InvalidRecord(
      `booked as ${what} (${snelstartId}) in SnelStart; only the PDF failed: ${errorMessage(err)}`,
    );
  }
}

async function chooseMandate(
  ctx: TenantContext,
  customerId: string,
  invoice: TribeInvoice,
): Promise<{ id: string } | null> {
  // Without a readable invoice date the booking itself fails, with the message that says how to fix it.
  const invoiceDate = isoDateOnly(invoice.InvoiceDate);
  if (invoiceDate === null) return null;
  const client = ctx.snelstartClient;
  const [mandates, customer] = await Promise.all([
    client.listDoorlopendeIncassoMachtigingen(customerId),
    client.getRelatie(customerId),
  ]);
  const selection = selectMandate({
    mandates,
    invoiceDate,
    today: localDate(ctx.now()),
    invoiceNumber: invoice.Number,
    customer,
  });
  if (selection.kind === 'use') {
    await ctx.health.clearWarning(ctx.tenantId, MANDATE_WARNING, customerId);
    return selection.mandate;
  }
  await ctx.health.setWarning(ctx.tenantId, MANDATE_WARNING, customerId, selection.warning);
  return null;
}

function readActivity(run: BookingRun): Promise<TribeActivity | null> {
  const { ctx, ref } = run;
  run.activity ??=
    ref.kind === 'invoice' ? ctx.tribe.invoices.get(ref.tribeId) : ctx.tribe.salesOrders.get(ref.tribeId);
  return run.activity;
}

function documentOf(run: BookingRun): Promise<TribeDocument> {
  run.document ??= fetchDocument(run.ctx, run.ref);
  return run.document;
}

async function fetchDocument(ctx: TenantContext, ref: DocumentRef): Promise<TribeDocument> {
  const document =
    ref.kind === 'invoice'
      ? await ctx.tribe.invoices.document(ref.tribeId)
      : await ctx.tribe.salesOrders.document(ref.tribeId);
  if (!document)
    throw new InvalidRecord(
      `${label(ref)} has no PDF attached in Tribe; finalize it again so Tribe generates the document.`,
    );
  return document;
}

async function orderRelatieId(ctx: TenantContext, verkooporderId: string): Promise<string> {
  const order = await ctx.snelstartClient.getVerkooporder(verkooporderId);
  const id = order.relatie?.id;
  if (!id)
    throw new InvalidRecord(
      `SnelStart verkooporder ${order.nummer ?? verkooporderId} has no relatie to attach the order document to; set its relatie in SnelStart, then retry.`,
    );
  return id;
}

const bookingLockKey = (ref: DocumentRef) => `document-booking:${ref.tenantId}:${ref.kind}:${ref.tribeId}`;

function notReady(number: string | null, reason: string): DocumentBookingOutcome {
  return { outcome: 'not-ready', number, snelstartId: null, documentId: null, reason };
}

function alreadyBooked(booking: DocumentBooking): DocumentBookingOutcome {
  return {
    outcome: 'already-booked',
    number: booking.number,
    snelstartId: booking.snelstartId,
    documentId: booking.documentId,
  };
}

const label = (ref: DocumentRef) =>
  `${ref.kind === 'invoice' ? 'Tribe invoice' : 'Tribe sales order'} ${ref.tribeId}`;

/**
 * Between steps and before every write: tells Temporal the run is alive, and stops here when Temporal has given
 * this attempt up (timed out, cancelled) or the worker is shutting down. The next attempt (on any worker)
 * starts over and finds every step already done by its look-ups.
 */
function checkpoint(step: string): void {
  heartbeat({ step });
  stopIfCancelled();
}

/**
 * Heartbeats while the attempt runs, also while it waits for a rate-limit slot or a lock: the heartbeat timeout
 * then means the worker is gone, and the attempt is given up within seconds instead of minutes. A local first
 * attempt has no heartbeat: its short timeout is what bounds it.
 */
function keepAlive(): () => void {
  if (!activitySignal() || isLocalAttempt()) return () => undefined;
  const timer = setInterval(() => heartbeat(), KEEP_ALIVE_MS);
  return () => clearInterval(timer);
}

class InvalidRecord extends Error {
  override name = 'InvalidRecord';
}

/** The workflow goes on with the durable activity, which waits for the rate limit with heartbeats. */
class FirstAttemptDeferred extends Error {
  override name = 'FirstAttemptDeferred';
  constructor(tenantId: string) {
    super(`tenant ${tenantId} has no SnelStart budget left for now: the booking waits for it as an activity`);
  }
}

/** Retried by Temporal (every two minutes at most) until the tenant is resumed or deactivated. */
class TenantPaused extends Error {
  override name = 'TenantPaused';
  constructor(tenantId: string) {
    super(`tenant ${tenantId} is paused: the booking waits until it is resumed`);
  }
}

function isInvalid(err: unknown): boolean {
  return err instanceof InvalidRecord || (classifyError(err) === 'invalid' && isApiError(err));
}

/**
 * Validation problems fail the booking for good (retrying cannot help), and so does a tenant that no longer
 * exists; everything else Temporal retries.
 */
async function asActivity<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isInvalid(err)) throw ApplicationFailure.nonRetryable(errorMessage(err), 'InvalidRecord');
    if (err instanceof TenantNotFoundError)
      throw ApplicationFailure.nonRetryable(errorMessage(err), 'TenantNotFound');
    throw err;
  }
}

function isApiError(err: unknown): boolean {
  const name = (err as Error | undefined)?.name ?? '';
  return /SnelStart|Tribe|RecordProblem/.test(name);
}
