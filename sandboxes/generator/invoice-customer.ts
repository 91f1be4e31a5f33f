/** A Tribe customer relationship that invoices, subscriptions and sales orders can be written for. */
export interface InvoiceCustomer {
  readonly relationshipId: string;
  /** The organisation name, as printed on the PDF. */
  readonly name: string;
  readonly paymentTermDays: number;
  /**
   * The customer's SnelStart direct-debit state: Core incasso with an active mandate, with only
   * revoked ones, without any; not on Core incasso; or `unknown` when SnelStart does not know it yet.
   */
  readonly mandate: 'active' | 'revokedOnly' | 'none' | 'notCore' | 'unknown';
}
