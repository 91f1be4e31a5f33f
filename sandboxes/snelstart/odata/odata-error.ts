/** A `$filter`, `$select`, `$top` or `$skip` SnelStart would reject (ALG-0104). */
export class ODataQueryError extends Error {
  override name = 'ODataQueryError';
}
