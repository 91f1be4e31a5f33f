import { randomUUID } from 'node:crypto';
import type { Administration } from '../administration/administration';
import { readBody } from '../model/field-schema';
import { documentContentModel } from '../model/models';
import type { Collection, WireRecord } from '../store/collection';
import { assertNoModelState, checkBodyId, ErrorList, NotFound, requireObjectBody } from './api-errors';

export const DOCUMENT_TYPES = ['Verkoopboekingen', 'Relaties', 'Inkoopboekingen'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const MAX_FILE_NAME = 255;
const FORBIDDEN_FILE_NAME_CHARACTERS = /[\\/:*?"<>|]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The documenttype path segment, matched case-insensitively like SnelStart's routing. */
export function documentTypeOf(segment: string): DocumentType {
  const type = DOCUMENT_TYPES.find((name) => name.toLowerCase() === segment.toLowerCase());
  if (!type) throw new NotFound(`Onbekend documenttype '${segment}'.`);
  return type;
}

function parentsOf(admin: Administration, type: DocumentType): Collection | undefined {
  if (type === 'Verkoopboekingen') return admin.verkoopboekingen;
  if (type === 'Relaties') return admin.relaties;
  return undefined;
}

function requireParent(admin: Administration, type: DocumentType, parentId: string): void {
  if (!parentsOf(admin, type)?.has(parentId)) {
    throw new NotFound(`Er bestaat geen ${type.toLowerCase().replace(/en$/, '')} met id '${parentId}'.`);
  }
}

/** The `documents` references a relatie or verkoopboeking shows. */
export function documentReferencesOf(admin: Administration, parentId: string) {
  if (admin.documenten.size === 0) return [];
  return admin.documenten.lookup('parentIdentifier', parentId).map((doc) => ({
    parentIdentifier: doc.parentIdentifier,
    fileName: doc.fileName,
    readOnly: doc.readOnly,
    id: doc.id,
    uri: doc.uri,
  }));
}

export function listDocuments(admin: Administration, type: DocumentType, parentId: string) {
  requireParent(admin, type, parentId.toLowerCase());
  return admin.documenten.lookup('parentIdentifier', parentId.toLowerCase()).map((doc) => ({
    ...(type === 'Verkoopboekingen' ? { verkoopBoekingId: doc.parentIdentifier } : {}),
    parentIdentifier: doc.parentIdentifier,
    fileName: doc.fileName,
    readOnly: doc.readOnly,
    id: doc.id,
    uri: doc.uri,
  }));
}

export function getDocument(admin: Administration, id: string): WireRecord {
  const doc = admin.documenten.get(id);
  if (!doc) throw new NotFound(`Document met id '${id}' is niet gevonden.`);
  return doc;
}

/** The DocumentContentModel the API answers (the type is kept internally only). */
export function documentView(doc: WireRecord) {
  const { documentType: _documentType, ...model } = doc;
  return model;
}

export function uploadDocument(admin: Administration, type: DocumentType, input: unknown): WireRecord {
  const body = requireObjectBody(input);
  checkBodyId(body);
  const { value, problems } = readBody(documentContentModel, body);
  assertNoModelState(problems);
  validateDocument(value);
  const parentId = value.parentIdentifier as string | null;
  if (!parentId) throw new NotFound('ParentIdentifier is verplicht.');
  requireParent(admin, type, parentId);
  const id = randomUUID();
  const doc: WireRecord = { ...value, id, uri: `/documenten/${id}`, documentType: type };
  admin.documenten.put(doc);
  return doc;
}

export function replaceDocument(admin: Administration, id: string, input: unknown): WireRecord {
  const existing = getDocument(admin, id);
  const body = requireObjectBody(input);
  checkBodyId(body, existing.id);
  const { value, problems } = readBody(documentContentModel, body);
  assertNoModelState(problems);
  validateDocument(value);
  const doc: WireRecord = {
    ...value,
    parentIdentifier: existing.parentIdentifier,
    id: existing.id,
    uri: existing.uri,
    documentType: existing.documentType,
  };
  admin.documenten.put(doc);
  return doc;
}

export function deleteDocument(admin: Administration, id: string): void {
  const existing = getDocument(admin, id);
  admin.documenten.delete(existing.id);
}

/** Drops the documents of a parent that is deleted. */
export function deleteDocumentsOf(admin: Administration, parentId: string): void {
  for (const doc of admin.documenten.lookup('parentIdentifier', parentId)) admin.documenten.delete(doc.id);
}

function validateDocument(doc: Record<string, unknown>): void {
  const errors = new ErrorList();
  const fileName = doc.fileName;
  if (typeof fileName !== 'string' || fileName.trim() === '') {
    errors.add('BLG-0007', 'Er is geen bestandsnaam opgegeven.');
  } else {
    if (FORBIDDEN_FILE_NAME_CHARACTERS.test(fileName) || [...fileName].some((char) => char < ' ')) {
      errors.add('BLG-0016', 'De bestandsnaam bevat ongeldige tekens.');
    }
    if (fileName.length > MAX_FILE_NAME) {
      errors.add('BLG-0017', `De bestandsnaam mag maximaal ${MAX_FILE_NAME} tekens bevatten.`);
    }
  }
  const content = doc.content;
  if (typeof content !== 'string' || content === '') {
    errors.add('BLG-0008', 'Het document is leeg.');
  } else if (content.length % 4 !== 0 || !BASE64.test(content)) {
    errors.add('BLG-0008', 'De inhoud van het document is geen geldige base64.');
  } else if (decodedLength(content) > MAX_DOCUMENT_BYTES) {
    errors.add('BLG-0006', 'Het document is groter dan 10 MB.');
  }
  errors.throwIfAny();
}

function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}
