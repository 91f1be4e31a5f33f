import type { ComparisonOperator, FilterExpression } from './filter-ast';
import { ODataQueryError } from './odata-error';
import { tokenize, type Token, type TokenKind } from './tokenizer';

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/**
 * Parses the OData v3 `$filter` subset SnelStart documents. Precedence, loosest first:
 * `or`, `and`, comparisons, `not`, then primaries (literals, member paths, function calls,
 * `Collection/any(x: …)` lambdas and parenthesised expressions).
 */
export function parseFilter(input: string): FilterExpression {
  const parser = new FilterParser(tokenize(input));
  const expression = parser.expression();
  parser.expect('end');
  return expression;
}

class FilterParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  expression(): FilterExpression {
    let left = this.conjunction();
    while (this.acceptKeyword('or'))
      left = { kind: 'logical', operator: 'or', left, right: this.conjunction() };
    return left;
  }

  expect(kind: TokenKind): Token {
    const token = this.peek();
    if (token.kind !== kind) throw this.unexpected(token);
    this.position++;
    return token;
  }

  private conjunction(): FilterExpression {
    let left = this.comparison();
    while (this.acceptKeyword('and'))
      left = { kind: 'logical', operator: 'and', left, right: this.comparison() };
    return left;
  }

  private comparison(): FilterExpression {
    const left = this.unary();
    const token = this.peek();
    if (token.kind === 'identifier' && COMPARISONS.has(token.text)) {
      this.position++;
      return { kind: 'compare', operator: token.text as ComparisonOperator, left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpression {
    if (this.acceptKeyword('not')) return { kind: 'not', operand: this.unary() };
    return this.primary();
  }

  private primary(): FilterExpression {
    const token = this.peek();
    switch (token.kind) {
      case 'open': {
        this.position++;
        const inner = this.expression();
        this.expect('close');
        return inner;
      }
      case 'string':
      case 'guid':
      case 'datetime':
        this.position++;
        return { kind: 'literal', type: token.kind, value: token.text };
      case 'number':
        this.position++;
        return { kind: 'literal', type: 'number', value: Number(token.text) };
      case 'identifier':
        return this.identifierExpression();
      default:
        throw this.unexpected(token);
    }
  }

  private identifierExpression(): FilterExpression {
    const token = this.expect('identifier');
    if (token.text === 'true' || token.text === 'false') {
      return { kind: 'literal', type: 'boolean', value: token.text === 'true' };
    }
    if (token.text === 'null') return { kind: 'literal', type: 'null', value: null };
    if (this.peek().kind === 'open') return this.call(token.text);
    return this.memberPath(token.text);
  }

  private call(name: string): FilterExpression {
    this.expect('open');
    const args: FilterExpression[] = [];
    if (this.peek().kind !== 'close') {
      args.push(this.expression());
      while (this.peek().kind === 'comma') {
        this.position++;
        args.push(this.expression());
      }
    }
    this.expect('close');
    return { kind: 'call', name, args };
  }

  private memberPath(first: string): FilterExpression {
    const segments = [first];
    while (this.peek().kind === 'slash') {
      this.position++;
      const segment = this.expect('identifier');
      if ((segment.text === 'any' || segment.text === 'all') && this.peek().kind === 'open') {
        return this.lambda(segment.text, segments);
      }
      segments.push(segment.text);
    }
    return { kind: 'path', segments };
  }

  private lambda(quantifier: 'any' | 'all', collection: string[]): FilterExpression {
    this.expect('open');
    if (this.peek().kind === 'close') {
      this.position++;
      if (quantifier === 'all') throw new ODataQueryError('all() heeft een lambda-expressie nodig.');
      return { kind: 'lambda', quantifier, collection };
    }
    const variable = this.expect('identifier').text;
    this.expect('colon');
    const body = this.expression();
    this.expect('close');
    return { kind: 'lambda', quantifier, collection, variable, body };
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token.kind === 'identifier' && token.text === keyword) {
      this.position++;
      return true;
    }
    return false;
  }

  private peek(): Token {
    return this.tokens[this.position] as Token;
  }

  private unexpected(token: Token): ODataQueryError {
    const what = token.kind === 'end' ? 'einde van het filter' : `'${token.text}'`;
    return new ODataQueryError(`Onverwacht ${what} op positie ${token.position}.`);
  }
}
