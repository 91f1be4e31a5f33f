/** System query options of one request. */
export interface ODataQuery {
  readonly filter?: string;
  readonly select?: readonly string[];
  readonly expand?: string;
  readonly orderby?: string;
  readonly top?: number;
  readonly skip?: number;
  readonly count?: boolean;
}

/**
 * Encodes query options the way Tribe accepts them: every value through encodeURIComponent, so a space is
 * `%20` and a plus sign `%2B`. Tribe does not decode `+` as a space, which is why query strings must never
 * be left to a form-style serialiser.
 */
export function buildODataQueryString(query: ODataQuery): string {
  const parts: string[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) parts.push(`${key}=${encodeURIComponent(value)}`);
  };
  add('$filter', query.filter);
  add('$select', query.select?.join(','));
  add('$expand', query.expand);
  add('$orderby', query.orderby);
  add('$top', query.top?.toString());
  add('$skip', query.skip ? query.skip.toString() : undefined);
  if (query.count) add('$count', 'true');
  return parts.join('&');
}
