import { checkSnelStartPackage, type SnelStartPackageCheck } from '../../domain/snelstart-package';

/**
 * SnelStart exposes no field naming the administration's package; the scopes its token carries are the
 * only machine-readable signal. InStap has no artikelen or orders scopes; an Accountant licence may read
 * but write nothing. Anything with both is one of the supported packages.
 */
export function packageFromScopes(scopes: readonly string[]): { name: string; check: SnelStartPackageCheck } {
  const granted = new Set(scopes.map((scope) => scope.toLowerCase()));
  const canWrite = [...granted].some((scope) => scope.endsWith(':write'));
  if (!canWrite) return { name: 'Accountant', check: checkSnelStartPackage('Accountant') };
  if (!granted.has('artikelen:read') && !granted.has('orders:read')) {
    return { name: 'InStap', check: checkSnelStartPackage('InStap') };
  }
  const name = granted.has('btwaangiftes:read') ? 'InBalans/InZicht/InControle' : 'InKaart';
  return { name, check: checkSnelStartPackage(name === 'InKaart' ? 'InKaart' : 'InZicht') };
}
