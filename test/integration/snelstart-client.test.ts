import { randomUUID } from 'node:crypto';
import {
  guid,
  odataFilter,
  SnelStartApiError,
  SnelStartClient,
  SnelStartResponseError,
  type SnelStartCall,
} from '../../api-clients/snelstart';
import {
  startSnelStartSandbox,
  type AdministrationOptions,
  type SnelStartSandbox,
} from '../../sandboxes/snelstart';

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

let sandbox: SnelStartSandbox;
const clients: SnelStartClient[] = [];

beforeAll(async () => {
  sandbox = await startSnelStartSandbox({ administrations: [] });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await sandbox.close();
});

/** A fresh, unthrottled administration and a client for it; `calls` records every exchange. */
function administration(options: Partial<AdministrationOptions> = {}) {
  const koppelsleutel = `koppel-${randomUUID()}`;
  const handle = sandbox.addAdministration({
    limits: { perMinute: null, perHour: null, concurrent: null },
    ...options,
    koppelsleutel,
  });
  const calls: SnelStartCall[] = [];
  const client = new SnelStartClient({
    apiUrl: sandbox.apiUrl,
    tokenUrl: sandbox.tokenUrl,
    subscriptionKey: sandbox.subscriptionKey,
    koppelsleutel,
    onCall: (call) => calls.push(call),
  });
  clients.push(client);
  return { handle, client, calls, koppelsleutel };
}

async function landId(client: SnelStartClient, landcode = 'NL'): Promise<string> {
  const land = (await client.listLanden()).find((candidate) => candidate.landcode === landcode);
  if (!land) throw new Error(`no land ${landcode}`);
  return land.id;
}

describe('SnelStart sandbox and client: relaties', () => {
  it('has the system rows and Dutch reference data in every administration', async () => {
    const { client } = administration();
    const relaties = await client.listRelaties();
    expect(relaties.map((r) => [r.relatiecode, r.relatiesoort])).toEqual(
      expect.arrayContaining([
        [0, ['Eigen']],
        [-1, ['Leverancier']],
        [-2, ['Klant']],
      ]),
    );
    expect(relaties.find((r) => r.relatiecode === -2)?.naam).toBe('Klant onbekend');
    expect((await client.listLanden()).map((l) => l.landcodeISO)).toEqual(
      expect.arrayContaining(['NLD', 'BEL', 'DEU']),
    );
    const tarieven = await client.listBtwTarieven();
    expect(tarieven.filter((t) => t.btwSoort === 'Hoog').map((t) => t.btwPercentage)).toEqual([19, 21]);
    expect((await client.listGrootboeken()).some((g) => g.grootboekfunctie === 'VerkopenOmzetHoog')).toBe(
      true,
    );
    expect(await client.listArtikelOmzetGroepen()).toHaveLength(3);
    expect((await client.listVerkoopordersjablonen())[0]?.omschrijving).toBe('Standaard');
    expect(await client.echo('ping')).toBe('ping');
    expect((await client.companyInfo()).administratieIdentifier).toBeTruthy();
  });

  it('creates a relatie with the next free relatiecode, an id, a uri and a wall-clock modifiedOn', async () => {
    const { client } = administration({
      seed: { relaties: [{ naam: 'Bestaand', relatiesoort: ['Klant'], relatiecode: 41 }] },
    });
    const nl = await landId(client);
    const created = await client.createRelatie({
      relatiesoort: ['Klant'],
      naam: 'Acme B.V.',
      vestigingsAdres: { straat: 'Dorpsstraat 1', postcode: '1234 AB', plaats: 'Alkmaar', land: { id: nl } },
    });
    expect(created.relatiecode).toBe(42);
    expect(created.uri).toBe(`/relaties/${created.id}`);
    expect(created.modifiedOn).toMatch(WALL_CLOCK);
    expect(created.vestigingsAdres?.land?.id).toBe(nl);
    const chosen = await client.createRelatie({
      relatiesoort: ['Leverancier'],
      naam: 'Met nummer',
      relatiecode: 5000,
    });
    expect(chosen.relatiecode).toBe(5000);
    expect((await client.createRelatie({ relatiesoort: ['Klant'], naam: 'Daarna' })).relatiecode).toBe(5001);
    expect((await client.findRelatieByRelatiecode(42))?.id).toBe(created.id);
    expect(await client.findRelatieByRelatiecode(999)).toBeUndefined();
  });

  it('updates by GET-merge-PUT: only the patched fields change and modifiedOn moves on', async () => {
    const { client, calls } = administration();
    const nl = await landId(client);
    const created = await client.createRelatie({
      relatiesoort: ['Klant'],
      naam: 'Merge B.V.',
      memo: 'belangrijke notitie',
      kredietLimiet: 5000,
      vestigingsAdres: { straat: 'Kerkstraat 12', postcode: '3511 AA', plaats: 'Utrecht', land: { id: nl } },
      factuurEmailVersturen: { shouldSend: true, email: 'factuur@merge.nl' },
    });
    calls.length = 0;
    const updated = await client.updateRelatie(created.id, {
      telefoon: '030-1234567',
      vestigingsAdres: { plaats: 'Amersfoort' },
    });
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(updated).toMatchObject({
      naam: 'Merge B.V.',
      memo: 'belangrijke notitie',
      kredietLimiet: 5000,
      telefoon: '030-1234567',
      relatiecode: created.relatiecode,
      vestigingsAdres: {
        straat: 'Kerkstraat 12',
        postcode: '3511 AA',
        plaats: 'Amersfoort',
        land: { id: nl },
      },
      factuurEmailVersturen: { shouldSend: true, email: 'factuur@merge.nl' },
    });
    expect(updated.modifiedOn! > created.modifiedOn!).toBe(true);
    const put = calls.find((c) => c.method === 'PUT')?.requestBody as Record<string, unknown>;
    expect(put.id).toBe(created.id);
    for (const readOnly of [
      'uri',
      'modifiedOn',
      'fax',
      'inkoopBoekingenUri',
      'verkoopBoekingenUri',
      'documents',
      'extraVeldenKlant',
    ]) {
      expect(put).not.toHaveProperty(readOnly);
    }
    calls.length = 0;
    await client.updateRelatie(created.id, { memo: null }, updated);
    expect(calls.map((c) => c.method)).toEqual(['PUT']);
    expect((await client.getRelatie(created.id)).memo).toBeNull();
  });

  it('replaces the whole record on PUT: a partial body blanks the fields it leaves out', async () => {
    const { client, koppelsleutel } = administration();
    const created = await client.createRelatie({
      relatiesoort: ['Klant'],
      naam: 'Heel',
      memo: 'weg',
      kredietLimiet: 10,
    });
    const token = sandbox.issueToken(koppelsleutel);
    const response = await fetch(`${sandbox.apiUrl}/relaties/${created.id}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'ocp-apim-subscription-key': sandbox.subscriptionKey,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ id: created.id, naam: 'Heel' }),
    });
    expect(response.status).toBe(200);
    const after = await client.getRelatie(created.id);
    expect(after).toMatchObject({
      naam: 'Heel',
      memo: null,
      kredietLimiet: 0,
      relatiesoort: ['Klant'],
      relatiecode: created.relatiecode,
    });
  });

  it('keeps nonactief relaties and finds changes with ModifiedOn gt', async () => {
    const { client, handle } = administration();
    const first = await client.createRelatie({ relatiesoort: ['Klant'], naam: 'Eerste' });
    const second = await client.createRelatie({ relatiesoort: ['Klant'], naam: 'Tweede', nonactief: true });
    const changed = await client.listRelatiesModifiedSince(first.modifiedOn!);
    expect(changed.map((r) => r.id)).toEqual([second.id]);
    const edited = handle.editAsUser('relaties', first.id, { telefoon: '0612345678' });
    expect(
      (await client.listRelatiesModifiedSince(second.modifiedOn!)).map((r) => [r.id, r.telefoon]),
    ).toEqual([[first.id, '0612345678']]);
    expect(edited.modifiedOn).toMatch(WALL_CLOCK);
    expect((await client.listRelaties()).some((r) => r.nonactief === true)).toBe(true);
  });

  it('keeps administrations apart', async () => {
    const a = administration();
    const b = administration();
    const created = await a.client.createRelatie({
      relatiesoort: ['Klant'],
      naam: 'Alleen in A',
      relatiecode: 77,
    });
    await expect(b.client.getRelatie(created.id)).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    expect(await b.client.findRelatieByRelatiecode(77)).toBeUndefined();
    await b.client.createRelatie({ relatiesoort: ['Klant'], naam: 'Ook 77 in B', relatiecode: 77 });
    expect(a.handle.records('relaties').filter((r) => r.relatiecode === 77)).toHaveLength(1);
  });
});

describe('SnelStart sandbox and client: OData and paging', () => {
  const relaties = Array.from({ length: 1234 }, (_, i) => ({
    naam: i % 10 === 0 ? `Bakkerij ${i}` : `Relatie ${i}`,
    relatiecode: 1000 + i,
    relatiesoort: [i % 3 === 0 ? 'Leverancier' : 'Klant'],
    nonactief: i % 50 === 0,
    vestigingsAdres: {
      straat: `Straat ${i}`,
      postcode: '1000 AA',
      plaats: i % 2 === 0 ? 'Utrecht' : 'Zwolle',
      land: null,
    },
  }));

  it('pages relaties with $skip/$top 500 until a short page', async () => {
    const { client, calls } = administration({ seed: { relaties } });
    const pages: number[] = [];
    for await (const page of client.relatiePages()) pages.push(page.length);
    expect(pages).toEqual([500, 500, 237]);
    expect(calls.filter((c) => c.kind === 'api').map((c) => c.query)).toEqual([
      '?%24skip=0&%24top=500',
      '?%24skip=500&%24top=500',
      '?%24skip=1000&%24top=500',
    ]);
    const all = await client.listRelaties();
    expect(all).toHaveLength(1237);
    expect(all.slice(0, 3).map((r) => r.relatiecode)).toEqual([1000, 1001, 1002]);
  });

  it('pages artikelen 25 at a time (the spec maximum) and rejects a bigger $top', async () => {
    const artikelen = Array.from({ length: 60 }, (_, i) => ({
      artikelcode: `A${i}`,
      omschrijving: `Artikel ${i}`,
    }));
    const { client, calls } = administration({ seed: { artikelen } });
    const pages: number[] = [];
    for await (const page of client.artikelPages()) pages.push(page.length);
    expect(pages).toEqual([25, 25, 10]);
    expect(calls.every((c) => c.kind !== 'api' || c.query?.includes('%24top=25'))).toBe(true);
    expect((await client.findArtikelByArtikelcode('A42'))?.omschrijving).toBe('Artikel 42');

    const exact = administration({ seed: { artikelen: artikelen.slice(0, 50) } });
    expect(await exact.client.listArtikelen()).toHaveLength(50);
    expect(exact.calls.filter((c) => c.kind === 'api')).toHaveLength(3);

    const raw = await rawGet(exact.koppelsleutel, '/artikelen?$top=500');
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual([{ errorCode: 'ALG-0104', message: expect.stringContaining("limit of '25'") }]);
  });

  it('filters with comparisons, functions, lambdas, nested paths and parentheses', async () => {
    const { client } = administration({ seed: { relaties } });
    const count = async (filter: string) => (await client.listRelaties({ filter })).length;
    expect(await count(odataFilter`startswith(Naam,${'Bakkerij'}) eq true`)).toBe(124);
    expect(await count(odataFilter`substringof(${'rij 12'},Naam) eq true`)).toBe(5);
    expect(await count("Relatiesoort/any(r:r eq 'Leverancier')")).toBe(412 + 1);
    expect(await count("Relatiesoort/any(r:r eq 'Leverancier') and Relatiecode ge 1000")).toBe(412);
    expect(await count('Relatiecode ge 1100 and Relatiecode lt 1110')).toBe(10);
    expect(await count('Relatiecode le 1001 and Relatiecode gt 0 or Relatiecode eq 2233')).toBe(3);
    expect(await count('(Relatiecode eq 1000 or Relatiecode eq 1001) and Nonactief eq true')).toBe(1);
    expect(await count("VestigingsAdres/Plaats eq 'Zwolle' and Relatiecode ne 1001")).toBe(616);
    expect(await count('VestigingsAdres/Land eq null and Relatiecode ge 1000')).toBe(1234);
    const one = (await client.findRelatieByRelatiecode(1007))!;
    expect(
      (await client.listRelaties({ filter: odataFilter`Id eq ${guid(one.id)}` })).map((r) => r.naam),
    ).toEqual(['Relatie 7']);
  });

  it('answers $select with only the selected fields', async () => {
    const { koppelsleutel } = administration({ seed: { relaties: relaties.slice(0, 3) } });
    const raw = await rawGet(koppelsleutel, '/relaties?$select=Id,Naam&$filter=Relatiecode eq 1001');
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual([{ id: expect.any(String), naam: 'Relatie 1' }]);
  });

  it('answers a bad filter with ALG-0104 as a non-retryable error', async () => {
    const { client } = administration();
    for (const filter of ["Naam eq 'open", 'Bestaatniet eq 1', "Relatiecode eq 'x'", 'Naam eq']) {
      const error = await client.listRelaties({ filter }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SnelStartApiError);
      expect(error).toMatchObject({ kind: 'validation', status: 400, codes: ['ALG-0104'], retryable: false });
    }
  });

  it('reports a row that breaks its model, alone or as the failure of the page', async () => {
    const { client, handle } = administration({
      seed: {
        relaties: [
          { naam: 'Goed', relatiecode: 1, relatiesoort: ['Klant'] },
          { naam: 'Kapot', relatiecode: 2, relatiesoort: ['Prospect'] },
        ],
      },
    });
    const error = await client.listRelaties({ filter: 'Relatiecode gt 0' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnelStartResponseError);
    expect((error as SnelStartResponseError).retryable).toBe(false);
    expect((error as Error).message).toMatch(
      /GET \/relaties returned a malformed RelatieModel\[\]: \[1\]\.relatiesoort\[0\]: Invalid option/,
    );

    const invalid: unknown[] = [];
    const rows = await client.listRelaties({
      filter: 'Relatiecode gt 0',
      onInvalidRow: (_e, row) => invalid.push(row),
    });
    expect(rows.map((r) => r.naam)).toEqual(['Goed']);
    expect(invalid).toMatchObject([{ naam: 'Kapot' }]);

    const kapot = handle.records('relaties').find((r) => r.naam === 'Kapot')!;
    await expect(client.getRelatie(kapot.id)).rejects.toThrow(/malformed RelatieModel: relatiesoort\[0\]/);
  });
});

describe('SnelStart sandbox and client: boekingen, documenten, incasso, orders', () => {
  async function bookingSetup() {
    const context = administration();
    const { client } = context;
    const klant = await client.createRelatie({
      relatiesoort: ['Klant'],
      naam: 'Incasso Klant',
      iban: 'NL91ABNA0417164300',
      incassoSoort: 'Core',
      krediettermijn: 30,
    });
    const omzetHoog = (await client.listGrootboeken()).find(
      (g) => g.grootboekfunctie === 'VerkopenOmzetHoog',
    )!;
    return { ...context, klant, omzetHoog };
  }

  it('books a balanced verkoopboeking and finds it by factuurnummer through its verkoopfactuur', async () => {
    const { client, klant, omzetHoog } = await bookingSetup();
    const boeking = await client.createVerkoopboeking({
      factuurnummer: '2024-001',
      klant: { id: klant.id },
      factuurdatum: '2024-05-01T00:00:00',
      omschrijving: 'Consultancy mei',
      factuurbedrag: 1210,
      boekingsregels: [
        { omschrijving: 'Uren', grootboek: { id: omzetHoog.id }, bedrag: 600, btwSoort: 'Hoog' },
        { omschrijving: 'Reiskosten', grootboek: { id: omzetHoog.id }, bedrag: 400, btwSoort: 'Hoog' },
      ],
      btw: [{ btwSoort: 'VerkopenHoog', btwBedrag: 210 }],
    });
    expect(boeking).toMatchObject({
      factuurnummer: '2024-001',
      betalingstermijn: 30,
      klant: { id: klant.id },
    });
    expect((await client.getVerkoopboeking(boeking.id)).factuurbedrag).toBe(1210);

    const factuur = await client.findVerkoopfactuurByFactuurnummer('2024-001');
    expect(factuur).toMatchObject({
      factuurnummer: '2024-001',
      verkoopBoeking: { id: boeking.id },
      relatie: { id: klant.id },
      factuurBedrag: 1210,
      openstaandSaldo: 1210,
      factuurDatum: '2024-05-01T00:00:00',
      vervalDatum: '2024-05-31T00:00:00',
    });
    expect(await client.findVerkoopfactuurByFactuurnummer("2024-001' or Factuurnummer ne '")).toBeUndefined();
    const byBoeking = await client.listVerkoopfacturen({
      filter: odataFilter`VerkoopBoeking/Id eq ${guid(boeking.id)}`,
    });
    expect(byBoeking.map((f) => f.id)).toEqual([factuur!.id]);
    expect((await client.listRelatieVerkoopboekingen(klant.id)).map((b) => b.id)).toEqual([boeking.id]);
  });

  it('attaches documents to a verkoopboeking and to a relatie', async () => {
    const { client, klant, omzetHoog } = await bookingSetup();
    const boeking = await client.createVerkoopboeking({
      factuurnummer: 'DOC-1',
      klant: { id: klant.id },
      factuurbedrag: 100,
      boekingsregels: [{ grootboek: { id: omzetHoog.id }, bedrag: 100, btwSoort: 'Geen' }],
    });
    const pdf = Buffer.from('%PDF-1.7\nfactuur DOC-1\n%%EOF');
    const uploaded = await client.uploadDocument('Verkoopboekingen', boeking.id, 'factuur-DOC-1.pdf', pdf);
    expect(uploaded.uri).toBe(`/documenten/${uploaded.id}`);
    expect(await client.listDocuments('Verkoopboekingen', boeking.id)).toEqual([
      expect.objectContaining({
        id: uploaded.id,
        fileName: 'factuur-DOC-1.pdf',
        verkoopBoekingId: boeking.id,
        readOnly: false,
      }),
    ]);
    const content = await client.getDocument(uploaded.id);
    expect(Buffer.from(content.content, 'base64').equals(pdf)).toBe(true);
    expect((await client.getVerkoopboeking(boeking.id)).documents).toEqual([
      expect.objectContaining({ id: uploaded.id }),
    ]);

    await client.uploadDocument('Relaties', klant.id, 'order-1.pdf', pdf);
    expect((await client.listDocuments('Relaties', klant.id)).map((d) => d.fileName)).toEqual([
      'order-1.pdf',
    ]);
    await expect(client.uploadDocument('Verkoopboekingen', randomUUID(), 'x.pdf', pdf)).rejects.toMatchObject(
      {
        kind: 'not-found',
        status: 404,
      },
    );
  });

  it('reads doorlopende incassomachtigingen and books with one', async () => {
    const { client, handle, klant, omzetHoog } = await bookingSetup();
    const machtigingId = randomUUID();
    handle.seed({
      doorlopendeincassomachtigingen: [
        {
          id: machtigingId,
          kenmerk: 'MANDAAT-1',
          afsluitDatum: '2023-01-01T00:00:00',
          omschrijving: 'Abonnement',
          klant: { id: klant.id },
        },
      ],
    });
    const machtigingen = await client.listDoorlopendeIncassoMachtigingen(klant.id);
    expect(machtigingen).toEqual([
      expect.objectContaining({
        id: machtigingId,
        kenmerk: 'MANDAAT-1',
        klant: expect.objectContaining({ id: klant.id }),
        intrekkingsDatum: null,
      }),
    ]);
    const boeking = await client.createVerkoopboeking({
      factuurnummer: 'SEPA-1',
      klant: { id: klant.id },
      factuurbedrag: 50,
      doorlopendeIncassoMachtiging: { id: machtigingId },
      boekingsregels: [{ grootboek: { id: omzetHoog.id }, bedrag: 50, btwSoort: 'Geen' }],
    });
    expect(boeking.doorlopendeIncassoMachtiging?.id).toBe(machtigingId);
  });

  it('creates verkooporders with the next nummer and finds them by orderreferentie', async () => {
    const { client, klant } = await bookingSetup();
    const sjabloon = (await client.listVerkoopordersjablonen())[0]!;
    const artikel = await client.createArtikel({
      artikelcode: 'UUR',
      omschrijving: 'Advies per uur',
      verkoopprijs: 100,
      artikelOmzetgroep: { id: (await client.listArtikelOmzetGroepen())[0]!.id },
    });
    const order = await client.createVerkooporder({
      relatie: { id: klant.id },
      datum: '2024-06-01T00:00:00',
      orderreferentie: 'TRIBE-SO-17',
      verkoopordersjabloon: { id: sjabloon.id },
      regels: [{ artikel: { id: artikel.id }, aantal: 3 }],
    });
    expect(order).toMatchObject({
      nummer: 1,
      procesStatus: 'Order',
      totaalExclusiefBtw: 300,
      totaalInclusiefBtw: 363,
    });
    expect(order.regels?.[0]).toMatchObject({ omschrijving: 'Advies per uur', stuksprijs: 100, totaal: 300 });
    const second = await client.createVerkooporder({
      relatie: { id: klant.id },
      datum: '2024-06-02',
      orderreferentie: 'TRIBE-SO-18',
    });
    expect(second.nummer).toBe(2);
    expect((await client.findVerkoopordersByOrderreferentie('TRIBE-SO-17')).map((o) => o.id)).toEqual([
      order.id,
    ]);
    expect((await client.getVerkooporder(second.id)).verkoopordersjabloon?.id).toBe(sjabloon.id);
  });

  it('updates an artikel by GET-merge-PUT without sending its read-only stock fields', async () => {
    const { client, calls } = administration();
    const groep = (await client.listArtikelOmzetGroepen())[0]!;
    const artikel = await client.createArtikel({
      artikelcode: 'P-1',
      omschrijving: 'Product',
      verkoopprijs: 10,
      eenheid: 'stuk',
      artikelOmzetgroep: { id: groep.id },
    });
    const updated = await client.updateArtikel(artikel.id, { verkoopprijs: 12.5, isNonActief: true });
    expect(updated).toMatchObject({
      artikelcode: 'P-1',
      omschrijving: 'Product',
      eenheid: 'stuk',
      verkoopprijs: 12.5,
      isNonActief: true,
    });
    const put = calls.find((c) => c.method === 'PUT')?.requestBody as Record<string, unknown>;
    for (const readOnly of [
      'technischeVoorraad',
      'vrijeVoorraad',
      'uri',
      'modifiedOn',
      'isHoofdartikel',
      'subartikelen',
    ]) {
      expect(put).not.toHaveProperty(readOnly);
    }
    expect((await client.listArtikelenModifiedSince(artikel.modifiedOn!)).map((a) => a.id)).toEqual([
      artikel.id,
    ]);
  });
});

describe('SnelStart sandbox control endpoints', () => {
  it('creates, seeds, dumps, edits and counts over HTTP', async () => {
    const koppelsleutel = `control-${randomUUID()}`;
    const control = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${sandbox.controlUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    expect(
      (
        await control('/administrations', 'POST', {
          koppelsleutel,
          package: 'InKaart',
          limits: { perMinute: null, perHour: null, concurrent: null },
        })
      ).status,
    ).toBe(201);
    expect((await control('/administrations', 'POST', { koppelsleutel })).status).toBe(400);
    const seeded = await control(`/administrations/${koppelsleutel}/seed`, 'POST', {
      relaties: [
        {
          id: '0b7a3c2e-55a5-4d4e-9d55-31c9a4c1f001',
          naam: 'Seed B.V.',
          relatiecode: 10,
          relatiesoort: ['Klant'],
        },
      ],
    });
    expect(await seeded.json()).toMatchObject({ relaties: 4 });

    const edited = await control(
      `/administrations/${koppelsleutel}/edits/relaties/0b7a3c2e-55a5-4d4e-9d55-31c9a4c1f001`,
      'PATCH',
      { naam: 'Seed Holding B.V.' },
    );
    expect(edited.status).toBe(200);
    const invalidEdit = await control(
      `/administrations/${koppelsleutel}/edits/relaties/0b7a3c2e-55a5-4d4e-9d55-31c9a4c1f001`,
      'PATCH',
      { naam: '' },
    );
    expect(invalidEdit.status).toBe(400);
    expect(await invalidEdit.json()).toEqual([expect.objectContaining({ errorCode: 'REL-0007' })]);

    const dump = (await (await control(`/administrations/${koppelsleutel}/dump`)).json()) as Record<
      string,
      unknown[]
    >;
    expect(dump.relaties).toEqual(
      expect.arrayContaining([expect.objectContaining({ naam: 'Seed Holding B.V.', relatiecode: 10 })]),
    );
    expect(Object.keys(dump).sort()).toEqual(
      [
        'artikelen',
        'artikelomzetgroepen',
        'btwtarieven',
        'companyInfo',
        'documenten',
        'doorlopendeincassomachtigingen',
        'grootboeken',
        'landen',
        'relaties',
        'verkoopboekingen',
        'verkooporders',
        'verkoopordersjablonen',
      ].sort(),
    );

    const copy = `copy-${randomUUID()}`;
    await control('/administrations', 'POST', { koppelsleutel: copy, seed: dump });
    const copied = sandbox.administration(copy).dump();
    expect(copied.relaties.map((r) => r.id).sort()).toEqual(
      (dump.relaties as { id: string }[]).map((r) => r.id).sort(),
    );

    const client = new SnelStartClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      subscriptionKey: sandbox.subscriptionKey,
      koppelsleutel,
    });
    clients.push(client);
    await client.listRelaties();
    await client.echo('x');
    const stats = (await (await control(`/administrations/${koppelsleutel}/stats`)).json()) as Record<
      string,
      unknown
    >;
    expect(stats).toMatchObject({
      calls: 2,
      byRoute: { 'GET /relaties': 1, 'GET /echo/{input}': 1 },
      rateLimited: 0,
      tokensIssued: 1,
    });

    expect((await control(`/administrations/${koppelsleutel}/limits`, 'PUT', { perMinute: 1 })).status).toBe(
      200,
    );
    expect((await control(`/administrations/${koppelsleutel}/faults`, 'PUT', { latencyMs: 5 })).status).toBe(
      200,
    );
    expect((await control(`/administrations/nope/stats`)).status).toBe(404);
  });
});

async function rawGet(
  koppelsleutel: string,
  pathAndQuery: string,
): Promise<{ status: number; body: unknown }> {
  const token = sandbox.issueToken(koppelsleutel);
  const response = await fetch(`${sandbox.apiUrl}${pathAndQuery.replaceAll(' ', '%20')}`, {
    headers: {
      authorization: `Bearer ${token}`,
      'ocp-apim-subscription-key': sandbox.subscriptionKey,
    },
  });
  return { status: response.status, body: await response.json() };
}
