import { invalidQuery } from './odata-error';

/**
 * Decodes a raw query string the way Tribe does: `%XX` escapes are decoded, but a literal `+` is kept as a
 * plus sign, not turned into a space. A client that encodes spaces as `+` therefore sends
 * `Name+eq+'x'`, which the filter parser rejects.
 */
export function parseTribeQueryString(rawQuery: string): Map<string, string> {
  const parameters = new Map<string, string>();
  if (rawQuery === '') return parameters;
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? '' : decode(part.slice(equals + 1));
    if (parameters.has(key)) throw invalidQuery(`Query option '${key}' is given more than once`);
    parameters.set(key, value);
  }
  return parameters;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidQuery(`Malformed percent-encoding in query string near '${text.slice(0, 40)}'`);
  }
}

/** The part of a request URL after `?`, or '' when there is none. */
export function rawQueryOf(url: string): string {
  const question = url.indexOf('?');
  return question < 0 ? '' : url.slice(question + 1);
}
