import {
  COMPARISON_OPERATORS,
  STRING_FUNCTIONS,
  type ComparisonOperator,
  type FilterExpression,
  type Literal,
  type Operand,
  type StringFunctionName,
} from './filter-ast';
import { tokenizeFilter, type Token } from './filter-tokenizer';
import { invalidQuery } from './odata-error';

const UNSUPPORTED_OPERATORS = new Set(['in', 'has', 'add', 'sub', 'mul', 'div', 'divby', 'mod']);
const KEYWORDS = new Set(['and', 'or', 'not', ...COMPARISON_OPERATORS, ...UNSUPPORTED_OPERATORS]);

/**
 * Recursive-descent parser for Tribe's `$filter` dialect.
 *
 *   or         := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | '(' or ')' | function | operand (compareOp operand)?
 *   function   := ('contains' | 'startswith' | 'endswith') '(' operand ',' operand ')'
 *   operand    := literal | identifier ('/' identifier)*
 *
 * `not` applies to the condition right after it (`not A eq 1` is `not (A eq 1)`).
 */
export function parseFilter(source: string): FilterExpression {
  return new FilterParser(tokenizeFilter(source)).parse();
}

class FilterParser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpression {
    if (this.peek().kind === 'end') throw invalidQuery('$filter is empty');
    const expression = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw this.unexpected(next);
    return expression;
  }

  private parseOr(): FilterExpression {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.index++;
      left = { kind: 'logical', operator: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.index++;
      left = { kind: 'logical', operator: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterExpression {
    const token = this.peek();
    if (this.isKeyword(token, 'not')) {
      this.index++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (token.kind === 'open') {
      this.index++;
      const inner = this.parseOr();
      this.expect('close');
      return inner;
    }
    if (token.kind === 'identifier' && this.tokens[this.index + 1]?.kind === 'open')
      return this.parseFunction();
    return this.parseComparison();
  }

  private parseFunction(): FilterExpression {
    const name = this.next();
    if (!STRING_FUNCTIONS.has(name.text)) {
      throw invalidQuery(`Function '${name.text}' is not supported in $filter (position ${name.position})`);
    }
    this.expect('open');
    const first = this.parseOperand();
    this.expect('comma');
    const second = this.parseOperand();
    this.expect('close');
    return { kind: 'function', name: name.text as StringFunctionName, args: [first, second] };
  }

  private parseComparison(): FilterExpression {
    const left = this.parseOperand();
    const operator = this.peek();
    if (operator.kind !== 'identifier') return { kind: 'value', operand: left };
    if (UNSUPPORTED_OPERATORS.has(operator.text)) {
      throw invalidQuery(
        `Operator '${operator.text}' is not supported by Tribe in $filter (position ${operator.position})`,
      );
    }
    if (!COMPARISON_OPERATORS.has(operator.text)) return { kind: 'value', operand: left };
    this.index++;
    const right = this.parseOperand();
    return { kind: 'comparison', operator: operator.text as ComparisonOperator, left, right };
  }

  private parseOperand(): Operand {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return literal({ type: 'string', value: token.text });
      case 'number':
        return literal({ type: 'number', value: Number(token.text) });
      case 'guid':
        return literal({ type: 'guid', value: token.text.toLowerCase() });
      case 'date':
        return literal({ type: 'date', value: token.text });
      case 'datetime': {
        const value = Date.parse(token.text);
        if (Number.isNaN(value))
          throw invalidQuery(`Invalid DateTimeOffset literal '${token.text}' in $filter`);
        return literal({ type: 'datetime', value, text: token.text });
      }
      case 'identifier':
        return this.parsePathOrKeyword(token);
      default:
        throw this.unexpected(token);
    }
  }

  private parsePathOrKeyword(token: Token): Operand {
    if (token.text === 'true' || token.text === 'false') {
      return literal({ type: 'boolean', value: token.text === 'true' });
    }
    if (token.text === 'null') return literal({ type: 'null' });
    if (KEYWORDS.has(token.text)) throw this.unexpected(token);
    const segments = [token.text];
    while (this.peek().kind === 'slash') {
      this.index++;
      const segment = this.next();
      if (segment.kind !== 'identifier') throw this.unexpected(segment);
      segments.push(segment.text);
    }
    return { kind: 'path', segments };
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private expect(kind: Token['kind']): void {
    const token = this.next();
    if (token.kind !== kind) throw this.unexpected(token);
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'identifier' && token.text === keyword;
  }

  private unexpected(token: Token) {
    if (token.kind === 'end') return invalidQuery('Syntax error in $filter: unexpected end of expression');
    return invalidQuery(`Syntax error in $filter: unexpected '${token.text}' at position ${token.position}`);
  }
}

function literal(value: Literal): Operand {
  return { kind: 'literal', literal: value };
}
