/** The SnelStart licences an administration can have. */
export const SNELSTART_PACKAGES = [
  'InStap',
  'InKaart',
  'InBalans',
  'InZicht',
  'InControle',
  'Accountant',
] as const;

export type SnelStartPackage = (typeof SNELSTART_PACKAGES)[number];

const BOOKKEEPING = [
  'relaties:read',
  'relaties:write',
  'boekhouden:read',
  'boekhouden:write',
  'documenten:read',
  'documenten:write',
  'bankieren:read',
  'bankieren:write',
  'kas:read',
  'kas:write',
  'memoriaal:read',
  'memoriaal:write',
  'settings:read',
  'settings:write',
  'rapportage',
];
const PRODUCTS_AND_ORDERS = ['artikelen:read', 'artikelen:write', 'orders:read', 'orders:write'];
const VAT_RETURNS = ['btwaangiftes:read', 'btwaangiftes:write'];
const EVERYTHING = [...BOOKKEEPING, ...PRODUCTS_AND_ORDERS, ...VAT_RETURNS];

/**
 * The scopes a token carries per package. SnelStart publishes no such table (the token's `scopes`
 * claim is the only machine-readable signal); this one is the sandbox's assumption, documented in
 * README.md: InStap has no artikelen/orders, Accountant reads everything and writes nothing.
 */
export const PACKAGE_SCOPES: Record<SnelStartPackage, readonly string[]> = {
  InStap: [...BOOKKEEPING],
  InKaart: [...BOOKKEEPING, ...PRODUCTS_AND_ORDERS],
  InBalans: EVERYTHING,
  InZicht: EVERYTHING,
  InControle: EVERYTHING,
  Accountant: EVERYTHING.filter((scope) => !scope.endsWith(':write')),
};

export function isSnelStartPackage(value: unknown): value is SnelStartPackage {
  return typeof value === 'string' && (SNELSTART_PACKAGES as readonly string[]).includes(value);
}
