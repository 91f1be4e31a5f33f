/**
 * The SnelStart packages (licences) the koppeling works with: InKaart, InBalans, InZicht and InControle.
 * InStap and Accountant are not supported.
 */

export const SUPPORTED_SNELSTART_PACKAGES = ['InKaart', 'InBalans', 'InZicht', 'InControle'] as const;
export const UNSUPPORTED_SNELSTART_PACKAGES = ['InStap', 'Accountant'] as const;

export type SupportedSnelStartPackage = (typeof SUPPORTED_SNELSTART_PACKAGES)[number];

export type SnelStartPackageCheck =
  | { readonly ok: true; readonly package: SupportedSnelStartPackage }
  | { readonly ok: false; readonly message: string };

const SUPPORTED_TEXT = 'InKaart, InBalans, InZicht and InControle';
const UNSUPPORTED_TEXT = 'InStap or Accountant';

/**
 * Checks the administration's SnelStart package. Spelling is forgiving (`inzicht`, `In Zicht`,
 * `SnelStart InZicht` are InZicht); anything else fails with a message that names the supported packages.
 */
export function checkSnelStartPackage(value: string | null | undefined): SnelStartPackageCheck {
  const key = packageKey(value);
  const supported = SUPPORTED_SNELSTART_PACKAGES.find((name) => packageKey(name) === key);
  if (supported) return { ok: true, package: supported };
  const unsupported = UNSUPPORTED_SNELSTART_PACKAGES.find((name) => packageKey(name) === key);
  if (unsupported) {
    return {
      ok: false,
      message: `SnelStart package ${unsupported} is not supported: the koppeling works with SnelStart ${SUPPORTED_TEXT}, not with ${UNSUPPORTED_TEXT}. Upgrade the administration to one of the supported packages and activate again.`,
    };
  }
  if (key === '') {
    return {
      ok: false,
      message: `The SnelStart package is not known: the koppeling works with SnelStart ${SUPPORTED_TEXT}, not with ${UNSUPPORTED_TEXT}. State the administration's package when activating.`,
    };
  }
  return {
    ok: false,
    message: `SnelStart package "${(value ?? '').trim()}" is not recognised: the koppeling works with SnelStart ${SUPPORTED_TEXT}, not with ${UNSUPPORTED_TEXT}.`,
  };
}

function packageKey(value: string | null | undefined): string {
  return (value ?? '')
    .toLowerCase()
    .replace(/snelstart/g, '')
    .replace(/[^a-z]/g, '');
}
