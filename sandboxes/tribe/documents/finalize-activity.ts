import { refId, type EntityRecord } from '../model/entity-model';
import { findEntitySet } from '../model/entity-sets';
import { notFound } from '../odata/odata-error';
import type { TenantData } from '../store/tenant-data';
import type { EntityWriter } from '../writes/entity-writer';
import { generatePdf } from './pdf';

export interface FinalizeOptions {
  /** Pad the generated PDF to this many bytes. */
  readonly pdfSizeBytes?: number;
  /** Document date (YYYY-MM-DD) when the activity has none; default today. */
  readonly date?: string;
}

export interface FinalizeResult {
  readonly activity: EntityRecord;
  readonly attachment: EntityRecord;
}

interface Finalization {
  readonly setName: 'Activity_Invoice' | 'Activity_SalesOrder';
  readonly phaseSet: string;
  readonly phaseCode: string;
  readonly documentTitle: string;
}

export const SEND_INVOICE: Finalization = {
  setName: 'Activity_Invoice',
  phaseSet: 'Datastore_Phase_ActivityInvoice',
  phaseCode: 'Sent',
  documentTitle: 'Factuur',
};

export const LINK_SALES_ORDER: Finalization = {
  setName: 'Activity_SalesOrder',
  phaseSet: 'Datastore_Phase_ActivitySalesOrder',
  phaseCode: 'Linked',
  documentTitle: 'Verkooporder',
};

/**
 * What Tribe's Finalize does: give the activity a number and date if it has none, render its PDF, attach it,
 * then move the phase on. The attachment is stored before the phase changes, so whoever reacts to the
 * phase change finds the document.
 */
export function finalizeActivity(
  data: TenantData,
  writer: EntityWriter,
  finalization: Finalization,
  id: string,
  options: FinalizeOptions = {},
): FinalizeResult {
  const table = data.table(finalization.setName);
  const activity = table.get(id.toLowerCase());
  if (!activity) throw notFound(`${finalization.setName}(${id}) does not exist`);
  const phase = data.findByCode(finalization.phaseSet, finalization.phaseCode);
  if (!phase) throw new Error(`Phase ${finalization.phaseCode} is missing from ${finalization.phaseSet}`);

  const lines = productLines(data, activity.ID);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const changes: Record<string, unknown> = { Phase: { ID: phase.ID } };
  const number =
    typeof activity.Number === 'string' && activity.Number !== ''
      ? activity.Number
      : nextNumber(data, finalization, date);
  changes.Number = number;
  if (finalization.setName === 'Activity_Invoice')
    Object.assign(changes, invoiceDefaults(data, activity, lines, date));

  const pdf = generatePdf({
    title: `${finalization.documentTitle} ${number}`,
    lines: documentLines(data, activity, lines, date),
    sizeBytes: options.pdfSizeBytes,
  });
  const attachmentSet = findEntitySet('Attachment');
  const activityDef = findEntitySet(finalization.setName);
  if (!attachmentSet || !activityDef) throw new Error('Attachment or activity set missing from the model');
  const attachment = writer.create(attachmentSet, {
    Description: `${finalization.documentTitle} ${number}`,
    Entity: { ID: activity.ID },
    File: {
      Name: `${finalization.documentTitle} ${number}.pdf`,
      MimeType: 'application/pdf',
      Data: pdf.toString('base64'),
    },
  });
  return { activity: writer.update(activityDef, activity.ID, changes), attachment };
}

function invoiceDefaults(
  data: TenantData,
  invoice: EntityRecord,
  lines: readonly EntityRecord[],
  date: string,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const invoiceDate = typeof invoice.InvoiceDate === 'string' ? invoice.InvoiceDate : date;
  if (!invoice.InvoiceDate) changes.InvoiceDate = invoiceDate;
  if (!invoice.DueDate) changes.DueDate = addDays(invoiceDate, paymentTermOf(data, invoice));
  if (!invoice.Currency) changes.Currency = 'EUR';
  if (invoice.TotalIncludingVat === undefined || invoice.TotalIncludingVat === null) {
    const sum = (name: string) =>
      Math.round(
        lines.reduce(
          (total, line) => total + (typeof line[name] === 'number' ? (line[name] as number) : 0),
          0,
        ) * 100,
      ) / 100;
    changes.TotalExcludingVat = sum('TotalExcludingVat');
    changes.VatAmount = sum('VatAmount');
    changes.TotalIncludingVat = sum('TotalIncludingVat');
  }
  return changes;
}

function documentLines(
  data: TenantData,
  activity: EntityRecord,
  lines: readonly EntityRecord[],
  date: string,
): string[] {
  const customer = customerOf(data, activity);
  return [
    `Klant: ${typeof customer?.Name === 'string' ? customer.Name : '-'}`,
    `Datum: ${typeof activity.InvoiceDate === 'string' ? activity.InvoiceDate : date}`,
    ...lines.map(
      (line) =>
        `${String(line.Quantity ?? '')} x ${String(line.Description ?? '')}  € ${String(line.TotalIncludingVat ?? '')}`,
    ),
  ];
}

function customerOf(data: TenantData, activity: EntityRecord): EntityRecord | undefined {
  const relationshipId = refId(activity.Relationship);
  const relationship = relationshipId
    ? data.table('Relationship_Organization_CommercialRelationship_Customer').get(relationshipId)
    : undefined;
  const organizationId = relationship ? refId(relationship.Organization) : null;
  return organizationId ? data.table('Relation_Organization').get(organizationId) : undefined;
}

function paymentTermOf(data: TenantData, invoice: EntityRecord): number {
  const relationshipId = refId(invoice.Relationship);
  const relationship = relationshipId
    ? data.table('Relationship_Organization_CommercialRelationship_Customer').get(relationshipId)
    : undefined;
  return typeof relationship?.PaymentTermInDays === 'number' ? relationship.PaymentTermInDays : 30;
}

function productLines(data: TenantData, activityId: string): EntityRecord[] {
  const table = data.table('ProductLine');
  return [...table.lookup('Activity', activityId)].flatMap((id) => table.get(id) ?? []);
}

function nextNumber(data: TenantData, finalization: Finalization, date: string): string {
  const prefix = `${date.slice(0, 4)}-`;
  let highest = 0;
  for (const record of data.table(finalization.setName).values()) {
    const number = record.Number;
    if (typeof number === 'string' && number.startsWith(prefix))
      highest = Math.max(highest, Number(number.slice(prefix.length)) || 0);
  }
  return `${prefix}${String(highest + 1).padStart(5, '0')}`;
}

function addDays(date: string, days: number): string {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}
