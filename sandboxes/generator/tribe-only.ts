import { DAY_MS, HOUR_MS, isoDateTime } from './dates';
import type { InvoiceCustomer } from './invoice-customer';
import type { OrganisationFactory } from './organisation-profile';
import type { Random } from './random';
import type { TribeOrganisationWriter } from './tribe-organisations';
import { crmAddress, crmFields } from './tribe-variants';

export interface TribeOnlyCounts {
  readonly customers: number;
  readonly suppliers: number;
  readonly customerAndSupplier: number;
  readonly prospects: number;
}

/**
 * Organisations created in the CRM that SnelStart does not know: customers (70%), suppliers (20%),
 * both (the rest), all without a number so the sync creates them in SnelStart; plus a tenth as many
 * prospects, which are only exported when a tenant maps that relation type.
 */
export function writeTribeOnly(
  total: number,
  nowMs: number,
  organisations: OrganisationFactory,
  writer: TribeOrganisationWriter,
  random: Random,
  customers: InvoiceCustomer[],
): TribeOnlyCounts {
  const customersOnly = Math.round(total * 0.7);
  const suppliersOnly = Math.min(Math.round(total * 0.2), total - customersOnly);
  const prospects = Math.floor(total / 10);
  for (let i = 0; i < total + prospects; i++) {
    const isProspect = i >= total;
    const isCustomer = !isProspect && (i < customersOnly || i >= customersOnly + suppliersOnly);
    const isSupplier = !isProspect && i >= customersOnly;
    const profile = organisations.next(isSupplier ? 0.9 : 0.4);
    // Entered in the CRM recently, after the last sync of a real tenant would have run.
    const createdMs = nowMs - HOUR_MS - random.int(90 * DAY_MS);
    const paymentTerm = random.pick([14, 14, 30, 30, 30, 8]);
    const written = writer.write({
      fields: crmFields(profile, profile.name, random),
      visiting: crmAddress(profile.address),
      postal: null,
      customerPaymentTerm: isCustomer ? paymentTerm : null,
      supplierPaymentTerm: isSupplier ? 30 : null,
      prospect: isProspect,
      creationDate: isoDateTime(createdMs),
      lastMutationDate: isoDateTime(createdMs + random.int(nowMs - createdMs)),
    });
    if (written.customerRelationshipId !== null) {
      customers.push({
        relationshipId: written.customerRelationshipId,
        name: profile.name,
        paymentTermDays: paymentTerm,
        mandate: 'unknown',
      });
    }
  }
  return {
    customers: customersOnly,
    suppliers: suppliersOnly,
    customerAndSupplier: total - customersOnly - suppliersOnly,
    prospects,
  };
}
