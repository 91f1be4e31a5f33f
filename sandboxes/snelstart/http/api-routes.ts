import type { Administration } from '../administration/administration';
import type { ModelSchema } from '../model/field-schema';
import {
  artikelModel,
  grootboekModel,
  relatieModel,
  verkoopfactuurModel,
  verkoopOrderModel,
} from '../model/models';
import { parseODataQuery, projectSelect, runODataQuery } from '../odata/odata-query';
import { NotFound } from '../resources/api-errors';
import { createArtikel, deleteArtikel, getArtikel, replaceArtikel } from '../resources/artikelen';
import {
  deleteDocument,
  documentTypeOf,
  documentView,
  getDocument,
  listDocuments,
  replaceDocument,
  uploadDocument,
} from '../resources/documenten';
import { createRelatie, deleteRelatie, getRelatie, relatieView, replaceRelatie } from '../resources/relaties';
import {
  createVerkoopboeking,
  deleteVerkoopboeking,
  getVerkoopboeking,
  replaceVerkoopboeking,
  verkoopboekingView,
} from '../resources/verkoopboekingen';
import {
  createVerkooporder,
  deleteVerkooporder,
  getVerkooporder,
  replaceVerkooporder,
} from '../resources/verkooporders';
import type { Collection, WireRecord } from '../store/collection';
import type { ApiContext, ApiRoute } from './api-pipeline';
import type { ApiResult } from './responses';

const ok = (body: unknown): ApiResult => ({ status: 200, body });
const created = (body: unknown): ApiResult => ({ status: 201, body });

type View = (admin: Administration, row: WireRecord) => Record<string, unknown>;
const asStored: View = (_admin, row) => row;

/** `$top` maxima from the official definition: 500 everywhere, 25 on /artikelen. */
const PAGE_LIMIT = 500;
const ARTIKELEN_PAGE_LIMIT = 25;

function odataList(
  collectionOf: (admin: Administration) => Collection,
  model: ModelSchema,
  maxTop: number,
  view: View = asStored,
) {
  return ({ admin, query }: ApiContext): ApiResult => {
    const parsed = parseODataQuery(query, { model, maxTop });
    const rows = runODataQuery(collectionOf(admin), parsed).map((row) => view(admin, row));
    return ok(projectSelect(rows, parsed.select));
  };
}

/** Non-OData lists: SnelStart ignores `$filter` and friends on them. */
function plainList(collectionOf: (admin: Administration) => Collection) {
  return ({ admin }: ApiContext): ApiResult => ok(Array.from(collectionOf(admin).values()));
}

function byId(collectionOf: (admin: Administration) => Collection, what: string) {
  return ({ admin, params }: ApiContext): ApiResult => {
    const row = collectionOf(admin).get(params.id as string);
    if (!row) throw new NotFound(`${what} met id '${params.id}' is niet gevonden.`);
    return ok(row);
  };
}

const R = { read: 'relaties:read', write: 'relaties:write' };
const A = { read: 'artikelen:read', write: 'artikelen:write' };
const B = { read: 'boekhouden:read', write: 'boekhouden:write' };
const O = { read: 'orders:read', write: 'orders:write' };
const S = { read: 'settings:read' };
const D = { read: 'documenten:read', write: 'documenten:write' };

/** The SnelStart B2B API v2 operations the sandbox serves. */
export const API_ROUTES: ApiRoute[] = [
  { method: 'GET', url: '/companyInfo', scopes: [S.read], handle: ({ admin }) => ok(admin.companyInfo) },
  {
    method: 'GET',
    url: '/echo/:input',
    scopes: [],
    handle: ({ params }) => ok(params.input),
  },

  {
    method: 'GET',
    url: '/relaties',
    scopes: [R.read],
    handle: odataList((a) => a.relaties, relatieModel, PAGE_LIMIT, relatieView),
  },
  {
    method: 'POST',
    url: '/relaties',
    scopes: [R.write],
    handle: ({ admin, body }) => created(relatieView(admin, createRelatie(admin, body))),
  },
  {
    method: 'GET',
    url: '/relaties/:id',
    scopes: [R.read],
    handle: ({ admin, params }) => ok(relatieView(admin, getRelatie(admin, params.id as string))),
  },
  {
    method: 'PUT',
    url: '/relaties/:id',
    scopes: [R.write],
    handle: ({ admin, params, body }) =>
      ok(relatieView(admin, replaceRelatie(admin, params.id as string, body))),
  },
  {
    method: 'DELETE',
    url: '/relaties/:id',
    scopes: [R.write],
    handle: ({ admin, params }) => {
      deleteRelatie(admin, params.id as string);
      return ok({});
    },
  },
  {
    method: 'GET',
    url: '/relaties/:id/verkoopboekingen',
    scopes: [R.read, B.read],
    handle: ({ admin, params }) => {
      const relatie = getRelatie(admin, params.id as string);
      return ok(
        admin.verkoopboekingen.lookup('klant.id', relatie.id).map((row) => verkoopboekingView(admin, row)),
      );
    },
  },
  {
    method: 'GET',
    url: '/relaties/:id/doorlopendeincassomachtigingen',
    scopes: [R.read],
    handle: ({ admin, params }) => {
      const relatie = getRelatie(admin, params.id as string);
      return ok(admin.doorlopendeIncassoMachtigingen.lookup('klant.id', relatie.id));
    },
  },

  {
    method: 'GET',
    url: '/artikelen',
    scopes: [A.read],
    handle: odataList((a) => a.artikelen, artikelModel, ARTIKELEN_PAGE_LIMIT),
  },
  {
    method: 'POST',
    url: '/artikelen',
    scopes: [A.write],
    handle: ({ admin, body }) => created(createArtikel(admin, body)),
  },
  {
    method: 'GET',
    url: '/artikelen/:id',
    scopes: [A.read],
    handle: ({ admin, params }) => ok(getArtikel(admin, params.id as string)),
  },
  {
    method: 'PUT',
    url: '/artikelen/:id',
    scopes: [A.write],
    handle: ({ admin, params, body }) => ok(replaceArtikel(admin, params.id as string, body)),
  },
  {
    method: 'DELETE',
    url: '/artikelen/:id',
    scopes: [A.write],
    handle: ({ admin, params }) => {
      deleteArtikel(admin, params.id as string);
      return ok({});
    },
  },
  {
    method: 'GET',
    url: '/artikelomzetgroepen',
    scopes: [A.read],
    handle: plainList((a) => a.artikelomzetgroepen),
  },
  {
    method: 'GET',
    url: '/artikelomzetgroepen/:id',
    scopes: [A.read],
    handle: byId((a) => a.artikelomzetgroepen, 'Artikelomzetgroep'),
  },

  {
    method: 'GET',
    url: '/grootboeken',
    scopes: [B.read],
    handle: odataList((a) => a.grootboeken, grootboekModel, PAGE_LIMIT),
  },
  {
    method: 'GET',
    url: '/grootboeken/:id',
    scopes: [B.read],
    handle: byId((a) => a.grootboeken, 'Grootboek'),
  },
  { method: 'GET', url: '/btwtarieven', scopes: [S.read], handle: ({ admin }) => ok(admin.btwtarieven) },
  { method: 'GET', url: '/landen', scopes: [S.read], handle: plainList((a) => a.landen) },
  { method: 'GET', url: '/landen/:id', scopes: [S.read], handle: byId((a) => a.landen, 'Land') },

  {
    method: 'POST',
    url: '/verkoopboekingen',
    scopes: [B.write],
    handle: ({ admin, body }) => created(verkoopboekingView(admin, createVerkoopboeking(admin, body))),
  },
  {
    method: 'GET',
    url: '/verkoopboekingen/:id',
    scopes: [B.read],
    handle: ({ admin, params }) =>
      ok(verkoopboekingView(admin, getVerkoopboeking(admin, params.id as string))),
  },
  {
    method: 'PUT',
    url: '/verkoopboekingen/:id',
    scopes: [B.write],
    handle: ({ admin, params, body }) =>
      ok(verkoopboekingView(admin, replaceVerkoopboeking(admin, params.id as string, body))),
  },
  {
    method: 'DELETE',
    url: '/verkoopboekingen/:id',
    scopes: [B.write],
    handle: ({ admin, params }) => {
      deleteVerkoopboeking(admin, params.id as string);
      return ok({});
    },
  },
  {
    method: 'GET',
    url: '/verkoopfacturen',
    scopes: [O.read],
    handle: odataList((a) => a.verkoopfacturen, verkoopfactuurModel, PAGE_LIMIT),
  },
  {
    method: 'GET',
    url: '/verkoopfacturen/:id',
    scopes: [O.read],
    handle: byId((a) => a.verkoopfacturen, 'Verkoopfactuur'),
  },

  {
    method: 'GET',
    url: '/verkooporders',
    scopes: [O.read],
    handle: odataList((a) => a.verkooporders, verkoopOrderModel, PAGE_LIMIT),
  },
  {
    method: 'POST',
    url: '/verkooporders',
    scopes: [O.write],
    handle: ({ admin, body }) => created(createVerkooporder(admin, body)),
  },
  {
    method: 'GET',
    url: '/verkooporders/:id',
    scopes: [O.read],
    handle: ({ admin, params }) => ok(getVerkooporder(admin, params.id as string)),
  },
  {
    method: 'PUT',
    url: '/verkooporders/:id',
    scopes: [O.write],
    handle: ({ admin, params, body }) => ok(replaceVerkooporder(admin, params.id as string, body)),
  },
  {
    // The official definition declares 201 for this DELETE.
    method: 'DELETE',
    url: '/verkooporders/:id',
    scopes: [O.write],
    handle: ({ admin, params }) => {
      deleteVerkooporder(admin, params.id as string);
      return created({});
    },
  },
  {
    method: 'GET',
    url: '/verkoopordersjablonen',
    scopes: [O.read],
    handle: plainList((a) => a.verkoopordersjablonen),
  },
  {
    method: 'GET',
    url: '/verkoopordersjablonen/:id',
    scopes: [O.read],
    handle: byId((a) => a.verkoopordersjablonen, 'Verkoopordersjabloon'),
  },

  // SnelStart answers 201 to the upload although its definition says 200.
  {
    method: 'POST',
    url: '/documenten/:documenttype',
    scopes: [B.write, D.write],
    handle: ({ admin, params, body }) => {
      const doc = uploadDocument(admin, documentTypeOf(params.documenttype as string), body);
      return created({ id: doc.id, uri: doc.uri });
    },
  },
  {
    method: 'GET',
    url: '/documenten/:documenttype/:pid',
    scopes: [D.read],
    handle: ({ admin, params }) =>
      ok(listDocuments(admin, documentTypeOf(params.documenttype as string), params.pid as string)),
  },
  {
    method: 'GET',
    url: '/documenten/:id',
    scopes: [D.read],
    handle: ({ admin, params }) => ok(documentView(getDocument(admin, params.id as string))),
  },
  {
    method: 'PUT',
    url: '/documenten/:id',
    scopes: [B.write, D.write],
    handle: ({ admin, params, body }) => {
      const doc = replaceDocument(admin, params.id as string, body);
      return ok({ id: doc.id, uri: doc.uri });
    },
  },
  {
    method: 'DELETE',
    url: '/documenten/:id',
    scopes: [B.write, D.write],
    handle: ({ admin, params }) => {
      deleteDocument(admin, params.id as string);
      return ok({});
    },
  },
];
