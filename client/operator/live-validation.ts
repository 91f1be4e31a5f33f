import { SnelStartClient } from '../../api-clients/snelstart';
import { TribeClient } from '../../api-clients/tribe';
import type { ActivationConfig } from '../../domain/activation-config';
import { missingScopeMessages, missingScopes, requiredSnelStartScopes } from '../../domain/snelstart-scopes';
import type { Endpoints } from '../../activities/dependencies';
import { OperatorError, type Problem } from './operator-service';
import { packageFromScopes } from './snelstart-licence';
import type { SystemIdentity } from './system-identity';

/** The systems the credentials open are null where they could not be read. */
export interface LiveCheckResult extends SystemIdentity {
  problems: Problem[];
  snelstartPackage: string;
}

/**
 * Checks an activation against both live systems: the credentials work, the SnelStart package is supported,
 * the token carries the scopes the enabled features need, and every mapped id exists. One problem per finding.
 */
export async function validateAgainstLiveSystems(
  config: ActivationConfig,
  endpoints: Endpoints,
): Promise<LiveCheckResult> {
  const problems: Problem[] = [];
  const result: LiveCheckResult = {
    problems,
    snelstartPackage: 'unknown',
    administratieNaam: null,
    snelstartAdministratieId: null,
    tribeOwnOrganizationId: null,
  };
  const snelstart = new SnelStartClient({
    apiUrl: endpoints.snelstart.apiUrl,
    tokenUrl: endpoints.snelstart.tokenUrl,
    subscriptionKey: endpoints.snelstart.subscriptionKey,
    koppelsleutel: config.snelstart.koppelsleutel,
  });
  const tribe = new TribeClient({
    apiUrl: endpoints.tribe.apiUrl,
    tokenUrl: endpoints.tribe.tokenUrl,
    clientId: config.tribe.clientId,
    clientSecret: config.tribe.clientSecret,
  });
  try {
    await Promise.all([checkSnelStart(config, snelstart, result), checkTribe(config, tribe, result)]);
  } finally {
    snelstart.close();
  }
  return result;
}

/**
 * Which administration and which Tribe account these credentials open; null for what they cannot read (a
 * revoked key answers nothing, which is not a reason to refuse its successor).
 */
export async function readSystemIdentity(
  endpoints: Endpoints,
  credentials: { koppelsleutel: string; tribe: { clientId: string; clientSecret: string } },
): Promise<SystemIdentity> {
  const snelstart = new SnelStartClient({ ...endpoints.snelstart, koppelsleutel: credentials.koppelsleutel });
  const tribe = new TribeClient({ ...endpoints.tribe, ...credentials.tribe });
  try {
    const [companyInfo, ownOrganizationId] = await Promise.all([
      snelstart.companyInfo().catch(() => null),
      tribe.ownOrganizationId().catch(() => null),
    ]);
    return {
      snelstartAdministratieId: companyInfo?.administratieIdentifier?.toLowerCase() ?? null,
      administratieNaam: companyInfo?.administratieNaam ?? null,
      tribeOwnOrganizationId: ownOrganizationId?.toLowerCase() ?? null,
    };
  } finally {
    snelstart.close();
  }
}

async function checkSnelStart(
  config: ActivationConfig,
  client: SnelStartClient,
  result: LiveCheckResult,
): Promise<void> {
  const { problems } = result;
  let scopes: string[];
  try {
    scopes = await client.scopes();
  } catch (err) {
    throwIfOutage(err, 'SnelStart');
    problems.push({
      field: 'snelstart.koppelsleutel',
      message: `SnelStart refused the koppelsleutel (${reason(err)}); copy it again from SnelStart (Instellingen → Koppelingen).`,
    });
    return;
  }
  const licence = packageFromScopes(scopes);
  result.snelstartPackage = licence.name;
  if (!licence.check.ok) {
    problems.push({ field: 'snelstart.koppelsleutel', message: licence.check.message });
    return;
  }
  const missing = missingScopes(scopes, requiredSnelStartScopes(config));
  for (const message of missingScopeMessages(missing)) {
    problems.push({ field: 'snelstart.koppelsleutel', message });
  }
  try {
    const companyInfo = await client.companyInfo();
    result.administratieNaam = companyInfo.administratieNaam ?? null;
    result.snelstartAdministratieId = companyInfo.administratieIdentifier?.toLowerCase() ?? null;
  } catch (err) {
    throwIfOutage(err, 'SnelStart');
    problems.push({ field: 'snelstart', message: `SnelStart companyInfo could not be read: ${reason(err)}` });
  }
  // Without the scope the list cannot be read; the missing scope is the problem to report, not its 403.
  const listed = missing.includes('boekhouden:read')
    ? null
    : await readForCheck(problems, 'snelstart', 'SnelStart grootboeken', () => client.listGrootboeken());
  if (listed) {
    const grootboeken = new Set(listed.map((row) => row.id.toLowerCase()));
    config.mappings.ledgerAccounts.forEach((mapping, index) => {
      if (!grootboeken.has(mapping.snelstartGrootboekId.toLowerCase())) {
        problems.push({
          field: `mappings.ledgerAccounts[${index}].snelstartGrootboekId`,
          message: `grootboek ${mapping.snelstartGrootboekId} does not exist in this SnelStart administration; pick one from \`koppeling mapping-options --file <this activation file>\`.`,
        });
      }
    });
  }
  if (config.mode === 'salesOrder' && config.verkoopordersjabloonId && !missing.includes('orders:read')) {
    const sjablonen = await readForCheck(problems, 'snelstart', 'SnelStart verkoopordersjablonen', () =>
      client.listVerkoopordersjablonen(),
    );
    if (
      sjablonen &&
      !sjablonen.some((row) => row.id.toLowerCase() === config.verkoopordersjabloonId!.toLowerCase())
    ) {
      problems.push({
        field: 'verkoopordersjabloonId',
        message: `verkoopordersjabloon ${config.verkoopordersjabloonId} does not exist in this SnelStart administration; pick one from \`koppeling mapping-options --file <this activation file>\`.`,
      });
    }
  }
}

async function checkTribe(
  config: ActivationConfig,
  client: TribeClient,
  result: LiveCheckResult,
): Promise<void> {
  const { problems } = result;
  try {
    result.tribeOwnOrganizationId = (await client.ownOrganizationId()).toLowerCase();
  } catch (err) {
    throwIfOutage(err, 'Tribe');
    problems.push({
      field: 'tribe.clientId',
      message: `Tribe refused the client credentials (${reason(err)}); check the application under Configuration → Applications in Tribe.`,
    });
    return;
  }
  const datastores = await readForCheck(problems, 'tribe.clientId', 'Tribe datastores', () =>
    Promise.all([
      client.datastores.vatGroups(),
      client.datastores.generalLedgerAccounts(),
      client.datastores.addressTypes(),
      client.datastores.relationshipTypes(),
    ]),
  );
  if (!datastores) return;
  const [vatGroups, ledgers, addressTypes, relationshipTypes] = datastores;
  const ids = (rows: { ID: string }[]) => new Set(rows.map((row) => row.ID.toLowerCase()));
  const vat = ids(vatGroups);
  config.mappings.vatGroups.forEach((mapping, index) => {
    if (!vat.has(mapping.tribeVatGroupId.toLowerCase())) {
      problems.push({
        field: `mappings.vatGroups[${index}].tribeVatGroupId`,
        message: `Tribe VAT group ${mapping.tribeVatGroupId} does not exist; pick one from \`koppeling mapping-options --file <this activation file>\`.`,
      });
    }
  });
  const ledger = ids(ledgers);
  config.mappings.ledgerAccounts.forEach((mapping, index) => {
    if (!ledger.has(mapping.tribeLedgerAccountId.toLowerCase())) {
      problems.push({
        field: `mappings.ledgerAccounts[${index}].tribeLedgerAccountId`,
        message: `Tribe ledger account ${mapping.tribeLedgerAccountId} does not exist; pick one from \`koppeling mapping-options --file <this activation file>\`.`,
      });
    }
  });
  const addresses = ids(addressTypes);
  for (const key of ['vestigingsAdres', 'correspondentieAdres'] as const) {
    const id = config.mappings.addressTypes[key];
    if (!addresses.has(id.toLowerCase())) {
      problems.push({
        field: `mappings.addressTypes.${key}`,
        message: `Tribe address type ${id} does not exist; pick one from \`koppeling mapping-options --file <this activation file>\`.`,
      });
    }
  }
  const relationSets = new Set(relationshipTypes.map((row) => String(row.Code ?? '')));
  config.mappings.relationTypes.extra.forEach((set, index) => {
    if (!relationSets.has(set)) {
      problems.push({
        field: `mappings.relationTypes.extra[${index}]`,
        message: `Tribe relation type ${set} does not exist; pick one from \`koppeling mapping-options --file <this activation file>\`.`,
      });
    }
  });
}

function reason(err: unknown): string {
  const status = (err as { status?: number }).status;
  const message = err instanceof Error ? err.message : String(err);
  return status ? `HTTP ${status}` : message;
}

/**
 * Reads what a check compares against. Refused (a scope or right missing): one problem naming it. Down or
 * overloaded: the whole check is unavailable, so the operator tries again instead of fixing the file.
 */
async function readForCheck<T>(
  problems: Problem[],
  field: string,
  what: string,
  read: () => Promise<T>,
): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    throwIfOutage(err, what);
    problems.push({
      field,
      message: `${what} could not be read (${reason(err)}); check that the credentials grant reading them, then try again.`,
    });
    return null;
  }
}

function throwIfOutage(err: unknown, system: string): void {
  const status = (err as { status?: number }).status;
  const auth = status === 401 || status === 403;
  if ((err as { retryable?: boolean }).retryable === true && !auth) {
    throw new OperatorError(
      'unavailable',
      `${system} could not be reached to check the configuration (${reason(err)}); nothing was stored. Try again in a few minutes.`,
    );
  }
}
