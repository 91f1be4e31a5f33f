import { readErrorBody, SnelStartApiError } from '../../api-clients/snelstart/errors';

describe('SnelStart error bodies', () => {
  it.each([
    [
      'business array',
      '[{"errorCode":"BOE-0021","message":"Het factuurnummer bestaat al"},{"errorCode":"BOE-0039","message":"Niet in balans"}]',
      ['BOE-0021', 'BOE-0039'],
      ['Het factuurnummer bestaat al', 'Niet in balans'],
    ],
    [
      'ASP.NET ModelState',
      '{"message":"The request is invalid.","modelState":{"model.Naam":["Te lang"]}}',
      [],
      ['The request is invalid.', 'model.Naam: Te lang'],
    ],
    ['Web API', '{"Message":"Relatie niet gevonden"}', [], ['Relatie niet gevonden']],
    [
      'API Management',
      '{"statusCode":429,"message":"Rate limit is exceeded. Try again in 3 seconds."}',
      [],
      ['Rate limit is exceeded. Try again in 3 seconds.'],
    ],
    [
      'token endpoint',
      '{"error":"invalid_grant","error_description":"clientkey is ongeldig"}',
      [],
      ['clientkey is ongeldig'],
    ],
    [
      'code inside a message',
      '{"Message":"Fout REL-0088: ongeldig btw-nummer"}',
      ['REL-0088'],
      ['Fout REL-0088: ongeldig btw-nummer'],
    ],
    ['plain text', 'Bad Gateway', [], ['Bad Gateway']],
  ])('reads %s', (_shape, body, codes, messages) => {
    expect(readErrorBody(body)).toEqual({ codes, messages });
  });

  it('classifies retryability by kind and reads codes', () => {
    const validation = new SnelStartApiError({
      kind: 'validation',
      method: 'POST',
      path: '/v2/relaties',
      status: 400,
      codes: ['REL-0007'],
      messages: ['Naam is verplicht.'],
    });
    expect(validation.retryable).toBe(false);
    expect(validation.hasCode('REL-0007')).toBe(true);
    expect(validation.message).toBe('SnelStart POST /v2/relaties failed (400): REL-0007: Naam is verplicht.');
    expect(validation.name).toBe('SnelStartApiError');
    for (const kind of ['rate-limited', 'server', 'timeout', 'network'] as const) {
      expect(new SnelStartApiError({ kind, method: 'GET', path: '/v2/x' }).retryable).toBe(true);
    }
    for (const kind of ['unauthorized', 'forbidden', 'not-found', 'token-rejected'] as const) {
      expect(new SnelStartApiError({ kind, method: 'GET', path: '/v2/x' }).retryable).toBe(false);
    }
  });
});
