import type { Pool } from 'pg';

export type BookingKind = 'invoice' | 'sales_order';
export type BookingStatus = 'pending' | 'booked' | 'documented' | 'failed';

export interface DocumentBooking {
  tribeId: string;
  kind: BookingKind;
  number: string;
  snelstartId: string | null;
  documentId: string | null;
  mandateId: string | null;
  status: BookingStatus;
}

/** What the sync knows it has booked in SnelStart, per Tribe invoice or sales order. */
export class BookingStore {
  constructor(private readonly pool: Pool) {}

  async get(tenantId: string, kind: BookingKind, tribeId: string): Promise<DocumentBooking | null> {
    const { rows } = await this.pool.query(
      'SELECT * FROM document_bookings WHERE tenant_id = $1 AND kind = $2 AND tribe_id = $3',
      [tenantId, kind, tribeId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tribeId: row.tribe_id,
      kind: row.kind,
      number: row.number,
      snelstartId: row.snelstart_id,
      documentId: row.document_id,
      mandateId: row.mandate_id,
      status: row.status,
    };
  }

  async save(tenantId: string, booking: DocumentBooking): Promise<void> {
    await this.pool.query(
      `INSERT INTO document_bookings (tenant_id, kind, tribe_id, number, snelstart_id, document_id, mandate_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, kind, tribe_id) DO UPDATE SET number = EXCLUDED.number,
         snelstart_id = COALESCE(EXCLUDED.snelstart_id, document_bookings.snelstart_id),
         document_id = COALESCE(EXCLUDED.document_id, document_bookings.document_id),
         mandate_id = COALESCE(EXCLUDED.mandate_id, document_bookings.mandate_id),
         status = EXCLUDED.status, updated_at = now()`,
      [
        tenantId,
        booking.kind,
        booking.tribeId,
        booking.number,
        booking.snelstartId,
        booking.documentId,
        booking.mandateId,
        booking.status,
      ],
    );
  }

  /** Which of these are booked with their document already: nothing left to do for them. */
  async documentedIds(tenantId: string, kind: BookingKind, tribeIds: string[]): Promise<Set<string>> {
    if (tribeIds.length === 0) return new Set();
    const { rows } = await this.pool.query(
      `SELECT tribe_id FROM document_bookings
       WHERE tenant_id = $1 AND kind = $2 AND tribe_id = ANY($3::uuid[]) AND status = 'documented'`,
      [tenantId, kind, tribeIds],
    );
    return new Set(rows.map((row) => String(row.tribe_id).toLowerCase()));
  }

  async counts(tenantId: string): Promise<Record<BookingStatus, number>> {
    const { rows } = await this.pool.query(
      'SELECT status, count(*)::int AS n FROM document_bookings WHERE tenant_id = $1 GROUP BY status',
      [tenantId],
    );
    const result: Record<BookingStatus, number> = { pending: 0, booked: 0, documented: 0, failed: 0 };
    for (const row of rows) result[row.status as BookingStatus] = row.n;
    return result;
  }
}
