import type { EntityRecord, EntitySetDef } from '../model/entity-model';
import type { TenantData } from '../store/tenant-data';
import type {
  ComparisonOperator,
  FilterExpression,
  Literal,
  Operand,
  StringFunctionName,
} from './filter-ast';
import { invalidQuery } from './odata-error';
import { compilePath } from './property-path';

export type RecordPredicate = (record: EntityRecord) => boolean;

type ValueType =
  'string' | 'number' | 'boolean' | 'guid' | 'date' | 'datetime' | 'navigation' | 'file' | 'null';

interface CompiledOperand {
  readonly type: ValueType;
  readonly describe: string;
  readonly read: (record: EntityRecord) => unknown;
}

/**
 * Type-checks a parsed `$filter` against the entity set and turns it into a predicate. Comparisons are
 * strict (a GUID navigation compares with an unquoted GUID, a date with a date literal); `null` compares
 * with anything through `eq`/`ne`; the string functions ignore case.
 */
export function compileFilter(
  data: TenantData,
  def: EntitySetDef,
  expression: FilterExpression,
): RecordPredicate {
  switch (expression.kind) {
    case 'logical': {
      const left = compileFilter(data, def, expression.left);
      const right = compileFilter(data, def, expression.right);
      return expression.operator === 'and' ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
    }
    case 'not': {
      const operand = compileFilter(data, def, expression.operand);
      return (record) => !operand(record);
    }
    case 'comparison':
      return compileComparison(data, def, expression.operator, expression.left, expression.right);
    case 'function':
      return compileStringFunction(data, def, expression.name, expression.args);
    case 'value': {
      const operand = compileOperand(data, def, expression.operand);
      if (operand.type !== 'boolean') throw invalidQuery(`${operand.describe} is not a boolean condition`);
      return (record) => operand.read(record) === true;
    }
  }
}

function compileComparison(
  data: TenantData,
  def: EntitySetDef,
  operator: ComparisonOperator,
  leftOperand: Operand,
  rightOperand: Operand,
): RecordPredicate {
  const left = compileOperand(data, def, leftOperand);
  const right = compileOperand(data, def, rightOperand);
  checkComparable(operator, left, right);
  return (record) => compareValues(operator, left.read(record), right.read(record));
}

function checkComparable(operator: ComparisonOperator, left: CompiledOperand, right: CompiledOperand): void {
  const equality = operator === 'eq' || operator === 'ne';
  if (left.type === 'null' || right.type === 'null') {
    if (!equality) throw invalidQuery(`Operator '${operator}' cannot compare with null`);
    const other = left.type === 'null' ? right : left;
    if (other.type === 'file') throw invalidQuery(`${other.describe} cannot be used in $filter`);
    return;
  }
  for (const operand of [left, right]) {
    if (operand.type === 'navigation' || operand.type === 'file') {
      throw invalidQuery(
        `${operand.describe} can only be compared with null; use ${operand.describe}/ID for a GUID`,
      );
    }
  }
  if (left.type !== right.type) {
    throw invalidQuery(
      `Cannot compare ${left.describe} (${left.type}) with ${right.describe} (${right.type}) in $filter`,
    );
  }
  if (left.type === 'boolean' && !equality)
    throw invalidQuery(`Operator '${operator}' does not apply to booleans`);
}

function compareValues(operator: ComparisonOperator, a: unknown, b: unknown): boolean {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) {
    if (operator === 'eq') return aMissing && bMissing;
    if (operator === 'ne') return !(aMissing && bMissing);
    return false;
  }
  const x = a as string | number | boolean;
  const y = b as string | number | boolean;
  switch (operator) {
    case 'eq':
      return x === y;
    case 'ne':
      return x !== y;
    case 'gt':
      return x > y;
    case 'ge':
      return x >= y;
    case 'lt':
      return x < y;
    case 'le':
      return x <= y;
  }
}

function compileStringFunction(
  data: TenantData,
  def: EntitySetDef,
  name: StringFunctionName,
  args: readonly [Operand, Operand],
): RecordPredicate {
  const [haystack, needle] = args.map((arg) => compileOperand(data, def, arg)) as [
    CompiledOperand,
    CompiledOperand,
  ];
  for (const operand of [haystack, needle]) {
    if (operand.type !== 'string')
      throw invalidQuery(`${name}() needs text arguments, got ${operand.describe}`);
  }
  const test = STRING_TESTS[name];
  return (record) => {
    const text = haystack.read(record);
    const part = needle.read(record);
    if (typeof text !== 'string' || typeof part !== 'string') return false;
    return test(text.toLowerCase(), part.toLowerCase());
  };
}

const STRING_TESTS: Record<StringFunctionName, (text: string, part: string) => boolean> = {
  contains: (text, part) => text.includes(part),
  startswith: (text, part) => text.startsWith(part),
  endswith: (text, part) => text.endsWith(part),
};

function compileOperand(data: TenantData, def: EntitySetDef, operand: Operand): CompiledOperand {
  if (operand.kind === 'literal') return compileLiteral(operand.literal);
  const path = compilePath(data, def, operand.segments);
  const describe = operand.segments.join('/');
  switch (path.kind) {
    case 'integer':
    case 'number':
      return { type: 'number', describe, read: path.read };
    case 'datetime':
      return { type: 'datetime', describe, read: (record) => toEpoch(path.read(record)) };
    case 'guid':
    case 'navigation':
      return { type: path.kind, describe, read: (record) => lowerCase(path.read(record)) };
    default:
      return { type: path.kind, describe, read: path.read };
  }
}

function compileLiteral(literal: Literal): CompiledOperand {
  const value = literal.type === 'null' ? null : literal.value;
  const describe =
    literal.type === 'null' ? 'null' : literal.type === 'datetime' ? literal.text : JSON.stringify(value);
  return { type: literal.type, describe, read: () => value };
}

function toEpoch(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function lowerCase(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}
