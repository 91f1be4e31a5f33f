import type { SnelStartLand } from './snelstart-records';
import type { TribeCodedRecord } from './tribe-records';

/**
 * Countries are compared by ISO 3166 alpha-2 code (`NL`): SnelStart identifies a country by the id of a
 * `/landen` row (whose `landcode` is the alpha-2 code), Tribe by the ID of a `Datastore_Country` row (whose
 * `Code` is the alpha-2 code).
 */
export interface CountryMapping {
  readonly isoBySnelStartLandId: ReadonlyMap<string, string>;
  readonly snelStartLandIdByIso: ReadonlyMap<string, string>;
  readonly isoByTribeCountryId: ReadonlyMap<string, string>;
  readonly tribeCountryIdByIso: ReadonlyMap<string, string>;
}

/**
 * Builds the lookup from SnelStart's `/landen` and Tribe's `Datastore_Country`. Rows without a two-letter
 * code are left out; when two rows share a code the first one wins.
 */
export function buildCountryMapping(
  landen: readonly SnelStartLand[],
  tribeCountries: readonly TribeCodedRecord[],
): CountryMapping {
  const isoBySnelStartLandId = new Map<string, string>();
  const snelStartLandIdByIso = new Map<string, string>();
  for (const land of landen) {
    const iso = isoAlpha2(land.landcode);
    if (iso === null) continue;
    isoBySnelStartLandId.set(land.id, iso);
    if (!snelStartLandIdByIso.has(iso)) snelStartLandIdByIso.set(iso, land.id);
  }
  const isoByTribeCountryId = new Map<string, string>();
  const tribeCountryIdByIso = new Map<string, string>();
  for (const country of tribeCountries) {
    const iso = isoAlpha2(country.Code);
    if (iso === null) continue;
    isoByTribeCountryId.set(country.ID, iso);
    if (!tribeCountryIdByIso.has(iso)) tribeCountryIdByIso.set(iso, country.ID);
  }
  return { isoBySnelStartLandId, snelStartLandIdByIso, isoByTribeCountryId, tribeCountryIdByIso };
}

/** An upper-case alpha-2 code, or `null` when the value is not two letters. */
export function isoAlpha2(code: string | null | undefined): string | null {
  const trimmed = (code ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(trimmed) ? trimmed : null;
}
