import type { ActivationConfig } from './activation-config';

/**
 * The SnelStart token scopes the enabled features need. The token's `scopes` claim lists what the
 * koppelsleutel grants; a missing scope makes SnelStart answer 403, so activation checks them up front.
 */

/** Why each scope is needed, for the activation message. */
export const SNELSTART_SCOPE_PURPOSES: Readonly<Record<string, string>> = {
  'relaties:read': 'read customers, suppliers and their direct-debit mandates',
  'relaties:write': 'create and update customers and suppliers',
  'artikelen:read': 'read artikelen and artikelomzetgroepen',
  'artikelen:write': 'create and update artikelen',
  'settings:read': 'read countries (landen), VAT rates and company info',
  'boekhouden:read': 'read grootboeken for the ledger mapping',
  'boekhouden:write': 'book sales invoices and upload documents',
  'documenten:read': 'see which documents are already attached, so a retry does not attach twice',
  'documenten:write': 'attach invoice and order documents',
  'orders:read':
    'find bookings by invoice number (verkoopfacturen) and read verkoopordersjablonen and orders',
  'orders:write': 'create verkooporders',
};

/**
 * Scopes for a tenant: relations and products both ways, reference data, bookings with their documents, and
 * in sales-order mode also creating verkooporders. Incasso needs no extra scope (mandates are read with
 * relaties:read). Sorted, without duplicates.
 */
export function requiredSnelStartScopes(config: Pick<ActivationConfig, 'mode'>): string[] {
  const scopes = [
    'relaties:read',
    'relaties:write',
    'artikelen:read',
    'artikelen:write',
    'settings:read',
    'boekhouden:read',
    'boekhouden:write',
    'documenten:read',
    'documenten:write',
    'orders:read',
  ];
  if (config.mode === 'salesOrder') scopes.push('orders:write');
  return [...new Set(scopes)].sort();
}

/**
 * The required scopes the token lacks. `tokenScopes` is the JWT's `scopes` claim (space-separated text) or a
 * list; comparison ignores case and surrounding whitespace.
 */
export function missingScopes(
  tokenScopes: string | readonly string[] | null | undefined,
  required: readonly string[],
): string[] {
  const list = typeof tokenScopes === 'string' ? tokenScopes.split(/\s+/) : (tokenScopes ?? []);
  const granted = new Set(list.map((scope) => scope.trim().toLowerCase()).filter((scope) => scope !== ''));
  return required.filter((scope) => !granted.has(scope.trim().toLowerCase()));
}

/** One message per missing scope, saying what it is needed for. */
export function missingScopeMessages(missing: readonly string[]): string[] {
  return missing.map(
    (scope) =>
      `The SnelStart koppelsleutel lacks the scope ${scope}, needed to ${SNELSTART_SCOPE_PURPOSES[scope] ?? 'use this feature'}; grant it to the koppeling in SnelStart and activate again.`,
  );
}
