import { ENTITY_SETS } from '../model/entity-sets';
import type { TribeSeed } from './seed-format';
import type { TenantData } from './tenant-data';

/** A tenant's whole state in the seed format, in creation order; loading it again reproduces the state. */
export function dumpTenantData(data: TenantData): TribeSeed {
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const def of ENTITY_SETS) {
    dump[def.name] = [...data.table(def.name).values()].map((record) => structuredClone(record));
  }
  return dump;
}
