import { mergePatch } from '../../../api-clients/http/merge-patch';
import { createArtikel, replaceArtikel } from '../resources/artikelen';
import { NotFound } from '../resources/api-errors';
import { createRelatie, replaceRelatie } from '../resources/relaties';
import { createVerkoopboeking, replaceVerkoopboeking } from '../resources/verkoopboekingen';
import { createVerkooporder, replaceVerkooporder } from '../resources/verkooporders';
import type { WireRecord } from '../store/collection';
import type { Administration } from './administration';

/** Resources a user can create and change in SnelStart itself. */
export const EDITABLE_RESOURCES = ['relaties', 'artikelen', 'verkoopboekingen', 'verkooporders'] as const;
export type EditableResource = (typeof EDITABLE_RESOURCES)[number];

const SERVICES: Record<
  EditableResource,
  {
    create: (admin: Administration, body: unknown) => WireRecord;
    replace: (admin: Administration, id: string, body: unknown) => WireRecord;
  }
> = {
  relaties: { create: createRelatie, replace: replaceRelatie },
  artikelen: { create: createArtikel, replace: replaceArtikel },
  verkoopboekingen: { create: createVerkoopboeking, replace: replaceVerkoopboeking },
  verkooporders: { create: createVerkooporder, replace: replaceVerkooporder },
};

export function isEditableResource(value: string): value is EditableResource {
  return (EDITABLE_RESOURCES as readonly string[]).includes(value);
}

/**
 * Changes a record as a user in SnelStart would: `patch` is merged into the current record (see
 * `mergePatch`), validated like an API write, and `modifiedOn` moves on. It is not an API call, so it
 * is neither counted nor rate limited.
 */
export function editAsUser(
  admin: Administration,
  resource: EditableResource,
  id: string,
  patch: object,
): WireRecord {
  const current = admin.collection(resource).get(id);
  if (!current) throw new NotFound(`Geen ${resource} met id '${id}'.`);
  return SERVICES[resource].replace(admin, current.id, mergePatch(current, patch));
}

export function createAsUser(admin: Administration, resource: EditableResource, body: object): WireRecord {
  return SERVICES[resource].create(admin, body);
}
