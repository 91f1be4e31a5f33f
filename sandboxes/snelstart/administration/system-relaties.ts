import type { WireRecord } from '../store/collection';
import { nameBasedId } from '../store/deterministic-id';
import { defaultsOf } from '../model/field-schema';
import { relatieModel } from '../model/models';
import { relatieReadOnlyFields } from '../resources/relaties';
import type { Administration } from './administration';

/**
 * Rows every SnelStart administration has: its own relation (relatiesoort `Eigen`) and the
 * placeholders -1 "Leverancier onbekend" and -2 "Klant onbekend". Added when a seed lacks them.
 */
export function ensureSystemRelaties(admin: Administration): void {
  if (!hasEigenRelatie(admin)) {
    const naam = (admin.companyInfo.bedrijfsnaam as string | null) ?? '<Vul hier uw bedrijfsnaam in>';
    admin.relaties.put(systemRelatie(admin, 'eigen', naam.slice(0, 50), 'Eigen', 0));
  }
  if (admin.relaties.lookup('relatiecode', -1).length === 0) {
    admin.relaties.put(
      systemRelatie(admin, 'leverancier-onbekend', 'Leverancier onbekend', 'Leverancier', -1),
    );
  }
  if (admin.relaties.lookup('relatiecode', -2).length === 0) {
    admin.relaties.put(systemRelatie(admin, 'klant-onbekend', 'Klant onbekend', 'Klant', -2));
  }
}

function systemRelatie(
  admin: Administration,
  key: string,
  naam: string,
  soort: string,
  relatiecode: number,
): WireRecord {
  const id = nameBasedId('systeemrelatie', admin.id, key);
  return {
    ...defaultsOf(relatieModel),
    ...relatieReadOnlyFields(id),
    relatiesoort: [soort],
    relatiecode,
    naam,
    modifiedOn: admin.clock.next(),
  };
}

function hasEigenRelatie(admin: Administration): boolean {
  for (const row of admin.relaties.values()) {
    if ((row.relatiesoort as string[] | null)?.includes('Eigen')) return true;
  }
  return false;
}
