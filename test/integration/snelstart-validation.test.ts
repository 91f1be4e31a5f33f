import { randomUUID } from 'node:crypto';
import { SnelStartApiError, SnelStartClient, type VerkoopboekingWrite } from '../../api-clients/snelstart';
import {
  startSnelStartSandbox,
  type AdministrationHandle,
  type SnelStartSandbox,
} from '../../sandboxes/snelstart';

let sandbox: SnelStartSandbox;
let client: SnelStartClient;
let handle: AdministrationHandle;
let koppelsleutel: string;
let klantId: string;
let leverancierId: string;
let omzetHoog: string;
let nl: string;

beforeAll(async () => {
  sandbox = await startSnelStartSandbox();
  koppelsleutel = `validatie-${randomUUID()}`;
  handle = sandbox.addAdministration({
    koppelsleutel,
    limits: { perMinute: null, perHour: null, concurrent: null },
  });
  client = new SnelStartClient({
    apiUrl: sandbox.apiUrl,
    tokenUrl: sandbox.tokenUrl,
    subscriptionKey: sandbox.subscriptionKey,
    koppelsleutel,
  });
  nl = (await client.listLanden()).find((land) => land.landcode === 'NL')!.id;
  omzetHoog = (await client.listGrootboeken()).find((g) => g.nummer === 8000)!.id;
  klantId = (
    await client.createRelatie({
      relatiesoort: ['Klant'],
      naam: 'Klant',
      relatiecode: 100,
      iban: 'NL91ABNA0417164300',
      incassoSoort: 'Core',
    })
  ).id;
  leverancierId = (
    await client.createRelatie({ relatiesoort: ['Leverancier'], naam: 'Leverancier', relatiecode: 200 })
  ).id;
});

afterAll(async () => {
  client.close();
  await sandbox.close();
});

/** Asserts the call fails as a non-retryable 400 carrying `code`, and returns the error. */
async function rejectsWith(call: Promise<unknown>, code: string): Promise<SnelStartApiError> {
  const error = await call.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SnelStartApiError);
  const apiError = error as SnelStartApiError;
  expect(apiError).toMatchObject({
    status: 400,
    kind: 'validation',
    retryable: false,
    unknownOutcome: false,
  });
  expect(apiError.codes).toContain(code);
  expect(apiError.messages.length).toBeGreaterThan(0);
  return apiError;
}

function boeking(overrides: Partial<VerkoopboekingWrite> = {}): VerkoopboekingWrite {
  return {
    factuurnummer: `F-${randomUUID().slice(0, 8)}`,
    klant: { id: klantId },
    factuurdatum: '2024-05-01T00:00:00',
    factuurbedrag: 121,
    boekingsregels: [{ grootboek: { id: omzetHoog }, bedrag: 100, btwSoort: 'Hoog' }],
    btw: [{ btwSoort: 'VerkopenHoog', btwBedrag: 21 }],
    ...overrides,
  };
}

async function raw(method: string, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const token = sandbox.issueToken(koppelsleutel);
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'ocp-apim-subscription-key': sandbox.subscriptionKey,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('SnelStart validation errors through the client', () => {
  describe('relaties', () => {
    it('REL-0007: naam is required', async () => {
      await rejectsWith(client.createRelatie({ relatiesoort: ['Klant'], naam: ' ' }), 'REL-0007');
      await rejectsWith(client.createRelatie({ relatiesoort: ['Klant'] }), 'REL-0007');
    });

    it('REL-0008: relatiecode already in use', async () => {
      await rejectsWith(
        client.createRelatie({ relatiesoort: ['Klant'], naam: 'Dubbel', relatiecode: 100 }),
        'REL-0008',
      );
      await rejectsWith(client.updateRelatie(leverancierId, { relatiecode: 100 }), 'REL-0008');
    });

    it('REL-0060: a partly filled vestigingsAdres', async () => {
      await rejectsWith(
        client.createRelatie({
          relatiesoort: ['Klant'],
          naam: 'Half adres',
          vestigingsAdres: { straat: 'Dorpsstraat 1', plaats: 'Alkmaar' },
        }),
        'REL-0060',
      );
      const complete = await client.createRelatie({
        relatiesoort: ['Klant'],
        naam: 'Heel adres',
        vestigingsAdres: {
          contactpersoon: 'Jan',
          straat: 'Dorpsstraat 1',
          postcode: '1234 AB',
          plaats: 'Alkmaar',
          land: { id: nl },
        },
      });
      expect(complete.vestigingsAdres?.contactpersoon).toBe('Jan');
    });

    it('REL-0064: relatiesoort cannot change on PUT', async () => {
      await rejectsWith(client.updateRelatie(klantId, { relatiesoort: ['Leverancier'] }), 'REL-0064');
    });

    it('REL-0065: not both Klant and Leverancier', async () => {
      await rejectsWith(
        client.createRelatie({ relatiesoort: ['Klant', 'Leverancier'], naam: 'Beide' }),
        'REL-0065',
      );
    });

    it('REL-0011, REL-0061, REL-0012: invalid iban, e-mail and too long a phone number', async () => {
      const error = await rejectsWith(
        client.createRelatie({
          relatiesoort: ['Klant'],
          naam: 'Fouten',
          iban: 'NL00BANK0123456789',
          email: 'geen-mail',
          telefoon: '0'.repeat(26),
        }),
        'REL-0011',
      );
      expect(error.codes).toEqual(['REL-0012', 'REL-0061', 'REL-0011']);
    });

    it('a naam over 50 characters is a ModelState error without a code', async () => {
      const error = await client
        .createRelatie({ relatiesoort: ['Klant'], naam: 'x'.repeat(51) })
        .catch((e: SnelStartApiError) => e);
      expect(error).toMatchObject({ status: 400, kind: 'validation', retryable: false, codes: [] });
      expect(error.messages).toEqual([
        'The request is invalid.',
        'model.Naam: Het veld mag maximaal 50 tekens bevatten.',
      ]);
    });

    it('ALG-0100 / ALG-0101: an id on POST, a different id on PUT', async () => {
      expect(
        await raw('POST', '/relaties', { id: randomUUID(), naam: 'Met id', relatiesoort: ['Klant'] }),
      ).toEqual({
        status: 400,
        body: [{ errorCode: 'ALG-0100', message: expect.any(String) }],
      });
      expect(
        await raw('PUT', `/relaties/${klantId}`, {
          id: leverancierId,
          naam: 'Ander id',
          relatiesoort: ['Klant'],
        }),
      ).toEqual({
        status: 400,
        body: [{ errorCode: 'ALG-0101', message: expect.any(String) }],
      });
    });

    it('an unknown id is a non-retryable 404', async () => {
      await expect(client.getRelatie(randomUUID())).rejects.toMatchObject({
        status: 404,
        kind: 'not-found',
        retryable: false,
      });
      await expect(client.updateRelatie(randomUUID(), { naam: 'x' })).rejects.toMatchObject({ status: 404 });
    });
  });

  describe('artikelen', () => {
    it('ART-0005: artikelcode exists; ART-0008: artikelomzetgroep required', async () => {
      const groep = (await client.listArtikelOmzetGroepen())[0]!.id;
      await client.createArtikel({
        artikelcode: 'ART-1',
        omschrijving: 'Eerste',
        artikelOmzetgroep: { id: groep },
      });
      await rejectsWith(
        client.createArtikel({
          artikelcode: 'ART-1',
          omschrijving: 'Tweede',
          artikelOmzetgroep: { id: groep },
        }),
        'ART-0005',
      );
      await rejectsWith(
        client.createArtikel({ artikelcode: 'ART-2', omschrijving: 'Zonder groep' }),
        'ART-0008',
      );
      await rejectsWith(
        client.createArtikel({
          artikelcode: 'ART-3',
          omschrijving: 'Onbekende groep',
          artikelOmzetgroep: { id: randomUUID() },
        }),
        'ART-0009',
      );
    });
  });

  describe('verkoopboekingen', () => {
    it('BOE-0021: factuurnummer exists', async () => {
      const first = boeking();
      await client.createVerkoopboeking(first);
      await rejectsWith(client.createVerkoopboeking({ ...first }), 'BOE-0021');
    });

    it('BOE-0023: no boekingsregels', async () => {
      await rejectsWith(
        client.createVerkoopboeking(boeking({ boekingsregels: [], btw: [], factuurbedrag: 0 })),
        'BOE-0023',
      );
    });

    it('BOE-0039: factuurbedrag must equal lines plus btw to the cent', async () => {
      await rejectsWith(client.createVerkoopboeking(boeking({ factuurbedrag: 121.01 })), 'BOE-0039');
      const split = await client.createVerkoopboeking(
        boeking({
          factuurbedrag: 36.3,
          boekingsregels: [
            { grootboek: { id: omzetHoog }, bedrag: 10.1, btwSoort: 'Hoog' },
            { grootboek: { id: omzetHoog }, bedrag: 19.9, btwSoort: 'Hoog' },
          ],
          btw: [{ btwSoort: 'VerkopenHoog', btwBedrag: 6.3 }],
        }),
      );
      expect(split.factuurbedrag).toBe(36.3);
    });

    it('BOE-0058: factuurnummer required and at most 25 characters', async () => {
      await rejectsWith(client.createVerkoopboeking(boeking({ factuurnummer: '' })), 'BOE-0058');
      await rejectsWith(client.createVerkoopboeking(boeking({ factuurnummer: 'F'.repeat(26) })), 'BOE-0058');
    });

    it('BOE-0060: the relatie is not a Klant', async () => {
      await rejectsWith(client.createVerkoopboeking(boeking({ klant: { id: leverancierId } })), 'BOE-0060');
    });

    it('BOE-0082: a line uses the document-level btw vocabulary', async () => {
      const error = await raw('POST', '/verkoopboekingen', {
        ...boeking(),
        boekingsregels: [{ grootboek: { id: omzetHoog }, bedrag: 100, btwSoort: 'VerkopenHoog' }],
      });
      expect(error.status).toBe(400);
      expect(error.body).toEqual([expect.objectContaining({ errorCode: 'BOE-0082' })]);
    });

    describe('incasso', () => {
      const actief = randomUUID();
      const ingetrokken = randomUUID();
      const vanAnder = randomUUID();
      let zonderIban: string;

      beforeAll(async () => {
        zonderIban = (await client.createRelatie({ relatiesoort: ['Klant'], naam: 'Zonder IBAN' })).id;
        handle.seed({
          doorlopendeincassomachtigingen: [
            {
              id: actief,
              kenmerk: 'M-1',
              afsluitDatum: '2023-01-01T00:00:00',
              omschrijving: 'Actief',
              klant: { id: klantId },
            },
            {
              id: ingetrokken,
              kenmerk: 'M-2',
              afsluitDatum: '2023-01-01T00:00:00',
              omschrijving: 'Ingetrokken',
              klant: { id: klantId },
              intrekkingsDatum: '2024-01-01T00:00:00',
            },
            {
              id: vanAnder,
              kenmerk: 'M-3',
              afsluitDatum: '2023-01-01T00:00:00',
              omschrijving: 'Ander',
              klant: { id: zonderIban },
            },
          ],
        });
      });

      it('BOE-0064: both a doorlopende and an eenmalige machtiging', async () => {
        await rejectsWith(
          client.createVerkoopboeking(
            boeking({
              doorlopendeIncassoMachtiging: { id: actief },
              eenmaligeIncassoMachtiging: {
                omschrijving: 'Eenmalig',
                datum: '2024-05-01T00:00:00',
                kenmerk: 'E-1',
              },
            }),
          ),
          'BOE-0064',
        );
      });

      it('BOE-0079: the machtiging is revoked', async () => {
        await rejectsWith(
          client.createVerkoopboeking(boeking({ doorlopendeIncassoMachtiging: { id: ingetrokken } })),
          'BOE-0079',
        );
        const before = await client.createVerkoopboeking(
          boeking({ factuurdatum: '2023-06-01T00:00:00', doorlopendeIncassoMachtiging: { id: ingetrokken } }),
        );
        expect(before.doorlopendeIncassoMachtiging?.id).toBe(ingetrokken);
      });

      it('BOE-0066: the machtiging belongs to another klant; BOE-0052/0055: klant without IBAN or incasso', async () => {
        await rejectsWith(
          client.createVerkoopboeking(boeking({ doorlopendeIncassoMachtiging: { id: vanAnder } })),
          'BOE-0066',
        );
        const error = await rejectsWith(
          client.createVerkoopboeking(
            boeking({ klant: { id: zonderIban }, doorlopendeIncassoMachtiging: { id: vanAnder } }),
          ),
          'BOE-0052',
        );
        expect(error.codes).toContain('BOE-0055');
      });
    });
  });

  describe('documenten', () => {
    it('BLG-0006: a document over 10 MB', async () => {
      const { id } = await client.createVerkoopboeking(boeking());
      await rejectsWith(
        client.uploadDocument('Verkoopboekingen', id, 'groot.pdf', Buffer.alloc(10 * 1024 * 1024 + 1)),
        'BLG-0006',
      );
      const exact = await client.uploadDocument(
        'Verkoopboekingen',
        id,
        'precies.pdf',
        Buffer.alloc(10 * 1024 * 1024),
      );
      expect(exact.id).toBeTruthy();
    });

    it('BLG-0016 and BLG-0008: a bad file name and empty content', async () => {
      const { id } = await client.createVerkoopboeking(boeking());
      await rejectsWith(
        client.uploadDocument('Verkoopboekingen', id, 'fac/tuur?.pdf', Buffer.from('x')),
        'BLG-0016',
      );
      await rejectsWith(
        client.uploadDocument('Verkoopboekingen', id, 'leeg.pdf', Buffer.alloc(0)),
        'BLG-0008',
      );
    });
  });

  describe('verkooporders', () => {
    it('VOR-0005: nummer given on a new order; VOR-0002: relatie is not a klant; VOR-0011: orderreferentie too long', async () => {
      expect(
        await raw('POST', '/verkooporders', { relatie: { id: klantId }, datum: '2024-01-01', nummer: 5 }),
      ).toEqual({
        status: 400,
        body: [{ errorCode: 'VOR-0005', message: expect.any(String) }],
      });
      await rejectsWith(
        client.createVerkooporder({ relatie: { id: leverancierId }, datum: '2024-01-01' }),
        'VOR-0002',
      );
      await rejectsWith(
        client.createVerkooporder({
          relatie: { id: klantId },
          datum: '2024-01-01',
          orderreferentie: 'R'.repeat(51),
        }),
        'VOR-0011',
      );
    });
  });
});
