import type { Problem } from './operator-service';

/** Which SnelStart administration and which Tribe account a tenant syncs, as the two systems name themselves. */
export interface SystemIdentity {
  snelstartAdministratieId: string | null;
  /** Shown beside the ID so a person recognises the administration. */
  administratieNaam: string | null;
  tribeOwnOrganizationId: string | null;
}

/**
 * New credentials of a stored tenant must reach the systems its links point into. A rotated koppelsleutel or
 * client secret does; a key of another administration or another CRM account would make the next cycle create
 * every relation and product there again. A tenant whose systems were never read has nothing to compare; one
 * whose systems do not name themselves now is not confirmed, and refused.
 */
export function identityProblems(
  tenantId: string,
  stored: SystemIdentity,
  live: SystemIdentity,
  options: { refuseUnconfirmed: boolean } = { refuseUnconfirmed: true },
): Problem[] {
  const problems: Problem[] = [];
  const differs = (known: string | null, now: string | null): boolean =>
    known !== null && (now === null ? options.refuseUnconfirmed : known.toLowerCase() !== now.toLowerCase());
  if (differs(stored.snelstartAdministratieId, live.snelstartAdministratieId)) {
    problems.push({
      field: 'snelstart.koppelsleutel',
      message:
        (live.snelstartAdministratieId === null
          ? 'SnelStart did not say which administration this koppelsleutel opens, '
          : `this koppelsleutel opens SnelStart administration ${named(live.administratieNaam, live.snelstartAdministratieId)}, `) +
        `but tenant "${tenantId}" syncs administration ${named(stored.administratieNaam, stored.snelstartAdministratieId)}: ` +
        `its links point there, and another administration would get every relation and product created again. ` +
        `A new koppelsleutel of the same administration is accepted; to sync another administration, activate it as a new tenant.`,
    });
  }
  if (differs(stored.tribeOwnOrganizationId, live.tribeOwnOrganizationId)) {
    problems.push({
      field: 'tribe.clientId',
      message:
        `these client credentials open another Tribe account (own organisation ${live.tribeOwnOrganizationId}) ` +
        `than tenant "${tenantId}" syncs (own organisation ${stored.tribeOwnOrganizationId}): its links point there, ` +
        `and another account would get every organisation and product created again. New credentials of the same ` +
        `account are accepted; to sync another account, activate it as a new tenant.`,
    });
  }
  return problems;
}

function named(naam: string | null, id: string | null): string {
  return naam ? `"${naam}" (${id})` : `${id}`;
}
