import type { ModelState } from '../model/field-schema';

export interface SnelStartErrorItem {
  errorCode: string;
  message: string;
}

/** Business validation: answered 400 with SnelStart's array body `[{errorCode, message}]`. */
export class ValidationFailure extends Error {
  constructor(readonly errors: SnelStartErrorItem[]) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; '));
  }
}

/** Binding and annotation problems: answered 400 with ASP.NET's `{message, modelState}` body. */
export class ModelStateFailure extends Error {
  constructor(readonly modelState: ModelState) {
    super(Object.values(modelState).flat().join('; '));
  }
}

/** An unknown id: answered 404 with Web API's `{Message}` body. */
export class NotFound extends Error {}

/** Collects the error codes one write breaks; SnelStart reports them all at once. */
export class ErrorList {
  private readonly items: SnelStartErrorItem[] = [];

  add(errorCode: string, message: string): void {
    this.items.push({ errorCode, message });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new ValidationFailure(this.items);
  }
}

/** Throws the ModelState failure when reading the body found problems. */
export function assertNoModelState(problems: ModelState): void {
  if (Object.keys(problems).length > 0) throw new ModelStateFailure(problems);
}

/** A request body must be a JSON object (ALG-0106 when it is missing). */
export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') {
    throw new ValidationFailure([{ errorCode: 'ALG-0106', message: 'De request body is leeg.' }]);
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new ModelStateFailure({ model: ['De request body moet een JSON-object zijn.'] });
  }
  return body as Record<string, unknown>;
}

/** POST bodies must not carry an id (ALG-0100); PUT bodies must carry the URL's id (ALG-0101). */
export function checkBodyId(body: Record<string, unknown>, urlId?: string): void {
  const key = Object.keys(body).find((name) => name.toLowerCase() === 'id');
  const bodyId = key === undefined ? undefined : body[key];
  const given = typeof bodyId === 'string' && bodyId !== '' && !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(bodyId);
  if (urlId === undefined) {
    if (given) throw new ValidationFailure([{ errorCode: 'ALG-0100', message: 'Het ID moet leeg zijn.' }]);
    return;
  }
  if (given && (bodyId as string).toLowerCase() !== urlId.toLowerCase()) {
    throw new ValidationFailure([
      { errorCode: 'ALG-0101', message: 'Het ID in de URL komt niet overeen met het ID in de body.' },
    ]);
  }
}

/** Whether the body names `field` at all (case-insensitive), as opposed to leaving it out. */
export function bodyHasField(body: Record<string, unknown>, field: string): boolean {
  const lower = field.toLowerCase();
  return Object.keys(body).some((name) => name.toLowerCase() === lower && body[name] !== undefined);
}
