export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'guid' | 'datetime';

/** A parsed `$filter` expression. */
export type FilterExpression =
  | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null }
  /** A member path such as `VestigingsAdres/Land/Id`, or `r` / `e/Naam` inside a lambda. */
  | { kind: 'path'; segments: string[] }
  | { kind: 'logical'; operator: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'compare'; operator: ComparisonOperator; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'call'; name: string; args: FilterExpression[] }
  | {
      kind: 'lambda';
      quantifier: 'any' | 'all';
      collection: string[];
      variable?: string;
      body?: FilterExpression;
    };
