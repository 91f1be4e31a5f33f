import { refId, type EntityRecord } from '../model/entity-model';
import type { TenantData } from '../store/tenant-data';

const LINE_TOTALS = ['TotalExcludingVat', 'VatAmount', 'TotalIncludingVat'] as const;

/**
 * Values Tribe computes itself. A product line takes its VAT percentage from its VAT group and its totals
 * from quantity, price and discount, unless the write sets them explicitly.
 */
export function deriveFields(
  data: TenantData,
  setName: string,
  record: EntityRecord,
  written: Record<string, unknown>,
): void {
  if (setName !== 'ProductLine') return;
  if (written.VatPercentage === undefined && written.VatGroup !== undefined) {
    const vatGroupId = refId(record.VatGroup);
    const vatGroup = vatGroupId ? data.table('Datastore_VatGroup').get(vatGroupId) : undefined;
    if (typeof vatGroup?.Percentage === 'number') record.VatPercentage = vatGroup.Percentage;
  }
  if (LINE_TOTALS.some((name) => written[name] !== undefined)) return;
  const { Quantity, Price } = record;
  if (typeof Quantity !== 'number' || typeof Price !== 'number') return;
  const discount = typeof record.DiscountPercentage === 'number' ? record.DiscountPercentage : 0;
  const vatPercentage = typeof record.VatPercentage === 'number' ? record.VatPercentage : 0;
  const excluding = roundCents(Quantity * Price * (1 - discount / 100));
  const vat = roundCents((excluding * vatPercentage) / 100);
  record.TotalExcludingVat = excluding;
  record.VatAmount = vat;
  record.TotalIncludingVat = roundCents(excluding + vat);
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
