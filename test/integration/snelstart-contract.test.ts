import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { SnelStartClient, type SnelStartCall } from '../../api-clients/snelstart';
import { startSnelStartSandbox, type SnelStartSandbox } from '../../sandboxes/snelstart';

/**
 * Contract check: every request body the client sends and every response body the sandbox answers is
 * validated against SnelStart's official OpenAPI 3.0.1 export. Where the export and SnelStart's
 * observed behaviour disagree, the disagreement is listed here and in sandboxes/snelstart/README.md.
 */

// SnelStart's official OpenAPI definition (B2B API v2), kept here so the test needs nothing outside the repository.
const SPEC_PATH = join(__dirname, '../../api-clients/snelstart/openapi/snelstart-b2b-api-v2.openapi.yaml');

type Schema = Record<string, unknown>;
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Status codes SnelStart answers that its export declares differently (path template → observed → declared). */
const KNOWN_STATUS_DISAGREEMENTS: Record<string, { observed: number; declared: number }> = {
  'POST /documenten/{documenttype}': { observed: 201, declared: 200 },
};

/** Operations whose declared response schema is wrong for every answer SnelStart gives. */
const KNOWN_SCHEMA_DISAGREEMENTS: Record<string, string> = {
  'GET /echo/{input}': 'declared as an object; SnelStart answers the input as a JSON string',
};

/**
 * OpenAPI 3.0 → JSON Schema for ajv. The export declares no `nullable` at all, while SnelStart (like any
 * .NET API) writes null for unset strings, references and Nullable<T>; so every property that is not
 * `required` also accepts null. `nullable: true`, if present, is honoured the same way.
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-') || key === 'nullable') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const required = new Set((source.required as string[] | undefined) ?? []);
      result.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, property]) => [
          name,
          required.has(name) ? toJsonSchema(property) : orNull(toJsonSchema(property)),
        ]),
      );
      continue;
    }
    result[key] = toJsonSchema(value);
  }
  return source.nullable === true ? orNull(result) : result;
}

function orNull(schema: unknown): unknown {
  return { anyOf: [schema, { type: 'null' }] };
}

function buildValidators(spec: Spec) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // SnelStart's date-times are zone-less wall-clock times, which RFC 3339 `date-time` does not allow.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/);
  ajv.addFormat('decimal', { type: 'number', validate: () => true });
  ajv.addSchema({ $id: 'snelstart', components: { schemas: toJsonSchema(spec.components.schemas) } });
  const cache = new Map<string, ValidateFunction>();
  return (schema: Schema): ValidateFunction => {
    const ref = schema.$ref as string | undefined;
    const key = ref ?? JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(ref ? { $ref: `snelstart${ref}` } : (toJsonSchema(schema) as Schema));
      cache.set(key, validate);
    }
    return validate;
  };
}

/** The spec path template for a call: same method and segments, literals matching, most literals wins. */
function templateFor(spec: Spec, method: string, path: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  let best: { template: string; literals: number } | undefined;
  for (const [template, operations] of Object.entries(spec.paths)) {
    const parts = template.split('/').filter(Boolean);
    if (parts.length !== segments.length || !operations[method.toLowerCase()]) continue;
    let literals = 0;
    const fits = parts.every((part, i) => {
      if (part.startsWith('{')) return true;
      literals++;
      return part.toLowerCase() === segments[i]?.toLowerCase();
    });
    if (fits && (!best || literals > best.literals)) best = { template, literals };
  }
  return best?.template;
}

interface Exchange {
  method: string;
  path: string;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
}

let sandbox: SnelStartSandbox;
let spec: Spec;
let validatorFor: (schema: Schema) => ValidateFunction;
const exchanges: Exchange[] = [];
let client: SnelStartClient;
let koppelsleutel: string;

beforeAll(async () => {
  spec = parseYaml(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  validatorFor = buildValidators(spec);
  sandbox = await startSnelStartSandbox();
  koppelsleutel = `contract-${randomUUID()}`;
  sandbox.addAdministration({ koppelsleutel, limits: { perMinute: null, perHour: null, concurrent: null } });
  client = new SnelStartClient({
    apiUrl: sandbox.apiUrl,
    tokenUrl: sandbox.tokenUrl,
    subscriptionKey: sandbox.subscriptionKey,
    koppelsleutel,
    onCall: (call: SnelStartCall) => {
      if (call.kind !== 'api' || call.status === undefined) return;
      exchanges.push({
        method: call.method,
        path: call.path.replace(/^\/v2/, ''),
        status: call.status,
        requestBody: call.requestBody,
        responseBody: call.responseBody,
      });
    },
  });
  await exerciseEveryOperation();
});

afterAll(async () => {
  client.close();
  await sandbox.close();
});

/** Drives every operation the sync engine uses, through the client, plus the sandbox's by-id reads. */
async function exerciseEveryOperation() {
  await client.companyInfo();
  await client.echo('contract');
  const landen = await client.listLanden();
  const nl = landen.find((land) => land.landcode === 'NL')!;
  const grootboeken = await client.listGrootboeken();
  const omzetHoog = grootboeken.find((g) => g.grootboekfunctie === 'VerkopenOmzetHoog')!;
  await client.listBtwTarieven();
  const groepen = await client.listArtikelOmzetGroepen();
  const sjablonen = await client.listVerkoopordersjablonen();

  const klant = await client.createRelatie({
    relatiesoort: ['Klant'],
    naam: 'Contract Klant B.V.',
    vestigingsAdres: {
      contactpersoon: 'A. de Vries',
      straat: 'Stationsplein 1',
      postcode: '3511 ED',
      plaats: 'Utrecht',
      land: { id: nl.id },
    },
    correspondentieAdres: {
      straat: 'Postbus 12',
      postcode: '3500 AA',
      plaats: 'Utrecht',
      land: { id: nl.id },
    },
    email: 'administratie@contract.nl',
    iban: 'NL91ABNA0417164300',
    bic: 'ABNANL2A',
    incassoSoort: 'Core',
    krediettermijn: 14,
    factuurEmailVersturen: { shouldSend: true, email: 'facturen@contract.nl', ccEmail: null },
  });
  await client.updateRelatie(klant.id, { telefoon: '030-1234567', memo: 'contract' });
  await client.listRelaties();
  await client.listRelatiesModifiedSince('2000-01-01T00:00:00');
  await client.findRelatieByRelatiecode(klant.relatiecode!);
  const leverancier = await client.createRelatie({
    relatiesoort: ['Leverancier'],
    naam: 'Contract Leverancier',
  });

  const machtigingId = randomUUID();
  sandbox.administration(koppelsleutel).seed({
    doorlopendeincassomachtigingen: [
      {
        id: machtigingId,
        kenmerk: 'C-1',
        afsluitDatum: '2023-01-01T00:00:00',
        omschrijving: 'Contract',
        klant: { id: klant.id },
      },
    ],
  });
  await client.listDoorlopendeIncassoMachtigingen(klant.id);

  const artikel = await client.createArtikel({
    artikelcode: 'C-1',
    omschrijving: 'Contractartikel',
    artikelOmzetgroep: { id: groepen[0]!.id },
    verkoopprijs: 12.5,
    inkoopprijs: 7.25,
    eenheid: 'stuk',
    relatie: { id: leverancier.id },
  });
  await client.updateArtikel(artikel.id, { verkoopprijs: 13 });
  await client.listArtikelen();
  await client.findArtikelByArtikelcode('C-1');

  const boeking = await client.createVerkoopboeking({
    factuurnummer: 'C-2024-1',
    klant: { id: klant.id },
    factuurdatum: '2024-05-01T00:00:00',
    omschrijving: 'Contract',
    factuurbedrag: 121,
    betalingstermijn: 14,
    doorlopendeIncassoMachtiging: { id: machtigingId },
    boekingsregels: [
      { omschrijving: 'Regel', grootboek: { id: omzetHoog.id }, bedrag: 100, btwSoort: 'Hoog' },
    ],
    btw: [{ btwSoort: 'VerkopenHoog', btwBedrag: 21 }],
  });
  await client.getVerkoopboeking(boeking.id);
  await client.listRelatieVerkoopboekingen(klant.id);
  const factuur = await client.findVerkoopfactuurByFactuurnummer('C-2024-1');
  await client.listVerkoopfacturen();

  const document = await client.uploadDocument(
    'Verkoopboekingen',
    boeking.id,
    'C-2024-1.pdf',
    Buffer.from('%PDF-1.4 contract'),
  );
  await client.listDocuments('Verkoopboekingen', boeking.id);
  await client.getDocument(document.id);
  await client.uploadDocument('Relaties', klant.id, 'order.pdf', Buffer.from('%PDF-1.4 order'));
  await client.listDocuments('Relaties', klant.id);

  const order = await client.createVerkooporder({
    relatie: { id: klant.id },
    datum: '2024-06-01T00:00:00',
    orderreferentie: 'C-SO-1',
    omschrijving: 'Contractorder',
    verkoopordersjabloon: { id: sjablonen[0]!.id },
    afleveradres: { straat: 'Stationsplein 1', postcode: '3511 ED', plaats: 'Utrecht', land: { id: nl.id } },
    regels: [{ artikel: { id: artikel.id }, aantal: 2, kortingsPercentage: 10 }],
  });
  await client.getVerkooporder(order.id);
  await client.listVerkooporders();
  await client.findVerkoopordersByOrderreferentie('C-SO-1');

  await rawReads([
    `/landen/${nl.id}`,
    `/grootboeken/${omzetHoog.id}`,
    `/artikelomzetgroepen/${groepen[0]!.id}`,
    `/verkoopordersjablonen/${sjablonen[0]!.id}`,
    `/verkoopfacturen/${factuur!.id}`,
  ]);
}

/** By-id reads the client does not need, sent raw so the sandbox's answers are checked too. */
async function rawReads(paths: string[]) {
  const token = sandbox.issueToken(koppelsleutel);
  for (const path of paths) {
    const response = await fetch(`${sandbox.apiUrl}${path}`, {
      headers: {
        authorization: `Bearer ${token}`,
        'ocp-apim-subscription-key': sandbox.subscriptionKey,
      },
    });
    exchanges.push({ method: 'GET', path, status: response.status, responseBody: await response.json() });
  }
}

function operationOf(exchange: Exchange): { key: string; operation: Operation } {
  const template = templateFor(spec, exchange.method, exchange.path);
  const operation = template ? spec.paths[template]?.[exchange.method.toLowerCase()] : undefined;
  if (!template || !operation)
    throw new Error(`${exchange.method} ${exchange.path} is not in the official definition`);
  return { key: `${exchange.method} ${template}`, operation };
}

function problems(validate: ValidateFunction, body: unknown): string[] {
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

describe('SnelStart contract (official OpenAPI definition)', () => {
  it('exercised every operation the client offers', () => {
    const operations = new Set(exchanges.map((exchange) => operationOf(exchange).key));
    expect([...operations].sort()).toEqual(
      [
        'GET /artikelen',
        'GET /artikelen/{id}',
        'GET /artikelomzetgroepen',
        'GET /artikelomzetgroepen/{id}',
        'GET /btwtarieven',
        'GET /companyInfo',
        'GET /documenten/{documenttype}/{pid}',
        'GET /documenten/{id}',
        'GET /echo/{input}',
        'GET /grootboeken',
        'GET /grootboeken/{id}',
        'GET /landen',
        'GET /landen/{id}',
        'GET /relaties',
        'GET /relaties/{id}',
        'GET /relaties/{id}/doorlopendeincassomachtigingen',
        'GET /relaties/{id}/verkoopboekingen',
        'GET /verkoopboekingen/{id}',
        'GET /verkoopfacturen',
        'GET /verkoopfacturen/{id}',
        'GET /verkooporders',
        'GET /verkooporders/{id}',
        'GET /verkoopordersjablonen',
        'GET /verkoopordersjablonen/{id}',
        'POST /artikelen',
        'POST /documenten/{documenttype}',
        'POST /relaties',
        'POST /verkoopboekingen',
        'POST /verkooporders',
        'PUT /artikelen/{id}',
        'PUT /relaties/{id}',
      ].sort(),
    );
    expect(exchanges.every((exchange) => exchange.status < 300)).toBe(true);
  });

  it('every request body the client sent matches the declared request schema', () => {
    const failures: string[] = [];
    for (const exchange of exchanges.filter((e) => e.requestBody !== undefined)) {
      const { key, operation } = operationOf(exchange);
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${key} declares no request body`);
      for (const problem of problems(validatorFor(schema), exchange.requestBody))
        failures.push(`${key}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('every response body the sandbox answered matches the declared response schema', () => {
    const failures: string[] = [];
    const statusDisagreements: Record<string, { observed: number; declared: number }> = {};
    for (const exchange of exchanges) {
      const { key, operation } = operationOf(exchange);
      if (KNOWN_SCHEMA_DISAGREEMENTS[key]) continue;
      let declared = operation.responses?.[String(exchange.status)];
      if (!declared) {
        const success = Object.keys(operation.responses ?? {}).find((status) => status.startsWith('2'));
        statusDisagreements[key] = { observed: exchange.status, declared: Number(success) };
        declared = success ? operation.responses?.[success] : undefined;
      }
      const schema = declared?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${key} declares no JSON body for ${exchange.status}`);
      for (const problem of problems(validatorFor(schema), exchange.responseBody))
        failures.push(`${key}: ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(statusDisagreements).toEqual(KNOWN_STATUS_DISAGREEMENTS);
  });

  it('documents the echo disagreement: the input comes back as a JSON string', () => {
    const echo = exchanges.find((exchange) => exchange.path.startsWith('/echo/'));
    expect(echo?.responseBody).toBe('contract');
  });

  it('the validators do catch a body that breaks the definition', () => {
    const { operation } = operationOf({ method: 'GET', path: `/relaties/${randomUUID()}`, status: 200 });
    const validate = validatorFor(operation.responses!['200']!.content!['application/json']!.schema!);
    const failing = problems(validate, {
      id: 'not-a-guid',
      naam: 'x'.repeat(51),
      aanmaningsoort: 'Soms',
      relatiecode: 1.5,
    });
    const paths = new Set(failing.map((problem) => problem.split(' ')[0]));
    expect([...paths].sort()).toEqual(['/aanmaningsoort', '/id', '/naam', '/relatiecode']);
    expect(
      problems(validate, { id: randomUUID(), naam: 'Goed', relatiesoort: ['Klant'], memo: null }),
    ).toEqual([]);
  });
});
