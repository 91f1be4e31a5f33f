import { randomUUID } from 'node:crypto';
import { sentInvoiceIds } from '../../client/dev/quiet-point';
import { documentBookingWorkflowId } from '../../client/temporal-client';
import { generatePdf } from '../../sandboxes/tribe/documents/pdf';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';
import { draftInvoices } from '../helpers/tribe-drafts';

type Row = Record<string, unknown>;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Hostile but storable values in SnelStart; each must reach Tribe once, intact apart from control characters. */
const HOSTILE_RELATIE_NAMES = [
  "Robert'); DROP TABLE relaties;--",
  "O'Brien' or Name ne 'x",
  "Name eq '' or 1 eq 1",
  '株式会社 東京商事',
  'شركة القاهرة للتجارة',
  'Ελληνική Εταιρεία Α.Ε.',
  '%27%20or%201%3D1 & <script>alert(1)</script>',
] as const;

async function failuresOf(h: SyncHarness) {
  return h.system.operator.failures(h.tenantId);
}

describe('bad input in synced fields and API answers (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  let nl: Row;
  let malformedRelatieId: string;
  let malformedRelatiecode: number;
  const hostileIds = new Map<string, string>();
  let controlId: string;

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 30, products: 10, sentInvoices: 0, draftInvoices: 3, seed: 21 });
    const admin = h.snelstartAdmin();
    nl = admin.records('landen').find((land: Row) => land.landcode === 'NL')!;
    const address = (postcode: string) => ({
      straat: 'Dorpsstraat 1',
      postcode,
      plaats: 'Ergens',
      land: { id: nl.id },
    });
    for (const naam of HOSTILE_RELATIE_NAMES) {
      const created = admin.createAsUser('relaties', {
        relatiesoort: ['Klant'],
        naam,
        vestigingsAdres: address('1234 AB'),
      });
      hostileIds.set(naam, String(created.id));
    }
    controlId = String(
      admin.createAsUser('relaties', {
        relatiesoort: ['Klant'],
        naam: 'Bakkerij\u0007 De\u0000 Korf\u001b',
        vestigingsAdres: address('NOT A POSTCODE !!'),
      }).id,
    );
    // A row SnelStart's model does not allow (an unknown relatiesoort), as a newer API release could send.
    const template = admin.createAsUser('relaties', { relatiesoort: ['Klant'], naam: 'Wordt onleesbaar' });
    malformedRelatieId = String(template.id);
    malformedRelatiecode = Number(template.relatiecode);
    admin.seed({ relaties: [{ ...template, relatiesoort: ['Prospect'] }] } as never);

    await h.activate();
    await h.waitForIdle();
  });
  afterAll(async () => h?.close());

  it('carries injection strings and non-Latin names to Tribe once, exactly as written', async () => {
    await h.cycle();
    await h.cycle();
    const organisations = h.tribeTenant().list('Relation_Organization');
    for (const naam of HOSTILE_RELATIE_NAMES) {
      const same = organisations.filter((org) => org.Name === naam);
      expect({ naam, count: same.length }).toEqual({ naam, count: 1 });
    }
    // Nothing on the SnelStart side was duplicated by the look-ups these names went through.
    const relaties = h.snelstartAdmin().records('relaties');
    for (const naam of HOSTILE_RELATIE_NAMES)
      expect(relaties.filter((relatie: Row) => relatie.naam === naam)).toHaveLength(1);
  });

  it('drops control characters from a name and keeps an unusual postcode as written', async () => {
    const { rows } = await h.system.pool.query(
      `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND snelstart_id = $2`,
      [h.tenantId, controlId],
    );
    const org = h.tribeTenant().get('Relation_Organization', rows[0]!.tribe_id)!;
    expect(String(org.Name)).not.toMatch(CONTROL_CHARACTERS);
    expect(String(org.Name)).toContain('Bakkerij');
    expect(String(org.Name)).toContain('Korf');
  });

  it('reports a SnelStart row that breaks its model as a failure of that record, and syncs the rest', async () => {
    const failures = await failuresOf(h);
    const failure = failures.find((f) => f.recordId === malformedRelatieId);
    expect(failure).toBeDefined();
    expect(failure!.reason).toMatch(/does not match its model/);
    expect(failure!.reason).toMatch(/relatiesoort/);
    const status = await h.system.workflows.status(h.tenantId);
    expect(status!.phase).toBe('idle');
    expect(status!.progress.relations!.finished).toBe(true);
    // No record silently dropped: every active customer or supplier is linked, or listed with its reason.
    const { rows } = await h.system.pool.query(
      `SELECT DISTINCT snelstart_id::text AS id FROM record_links WHERE tenant_id = $1 AND entity = 'relation'`,
      [h.tenantId],
    );
    const linked = new Set(rows.map((row: { id: string }) => row.id));
    const listed = new Set(failures.filter((f) => f.source === 'snelstart').map((f) => f.recordId));
    const active = h
      .snelstartAdmin()
      .records('relaties')
      .filter(
        (relatie: Row) =>
          // relatiecode -1 and -2 are SnelStart's own system rows, never synced
          !relatie.nonactief &&
          Number(relatie.relatiecode) > 0 &&
          (relatie.relatiesoort as string[]).some((soort) => soort !== 'Eigen'),
      );
    const unaccounted = active.filter(
      (relatie: Row) => !linked.has(String(relatie.id)) && !listed.has(String(relatie.id)),
    );
    expect(
      unaccounted.map((relatie: Row) => [relatie.naam, relatie.relatiesoort, relatie.relatiecode]),
    ).toEqual([]);
    expect(linked.size).toBeGreaterThan(30);
  });

  it('creates nothing for a Tribe customer while a relatie it may already be cannot be read', async () => {
    const tribe = h.tribeTenant();
    const org = tribe.put('Relation_Organization', {
      Name: 'Wordt Onleesbaar',
      DebtorNumber: String(malformedRelatiecode),
    });
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: org.ID, PhoneNumber: '020 765 4321' });
    const relaties = h.snelstartAdmin().records('relaties').length;
    await h.cycle();

    expect(h.snelstartAdmin().records('relaties')).toHaveLength(relaties);
    const failure = (await failuresOf(h)).find((f) => f.recordId === org.ID);
    expect(failure?.reason).toMatch(/relaties it may already be cannot be read/);
    expect(failure?.reason).toContain(malformedRelatieId);
  });

  it('refuses Tribe organisations SnelStart cannot hold, one clear failure each, and creates the good one', async () => {
    const tribe = h.tribeTenant();
    const customer = (Name: string, extra: Row = {}) => {
      const org = tribe.put('Relation_Organization', { Name, ...extra });
      tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
        Organization: { ID: org.ID },
        Relation: { ID: tribe.ownOrganizationId },
      });
      tribe.put('Relation_Organization', { ID: org.ID, Website: 'https://voorbeeld.nl' });
      return String(org.ID);
    };
    const overlong = customer('Zeer Lange Naam '.repeat(8).trim());
    const badEmail = customer('Klant Met Fout Adres', { EmailAddress: 'geen-adres; ook niet' });
    const phone = customer('Klant Met Lang Nummer', { PhoneNumber: '0'.repeat(40) });
    const good = customer("Klant 'Quote' \u4e2d\u6587 B.V.");
    const before = h.snelstartAdmin().records('relaties').length;
    await h.cycle();

    const failures = await failuresOf(h);
    const reasonOf = (id: string) => failures.find((f) => f.recordId === id)?.reason;
    expect(reasonOf(overlong)).toMatch(/Tribe Name\) is 127 characters; SnelStart allows at most 50/);
    expect(reasonOf(badEmail)).toMatch(/e-mail/i);
    expect(reasonOf(phone)).toMatch(/phone number \(Tribe PhoneNumber\) is 40 characters/);
    expect(reasonOf(good)).toBeUndefined();
    const relaties = h.snelstartAdmin().records('relaties');
    expect(relaties.filter((relatie: Row) => relatie.naam === "Klant 'Quote' 中文 B.V.")).toHaveLength(1);
    expect(relaties).toHaveLength(before + 1);

    // The refused ones stay refused without piling up: another cycle adds nothing and fails nothing new.
    await h.cycle();
    expect(h.snelstartAdmin().records('relaties')).toHaveLength(before + 1);
    const again = await failuresOf(h);
    expect(again.filter((f) => [overlong, badEmail, phone].includes(f.recordId))).toHaveLength(3);
  });

  it('reports a Tribe record that breaks its schema as a failure of that record; the cycle carries on', async () => {
    const tribe = h.tribeTenant();
    const broken = tribe.put('Relation_Organization', { Name: 'Wordt Kapot' });
    tribe.corrupt('Relation_Organization', String(broken.ID), { PhoneNumber: 31201234567 });
    const fine = tribe.put('Relation_Organization', { Name: 'Blijft Heel' });
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: fine.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: fine.ID, Website: 'https://heel.nl' });
    await h.cycle();

    const failure = (await failuresOf(h)).find((f) => f.recordId === String(broken.ID));
    expect(failure?.reason).toMatch(/does not match its schema.*PhoneNumber/);
    expect(
      h
        .snelstartAdmin()
        .records('relaties')
        .filter((relatie: Row) => relatie.naam === 'Blijft Heel'),
    ).toHaveLength(1);
    const status = await h.system.workflows.status(h.tenantId);
    expect(status!.lastSyncError).toBeNull();
  });

  it('keeps a negative product price as a price (a deposit or discount), both ways', async () => {
    const { rows } = await h.system.pool.query(
      `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'product' LIMIT 1`,
      [h.tenantId],
    );
    const link = rows[0]!;
    h.tribeTenant().put('Product', { ID: link.tribe_id, SalesPrice: -12.5 });
    await h.cycle();
    expect(h.snelstartAdmin().record('artikelen', link.snelstart_id)!.verkoopprijs).toBe(-12.5);
  });

  it('a retried record that still cannot be read stays listed with the new reason and does not stop the cycle', async () => {
    const before = (await failuresOf(h)).find((f) => f.recordId === malformedRelatieId)!;
    await h.system.operator.retry(h.tenantId, malformedRelatieId);
    await h.cycle();
    const failure = (await failuresOf(h)).find((f) => f.recordId === malformedRelatieId);
    expect(failure?.reason).toMatch(/relatiesoort/);
    expect(failure!.attempts).toBeGreaterThan(before.attempts);
    expect(failure!.retryRequestedAt).toBeNull();
    expect((await h.system.workflows.status(h.tenantId))!.lastSyncError).toBeNull();
  });

  it('fails a sent invoice with a 25 MB PDF once, with the reason, instead of retrying it', async () => {
    const tribe = h.tribeTenant();
    const draft = tribe
      .list('Activity_Invoice')
      .find((invoice) => !sentInvoiceIds(h.demo).includes(String(invoice.ID)))!;
    const tribeId = String(draft.ID);
    tribe.sendInvoice(tribeId, { pdfSizeBytes: 25 * 1024 * 1024 });
    const failure = await until(
      async () => (await failuresOf(h)).find((f) => f.recordId === tribeId),
      60_000,
      'the invoice failure',
    );
    expect(failure.reason).toMatch(/25\.0 MB; SnelStart accepts attachments up to 10 MB/);
    // The run records the failure, then ends failed (not retrying) with the reason for the Temporal UI.
    const handle = h.system.workflows.client.workflow.getHandle(
      documentBookingWorkflowId(h.tenantId, 'invoice', tribeId),
    );
    await until(async () => (await handle.describe()).status.name === 'FAILED', 30_000, 'the run to fail');
    // Nothing half-done in SnelStart: no booking without its document.
    expect(h.snelstartAdmin().records('verkoopboekingen')).toHaveLength(0);
  });

  it('books that invoice after its PDF is fixed and the record is retried, once', async () => {
    const tribe = h.tribeTenant();
    const failed = (await failuresOf(h)).find((f) => f.entity === 'invoice')!;
    const invoice = tribe.get('Activity_Invoice', failed.recordId)!;
    // A smaller PDF attached in Tribe (no phase change, so no webhook): only the retry can book it now.
    tribe.put('Attachment', {
      Description: `Factuur ${invoice.Number}`,
      Entity: { ID: invoice.ID },
      File: {
        Name: `Factuur ${invoice.Number}.pdf`,
        MimeType: 'application/pdf',
        Data: generatePdf({ title: `Factuur ${invoice.Number}`, sizeBytes: 40_000 }).toString('base64'),
      },
    });
    await h.system.operator.retry(h.tenantId, failed.recordId);
    await until(
      async () => (await h.bookings.get(h.tenantId, 'invoice', failed.recordId))?.status === 'documented',
      60_000,
      'the retried invoice to be booked',
    );
    expect((await failuresOf(h)).find((f) => f.recordId === failed.recordId)).toBeUndefined();
    const boekingen = h.snelstartAdmin().records('verkoopboekingen');
    expect(boekingen.filter((b: Row) => b.factuurnummer === invoice.Number)).toHaveLength(1);
    const documents = h.snelstartAdmin().records('documenten');
    expect(documents.filter((d: Row) => d.parentIdentifier === boekingen[0]!.id)).toHaveLength(1);
  });

  it('books a failed invoice after a Reset from the Temporal UI, once', async () => {
    const tribe = h.tribeTenant();
    const draft = draftInvoices(tribe)[0]!;
    const tribeId = String(draft.ID);
    const number = String(tribe.sendInvoice(tribeId, { pdfSizeBytes: 11 * 1024 * 1024 }).activity.Number);
    const handle = h.system.workflows.client.workflow.getHandle(
      documentBookingWorkflowId(h.tenantId, 'invoice', tribeId),
    );
    // The webhook starts the run a moment after the phase change.
    await until(
      async () => (await handle.describe().catch(() => null))?.status.name === 'FAILED',
      30_000,
      'the run to fail',
    );
    tribe.put('Attachment', {
      Description: `Factuur ${number}`,
      Entity: { ID: tribeId },
      File: {
        Name: `Factuur ${number}.pdf`,
        MimeType: 'application/pdf',
        Data: generatePdf({ title: `Factuur ${number}`, sizeBytes: 30_000 }).toString('base64'),
      },
    });
    // What the UI's Reset does: replay the run from its first workflow task, in a new run.
    const { runId } = await handle.describe();
    const history = await handle.fetchHistory();
    const firstTask = history.events!.find((event) => event.workflowTaskCompletedEventAttributes)!;
    await h.system.workflows.client.workflowService.resetWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: handle.workflowId, runId },
      workflowTaskFinishEventId: firstTask.eventId,
      requestId: randomUUID(),
      reason: 'PDF made smaller in Tribe',
    });
    await until(
      async () => (await h.bookings.get(h.tenantId, 'invoice', tribeId))?.status === 'documented',
      60_000,
      'the reset invoice to be booked',
    );
    expect(
      h
        .snelstartAdmin()
        .records('verkoopboekingen')
        .filter((b: Row) => b.factuurnummer === number),
    ).toHaveLength(1);
    expect((await failuresOf(h)).find((f) => f.recordId === tribeId)).toBeUndefined();
  });
});
