import { SnelStartClient } from '../../api-clients/snelstart';
import { startSnelStartSandbox, type SnelStartSandbox } from '../../sandboxes/snelstart';

const RELATIES = 100_000;
const PLAATSEN = ['Amsterdam', 'Rotterdam', 'Utrecht', 'Zwolle', 'Groningen', 'Eindhoven', 'Maastricht'];

/** Realistic RelatieModel rows in the API's wire shape, as a seed file would hold them. */
function relatieRows(count: number, landId: string) {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    relatiesoort: [i % 4 === 0 ? 'Leverancier' : 'Klant'],
    relatiecode: i + 1,
    naam: `Relatie ${i} B.V.`,
    modifiedOn: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T12:00:00.000`,
    vestigingsAdres: {
      contactpersoon: null,
      straat: `Hoofdstraat ${(i % 300) + 1}`,
      postcode: `${1000 + (i % 8999)} AB`,
      plaats: PLAATSEN[i % PLAATSEN.length],
      land: { id: landId },
    },
    email: `info${i}@relatie.nl`,
    telefoon: '030-1234567',
    nonactief: i % 97 === 0,
  }));
}

let sandbox: SnelStartSandbox;

beforeAll(async () => {
  sandbox = await startSnelStartSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

describe('SnelStart sandbox at scale', () => {
  it(`seeds ${RELATIES.toLocaleString('en')} relaties well under 10 s and serves them`, async () => {
    const handle = sandbox.addAdministration({
      koppelsleutel: 'groot',
      limits: { perMinute: null, perHour: null, concurrent: null },
    });
    const nl = handle.records('landen').find((land) => land.landcode === 'NL')!.id;
    const rows = relatieRows(RELATIES, nl);

    const began = performance.now();
    handle.seed({ relaties: rows });
    const seedMs = performance.now() - began;
    console.log(`seeded ${RELATIES} relaties in ${seedMs.toFixed(0)} ms`);
    expect(seedMs).toBeLessThan(10_000);
    expect(handle.records('relaties')).toHaveLength(RELATIES + 3);

    const client = new SnelStartClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      subscriptionKey: sandbox.subscriptionKey,
      koppelsleutel: 'groot',
    });
    try {
      const lookupBegan = performance.now();
      expect((await client.findRelatieByRelatiecode(76_543))?.naam).toBe('Relatie 76542 B.V.');
      const changed = await client.listRelatiesModifiedSince('2024-01-27T00:00:00');
      const queryMs = performance.now() - lookupBegan;
      const systemRows = 3;
      expect(changed).toHaveLength(
        rows.filter((row) => row.modifiedOn > '2024-01-27T00:00:00').length + systemRows,
      );

      const callsBefore = client.callCounts.api;
      const pagingBegan = performance.now();
      let total = 0;
      for await (const page of client.relatiePages()) total += page.length;
      const pagingMs = performance.now() - pagingBegan;
      expect(total).toBe(RELATIES + 3);
      expect(client.callCounts.api - callsBefore).toBe(Math.ceil(total / 500));
      console.log(
        `natural-key lookup + ModifiedOn filter: ${queryMs.toFixed(0)} ms; paged all ${total} in ${pagingMs.toFixed(0)} ms`,
      );
      expect(
        await client.createRelatie({ relatiesoort: ['Klant'], naam: 'Nummer honderdduizend-en-één' }),
      ).toMatchObject({
        relatiecode: RELATIES + 1,
      });
    } finally {
      client.close();
    }
  });
});
