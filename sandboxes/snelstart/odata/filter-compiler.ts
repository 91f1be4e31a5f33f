import type { FieldType, ModelSchema } from '../model/field-schema';
import { isGuid } from '../model/field-schema';
import { canonicalDateTime } from '../store/wall-clock';
import type { ComparisonOperator, FilterExpression, LiteralType } from './filter-ast';
import { ODataQueryError } from './odata-error';

type Scalar = 'string' | 'number' | 'boolean' | 'guid' | 'datetime' | 'null';

type StaticType =
  { kind: Scalar } | { kind: 'object'; model: ModelSchema } | { kind: 'collection'; items: StaticType };

type Row = Record<string, unknown>;
type Scope = Record<string, unknown>;
type Evaluate = (row: Row, scope: Scope) => unknown;

interface Compiled {
  type: StaticType;
  evaluate: Evaluate;
}

/** `Path eq literal` terms of the top-level conjunction, usable for an index lookup. */
export interface EqualityTerm {
  /** camelCase field path joined with dots, e.g. `relatiecode` or `verkoopBoeking.id`. */
  path: string;
  value: string | number | boolean;
}

export interface CompiledFilter {
  matches: (row: Row) => boolean;
  equalities: EqualityTerm[];
}

/**
 * Type-checks a parsed `$filter` against `model` (UpperCamelCase names map to camelCase fields) and
 * turns it into a predicate. Unknown properties and incompatible operands are rejected the way
 * SnelStart's OData layer rejects them.
 */
export function compileFilter(expression: FilterExpression, model: ModelSchema): CompiledFilter {
  const compiler = new FilterCompiler(model);
  const compiled = compiler.compile(expression, {});
  if (compiled.type.kind !== 'boolean') {
    throw new ODataQueryError('Het filter moet een waar/onwaar-expressie zijn.');
  }
  const evaluate = compiled.evaluate;
  return {
    matches: (row) => evaluate(row, {}) === true,
    equalities: compiler.equalities(expression),
  };
}

/** Resolves one UpperCamelCase property name on `model`, or throws the OData "could not find" error. */
export function resolveProperty(model: ModelSchema, name: string): { field: string; type: FieldType } {
  const fieldName = `${name[0]?.toLowerCase() ?? ''}${name.slice(1)}`;
  const schema = model.fields[fieldName];
  if (!schema || name[0] === fieldName[0] || fieldName === 'uri') {
    throw new ODataQueryError(`Could not find a property named '${name}' on type '${model.typeName}'.`);
  }
  return { field: fieldName, type: schema.type };
}

function staticTypeOf(type: FieldType): StaticType {
  switch (type.kind) {
    case 'string':
    case 'enum':
      return { kind: 'string' };
    case 'int':
    case 'decimal':
      return { kind: 'number' };
    case 'boolean':
    case 'datetime':
    case 'guid':
      return { kind: type.kind };
    case 'object':
      return { kind: 'object', model: type.model };
    case 'array':
      return { kind: 'collection', items: staticTypeOf(type.items) };
  }
}

const FUNCTIONS: Record<string, { args: Scalar[]; returns: Scalar; apply: (...args: never[]) => unknown }> = {
  startswith: {
    args: ['string', 'string'],
    returns: 'boolean',
    apply: (s: string, p: string) => s.startsWith(p),
  },
  endswith: {
    args: ['string', 'string'],
    returns: 'boolean',
    apply: (s: string, p: string) => s.endsWith(p),
  },
  substringof: {
    args: ['string', 'string'],
    returns: 'boolean',
    apply: (n: string, s: string) => s.includes(n),
  },
  contains: {
    args: ['string', 'string'],
    returns: 'boolean',
    apply: (s: string, n: string) => s.includes(n),
  },
  indexof: { args: ['string', 'string'], returns: 'number', apply: (s: string, n: string) => s.indexOf(n) },
  tolower: { args: ['string'], returns: 'string', apply: (s: string) => s.toLowerCase() },
  toupper: { args: ['string'], returns: 'string', apply: (s: string) => s.toUpperCase() },
  trim: { args: ['string'], returns: 'string', apply: (s: string) => s.trim() },
  length: { args: ['string'], returns: 'number', apply: (s: string) => s.length },
  year: { args: ['datetime'], returns: 'number', apply: (d: string) => Number(d.slice(0, 4)) },
  month: { args: ['datetime'], returns: 'number', apply: (d: string) => Number(d.slice(5, 7)) },
  day: { args: ['datetime'], returns: 'number', apply: (d: string) => Number(d.slice(8, 10)) },
};

class FilterCompiler {
  constructor(private readonly model: ModelSchema) {}

  compile(expression: FilterExpression, variables: Record<string, StaticType>): Compiled {
    switch (expression.kind) {
      case 'literal':
        return this.literal(expression.type, expression.value);
      case 'path':
        return this.path(expression.segments, variables);
      case 'logical': {
        const left = this.booleanOperand(expression.left, variables, expression.operator);
        const right = this.booleanOperand(expression.right, variables, expression.operator);
        const evaluate: Evaluate =
          expression.operator === 'and'
            ? (row, scope) => left(row, scope) === true && right(row, scope) === true
            : (row, scope) => left(row, scope) === true || right(row, scope) === true;
        return { type: { kind: 'boolean' }, evaluate };
      }
      case 'not': {
        const operand = this.booleanOperand(expression.operand, variables, 'not');
        return { type: { kind: 'boolean' }, evaluate: (row, scope) => operand(row, scope) !== true };
      }
      case 'compare':
        return this.comparison(expression.operator, expression.left, expression.right, variables);
      case 'call':
        return this.call(expression.name, expression.args, variables);
      case 'lambda':
        return this.lambda(expression, variables);
    }
  }

  equalities(expression: FilterExpression): EqualityTerm[] {
    if (expression.kind === 'logical' && expression.operator === 'and') {
      return [...this.equalities(expression.left), ...this.equalities(expression.right)];
    }
    if (expression.kind !== 'compare' || expression.operator !== 'eq') return [];
    const [path, literal] =
      expression.left.kind === 'path'
        ? [expression.left, expression.right]
        : [expression.right, expression.left];
    if (path.kind !== 'path' || literal.kind !== 'literal' || literal.value === null) return [];
    const fields: string[] = [];
    let model: ModelSchema | undefined = this.model;
    for (const segment of path.segments) {
      if (!model) return [];
      const { field, type } = resolveProperty(model, segment);
      fields.push(field);
      model = type.kind === 'object' ? type.model : undefined;
    }
    const value = this.literal(literal.type, literal.value).evaluate({}, {});
    return [{ path: fields.join('.'), value: value as string | number | boolean }];
  }

  private literal(type: LiteralType, value: unknown): Compiled {
    if (type === 'guid') {
      if (typeof value !== 'string' || !isGuid(value))
        throw new ODataQueryError(`Ongeldige guid '${String(value)}'.`);
      const normalized = value.toLowerCase();
      return { type: { kind: 'guid' }, evaluate: () => normalized };
    }
    if (type === 'datetime') {
      const normalized = typeof value === 'string' ? canonicalDateTime(value) : undefined;
      if (!normalized) throw new ODataQueryError(`Ongeldige datetime '${String(value)}'.`);
      return { type: { kind: 'datetime' }, evaluate: () => normalized };
    }
    return { type: { kind: type }, evaluate: () => value };
  }

  private path(segments: string[], variables: Record<string, StaticType>): Compiled {
    const [first, ...rest] = segments as [string, ...string[]];
    let type: StaticType;
    let evaluate: Evaluate;
    const variable = variables[first];
    if (variable) {
      type = variable;
      evaluate = (_row, scope) => scope[first];
    } else {
      ({ type, evaluate } = this.member(this.model, first, (row) => row));
    }
    for (const segment of rest) {
      if (type.kind !== 'object') {
        throw new ODataQueryError(
          `'${segment}' kan niet worden gelezen van een waarde zonder eigenschappen.`,
        );
      }
      const parent = evaluate;
      ({ type, evaluate } = this.member(type.model, segment, (row, scope) => parent(row, scope)));
    }
    return { type, evaluate: normalizingReader(type, evaluate) };
  }

  private member(model: ModelSchema, name: string, parent: Evaluate): Compiled {
    const { field, type } = resolveProperty(model, name);
    return {
      type: staticTypeOf(type),
      evaluate: (row, scope) => {
        const owner = parent(row, scope);
        return owner === null || owner === undefined ? null : ((owner as Row)[field] ?? null);
      },
    };
  }

  private comparison(
    operator: ComparisonOperator,
    leftExpression: FilterExpression,
    rightExpression: FilterExpression,
    variables: Record<string, StaticType>,
  ): Compiled {
    const left = this.compile(leftExpression, variables);
    const right = this.compile(rightExpression, variables);
    const leftKind = left.type.kind;
    const rightKind = right.type.kind;
    const comparable = (kind: string) => kind !== 'object' && kind !== 'collection';
    const nullCheck =
      (operator === 'eq' || operator === 'ne') && (leftKind === 'null' || rightKind === 'null');
    if (!nullCheck && (!comparable(leftKind) || !comparable(rightKind))) {
      throw new ODataQueryError(`Operator '${operator}' kan geen objecten of lijsten vergelijken.`);
    }
    if (leftKind !== rightKind && leftKind !== 'null' && rightKind !== 'null') {
      throw new ODataQueryError(
        `A binary operator with incompatible types was detected. Found operand types '${leftKind}' and '${rightKind}' for operator kind '${operator}'.`,
      );
    }
    const a = left.evaluate;
    const b = right.evaluate;
    const evaluate: Evaluate =
      operator === 'eq'
        ? (row, scope) => a(row, scope) === b(row, scope)
        : operator === 'ne'
          ? (row, scope) => a(row, scope) !== b(row, scope)
          : ordering(operator, a, b);
    return { type: { kind: 'boolean' }, evaluate };
  }

  private call(name: string, args: FilterExpression[], variables: Record<string, StaticType>): Compiled {
    const definition = FUNCTIONS[name];
    if (!definition) throw new ODataQueryError(`Onbekende functie '${name}'.`);
    if (args.length !== definition.args.length) {
      throw new ODataQueryError(`Functie '${name}' verwacht ${definition.args.length} argument(en).`);
    }
    const compiled = args.map((arg, i) => {
      const result = this.compile(arg, variables);
      const expected = definition.args[i];
      if (result.type.kind !== expected && result.type.kind !== 'null') {
        throw new ODataQueryError(`Argument ${i + 1} van '${name}' moet van het type ${expected} zijn.`);
      }
      return result.evaluate;
    });
    const apply = definition.apply as (...values: unknown[]) => unknown;
    const whenNull = definition.returns === 'boolean' ? false : null;
    return {
      type: { kind: definition.returns },
      evaluate: (row, scope) => {
        const values = compiled.map((evaluate) => evaluate(row, scope));
        return values.some((value) => value === null || value === undefined) ? whenNull : apply(...values);
      },
    };
  }

  private lambda(
    expression: FilterExpression & { kind: 'lambda' },
    variables: Record<string, StaticType>,
  ): Compiled {
    const collection = this.path(expression.collection, variables);
    if (collection.type.kind !== 'collection') {
      throw new ODataQueryError(`'${expression.collection.join('/')}' is geen lijst.`);
    }
    const items = collection.type.items;
    const read = collection.evaluate;
    const { variable, body } = expression;
    if (!variable || !body) {
      return {
        type: { kind: 'boolean' },
        evaluate: (row, scope) => ((read(row, scope) as unknown[] | null)?.length ?? 0) > 0,
      };
    }
    const test = this.booleanOperand(body, { ...variables, [variable]: items }, expression.quantifier);
    const check = (row: Row, scope: Scope, item: unknown) =>
      test(row, { ...scope, [variable]: item }) === true;
    const evaluate: Evaluate =
      expression.quantifier === 'any'
        ? (row, scope) =>
            ((read(row, scope) as unknown[] | null) ?? []).some((item) => check(row, scope, item))
        : (row, scope) =>
            ((read(row, scope) as unknown[] | null) ?? []).every((item) => check(row, scope, item));
    return { type: { kind: 'boolean' }, evaluate };
  }

  private booleanOperand(
    expression: FilterExpression,
    variables: Record<string, StaticType>,
    operator: string,
  ): Evaluate {
    const compiled = this.compile(expression, variables);
    if (compiled.type.kind !== 'boolean') {
      throw new ODataQueryError(`Operator '${operator}' verwacht een waar/onwaar-expressie.`);
    }
    return compiled.evaluate;
  }
}

/** Reads values in the form literals are compared in: lower-case guids, canonical date-times. */
function normalizingReader(type: StaticType, evaluate: Evaluate): Evaluate {
  if (type.kind === 'guid') {
    return (row, scope) => {
      const value = evaluate(row, scope);
      return typeof value === 'string' ? value.toLowerCase() : (value ?? null);
    };
  }
  if (type.kind === 'datetime') {
    return (row, scope) => {
      const value = evaluate(row, scope);
      return typeof value === 'string' ? (canonicalDateTime(value) ?? value) : (value ?? null);
    };
  }
  return evaluate;
}

function ordering(operator: 'gt' | 'ge' | 'lt' | 'le', a: Evaluate, b: Evaluate): Evaluate {
  return (row, scope) => {
    const left = a(row, scope) as string | number | null;
    const right = b(row, scope) as string | number | null;
    if (left === null || right === null || left === undefined || right === undefined) return false;
    switch (operator) {
      case 'gt':
        return left > right;
      case 'ge':
        return left >= right;
      case 'lt':
        return left < right;
      case 'le':
        return left <= right;
    }
  };
}
