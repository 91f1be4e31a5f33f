import { ApplicationFailure, Context } from '@temporalio/activity';
import type { SnelStartApiError } from '../api-clients/snelstart';
import { invoiceToVerkoopBoeking } from '../domain/invoice-mapping';
import { selectMandate } from '../domain/mandate-selection';
import { salesOrderToVerkoopOrder } from '../domain/sales-order-mapping';
import { syncProductsToSnelStart } from './sync/products-sync';
import type { TribeInvoice, TribeProductLine, TribeSalesOrder } from '../domain/tribe-records';
import { BookingStore, type DocumentBooking } from '../store/booking-store';
import type { ActivityDependencies } from './dependencies';
import { classifyError, errorMessage } from './sync/record-errors';
import { createRelatiesForOrganisation } from './sync/relations-from-tribe';
import type { TenantContext, TenantContexts } from './sync/tenant-context';
import type { DocumentKind, PreparedDocumentBooking } from './types';

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

const READY_PHASE: Record<DocumentKind, string> = { invoice: 'Sent', sales_order: 'Linked' };
const MANDATE_WARNING = 'missing-mandate';

/**
 * The steps of booking one Tribe invoice (or sales order) in SnelStart. Each step first looks for what an
 * earlier, interrupted attempt may have done (booking row, factuurnummer, document file name) and only
 * then writes, so any step can be retried after a crash or a lost response without a duplicate.
 */
export function createDocumentBookingActivities(deps: ActivityDependencies, contexts: TenantContexts) {
  const bookings = new BookingStore(deps.pool);

  const steps = {
    async prepareDocumentBooking(ref: DocumentRef): Promise<PreparedDocumentBooking> {
      return asActivity(async () => {
        const ctx = await contexts.get(ref.tenantId);
        const existing = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
        if (existing?.status === 'documented') return prepared('documented', existing);
        const activity = await readActivity(ctx, ref);
        if (!activity)
          return {
            state: 'not-ready',
            number: null,
            snelstartId: null,
            documentId: null,
            reason: 'not found in Tribe',
          };
        const number = activity.Number ?? null;
        if (ctx.settings.mode !== (ref.kind === 'invoice' ? 'invoice' : 'salesOrder')) {
          return {
            state: 'not-ready',
            number,
            snelstartId: null,
            documentId: null,
            reason: `tenant is not in ${ref.kind} mode`,
          };
        }
        if (activity.Phase?.Code !== READY_PHASE[ref.kind]) {
          return {
            state: 'not-ready',
            number,
            snelstartId: null,
            documentId: null,
            reason: `phase is ${activity.Phase?.Code ?? 'unknown'}`,
          };
        }
        if (!number)
          throw new InvalidRecord(
            `${label(ref)} has no number in Tribe; finalize it in Tribe so it gets one.`,
          );
        const booking: DocumentBooking = existing
          ? { ...existing, number, status: existing.status === 'failed' ? 'pending' : existing.status }
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
        return prepared(booking.status === 'booked' ? 'booked' : 'pending', booking);
      });
    },

    async ensureSnelStartCustomer(ref: DocumentRef): Promise<string> {
      return asActivity(async () => {
        const ctx = await contexts.get(ref.tenantId);
        const activity = await readActivity(ctx, ref);
        const organisation = activity?.Relationship?.Organization;
        if (!activity || !organisation)
          throw new InvalidRecord(`${label(ref)} has no customer in Tribe; set its relation, then retry.`);
        const links =
          (await ctx.links.byTribeIds(ref.tenantId, 'relation', [organisation.ID])).get(organisation.ID) ??
          [];
        const klant = links.find((link) => link.role === 'Klant');
        if (klant) return klant.snelstartId;
        // The customer is not in SnelStart yet: create it first, exactly as a new Tribe customer would be.
        const { links: created } = await createRelatiesForOrganisation(ctx, organisation, ['Klant']);
        const id = created.find((link) => link.role === 'Klant')?.snelstartId;
        if (!id) throw new InvalidRecord(`customer "${organisation.Name}" could not be created in SnelStart`);
        return id;
      });
    },

    async createSnelStartDocument(ref: DocumentRef & { customerId: string }): Promise<string> {
      return asActivity(async () => {
        const ctx = await contexts.get(ref.tenantId);
        const booking = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
        if (!booking) throw new Error(`${label(ref)} was not prepared`);
        if (booking.snelstartId) return booking.snelstartId;
        const snelstartId =
          ref.kind === 'invoice'
            ? await bookInvoice(ctx, ref, booking, ref.customerId)
            : await createSalesOrder(ctx, ref, booking, ref.customerId);
        await bookings.save(ref.tenantId, { ...booking, snelstartId, status: 'booked' });
        return snelstartId;
      });
    },

    async attachDocumentToSnelStart(ref: DocumentRef & { snelstartId: string }): Promise<string> {
      return asActivity(async () => {
        const ctx = await contexts.get(ref.tenantId);
        const booking = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
        if (!booking) throw new Error(`${label(ref)} was not prepared`);
        if (booking.documentId) return booking.documentId;
        const document = await documentOf(ctx, ref);
        // Sales orders have no document type of their own in SnelStart's API: the order document goes on the relatie.
        const type = ref.kind === 'invoice' ? 'Verkoopboekingen' : 'Relaties';
        const parentId =
          ref.kind === 'invoice' ? ref.snelstartId : await orderRelatieId(ctx, ref.snelstartId);
        const client = ctx.snelstartClient;
        const find = async () =>
          (await client.listDocuments(type, parentId)).find((doc) => doc.fileName === document.fileName);
        // A booking this very run created cannot have a document yet: no need to look.
        const fresh = runReads.get(readKey(ref))?.createdBooking === ref.snelstartId;
        let documentId = fresh ? undefined : (await find())?.id;
        if (!documentId) {
          checkpoint('document read');
          try {
            documentId = (await client.uploadDocument(type, parentId, document.fileName, document.data)).id;
          } catch (err) {
            if (classifyError(err) !== 'unknown-outcome') throw err;
            documentId =
              (await find())?.id ??
              (await client.uploadDocument(type, parentId, document.fileName, document.data)).id;
          }
        }
        // The failure goes first: whoever sees the booking documented no longer sees it listed as failed.
        await ctx.health.resolveFailure(ref.tenantId, ref.kind, 'tribe', ref.tribeId);
        await bookings.save(ref.tenantId, { ...booking, documentId, status: 'documented' });
        return documentId;
      });
    },

    async recordDocumentFailure(ref: DocumentRef & { number: string | null; reason: string }): Promise<void> {
      const booking = await bookings.get(ref.tenantId, ref.kind, ref.tribeId);
      if (booking) await bookings.save(ref.tenantId, { ...booking, status: 'failed' });
      await deps.health.recordFailure(ref.tenantId, {
        entity: ref.kind,
        source: 'tribe',
        recordId: ref.tribeId,
        operation: ref.kind === 'invoice' ? 'book-invoice' : 'create-sales-order',
        reason: `${ref.kind === 'invoice' ? 'Invoice' : 'Sales order'} ${ref.number ?? ref.tribeId}: ${ref.reason}`,
      });
    },
  };

  return {
    ...steps,

    /**
     * The whole booking in one activity: prepare, customer, booking, document. Every step looks up before it
     * writes, so a retry after a crash at any point (even between booking and document) finishes the job
     * without a duplicate; one activity keeps each invoice's workflow history short.
     */
    async bookDocumentInSnelStart(ref: DocumentRef): Promise<DocumentBookingOutcome> {
      runReads.set(readKey(ref), {});
      try {
        return await bookInOneRun(ref);
      } finally {
        runReads.delete(readKey(ref));
      }
    },
  };

  async function bookInOneRun(ref: DocumentRef): Promise<DocumentBookingOutcome> {
    {
      const prepared = await steps.prepareDocumentBooking(ref);
      const { number, snelstartId: existingId, documentId: existingDocument, reason } = prepared;
      if (prepared.state === 'not-ready')
        return { outcome: 'not-ready', number, snelstartId: null, documentId: null, reason };
      if (prepared.state === 'documented') {
        return { outcome: 'already-booked', number, snelstartId: existingId, documentId: existingDocument };
      }
      const customerId = await steps.ensureSnelStartCustomer(ref);
      checkpoint('customer');
      const snelstartId = await steps.createSnelStartDocument({ ...ref, customerId });
      checkpoint('booked');
      const documentId = await steps.attachDocumentToSnelStart({ ...ref, snelstartId });
      return { outcome: 'booked', number, snelstartId, documentId };
    }
  }
}

async function bookInvoice(
  ctx: TenantContext,
  ref: DocumentRef,
  booking: DocumentBooking,
  customerId: string,
): Promise<string> {
  const client = ctx.snelstartClient;
  const findExisting = async () =>
    (await client.findVerkoopfactuurByFactuurnummer(booking.number))?.verkoopBoeking?.id;
  // Booked before (by us after a lost response, or by hand): adopt it rather than book twice.
  const existing = await findExisting();
  if (existing) return existing;

  const invoice = (await readActivity(ctx, ref)) as
    (TribeInvoice & { ProductLines?: TribeProductLine[]; Subscription?: { ID: string } | null }) | null;
  if (!invoice) throw new InvalidRecord(`${label(ref)} no longer exists in Tribe`);
  const document = await documentOf(ctx, ref);
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
  try {
    const id = (await client.createVerkoopboeking(result.booking as never)).id;
    const reads = runReads.get(readKey(ref));
    if (reads) reads.createdBooking = id;
    return id;
  } catch (err) {
    const duplicate = (err as SnelStartApiError).codes?.includes('BOE-0021');
    if (!duplicate && classifyError(err) !== 'unknown-outcome') throw err;
    const found = await findExisting();
    if (found) return found;
    if (duplicate) throw err;
    return (await client.createVerkoopboeking(result.booking as never)).id;
  }
}

async function createSalesOrder(
  ctx: TenantContext,
  ref: DocumentRef,
  booking: DocumentBooking,
  customerId: string,
): Promise<string> {
  const client = ctx.snelstartClient;
  const order = (await readActivity(ctx, ref)) as
    (TribeSalesOrder & { ProductLines?: TribeProductLine[] }) | null;
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
  const reference = result.order.orderreferentie ?? booking.number;
  const findExisting = async () =>
    (await client.findVerkoopordersByOrderreferentie(reference)).find((o) => o.relatie?.id === customerId)
      ?.id;
  const existing = await findExisting();
  if (existing) return existing;
  try {
    return (await client.createVerkooporder(result.order as never)).id;
  } catch (err) {
    if (classifyError(err) !== 'unknown-outcome') throw err;
    return (await findExisting()) ?? (await client.createVerkooporder(result.order as never)).id;
  }
}

async function chooseMandate(
  ctx: TenantContext,
  customerId: string,
  invoice: TribeInvoice,
): Promise<{ id: string } | null> {
  const client = ctx.snelstartClient;
  const [mandates, customer] = await Promise.all([
    client.listDoorlopendeIncassoMachtigingen(customerId),
    client.getRelatie(customerId),
  ]);
  const selection = selectMandate({
    mandates,
    invoiceDate: invoice.InvoiceDate ?? ctx.now().toISOString().slice(0, 10),
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

/**
 * Reads of one booking run, shared by its steps: the invoice and its PDF are read from Tribe once per
 * `bookDocumentInSnelStart` call (a retry reads them again).
 */
const runReads = new Map<
  string,
  {
    activity?: ReturnType<typeof fetchActivity>;
    document?: ReturnType<typeof fetchDocument>;
    createdBooking?: string;
  }
>();
const readKey = (ref: DocumentRef) => `${ref.tenantId}:${ref.kind}:${ref.tribeId}`;

function readActivity(ctx: TenantContext, ref: DocumentRef) {
  const reads = runReads.get(readKey(ref));
  if (!reads) return fetchActivity(ctx, ref);
  reads.activity ??= fetchActivity(ctx, ref);
  return reads.activity;
}

function documentOf(ctx: TenantContext, ref: DocumentRef) {
  const reads = runReads.get(readKey(ref));
  if (!reads) return fetchDocument(ctx, ref);
  reads.document ??= fetchDocument(ctx, ref);
  return reads.document;
}

async function fetchActivity(ctx: TenantContext, ref: DocumentRef) {
  return ref.kind === 'invoice'
    ? ctx.tribe.invoices.get(ref.tribeId)
    : ctx.tribe.salesOrders.get(ref.tribeId);
}

async function fetchDocument(ctx: TenantContext, ref: DocumentRef) {
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
  if (!id) throw new Error(`SnelStart verkooporder ${verkooporderId} has no relatie`);
  return id;
}

function prepared(
  state: PreparedDocumentBooking['state'],
  booking: DocumentBooking,
): PreparedDocumentBooking {
  return { state, number: booking.number, snelstartId: booking.snelstartId, documentId: booking.documentId };
}

const label = (ref: DocumentRef) =>
  `${ref.kind === 'invoice' ? 'Tribe invoice' : 'Tribe sales order'} ${ref.tribeId}`;

/**
 * Between steps: tells Temporal the run is alive, and stops here when the worker is shutting down. The next
 * attempt (on any worker) starts over and finds every step already done by its look-ups.
 */
function checkpoint(step: string): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return; // not inside an activity
  }
  context.heartbeat({ step });
  if (context.cancellationSignal.aborted) throw context.cancellationSignal.reason ?? new Error('cancelled');
}

class InvalidRecord extends Error {
  override name = 'InvalidRecord';
}

/** Validation problems fail the step for good (retrying cannot help); everything else Temporal retries. */
async function asActivity<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidRecord || (classifyError(err) === 'invalid' && isApiError(err))) {
      throw ApplicationFailure.nonRetryable(errorMessage(err), 'InvalidRecord');
    }
    throw err;
  }
}

function isApiError(err: unknown): boolean {
  const name = (err as Error | undefined)?.name ?? '';
  return /SnelStart|Tribe|RecordProblem/.test(name);
}
