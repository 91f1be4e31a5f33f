/** Syntax tree of a `$filter` expression. */

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'guid'; readonly value: string }
  | { readonly type: 'datetime'; readonly value: number; readonly text: string }
  | { readonly type: 'date'; readonly value: string };

export type Operand =
  | { readonly kind: 'path'; readonly segments: readonly string[] }
  | { readonly kind: 'literal'; readonly literal: Literal };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type StringFunctionName = 'contains' | 'startswith' | 'endswith';

export type FilterExpression =
  | {
      readonly kind: 'logical';
      readonly operator: 'and' | 'or';
      readonly left: FilterExpression;
      readonly right: FilterExpression;
    }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | {
      readonly kind: 'comparison';
      readonly operator: ComparisonOperator;
      readonly left: Operand;
      readonly right: Operand;
    }
  | {
      readonly kind: 'function';
      readonly name: StringFunctionName;
      readonly args: readonly [Operand, Operand];
    }
  /** A boolean property or literal used as a condition on its own: `$filter=IsInactive`. */
  | { readonly kind: 'value'; readonly operand: Operand };

export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
export const STRING_FUNCTIONS: ReadonlySet<string> = new Set(['contains', 'startswith', 'endswith']);
