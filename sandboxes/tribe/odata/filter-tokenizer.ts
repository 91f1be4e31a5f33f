import { invalidQuery } from './odata-error';

export type TokenKind =
  | 'identifier'
  | 'string'
  | 'number'
  | 'guid'
  | 'datetime'
  | 'date'
  | 'open'
  | 'close'
  | 'comma'
  | 'slash'
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Source text; for strings the unescaped value. */
  readonly text: string;
  readonly position: number;
}

const NOT_WORD = '(?![0-9A-Za-z_])';
const LEXEMES: ReadonlyArray<readonly [TokenKind, RegExp]> = [
  [
    'guid',
    new RegExp(
      `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z_-])`,
      'y',
    ),
  ],
  [
    'datetime',
    new RegExp(
      `\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,7})?)?(?:Z|[+-]\\d{2}:\\d{2})${NOT_WORD}`,
      'y',
    ),
  ],
  ['date', new RegExp(`\\d{4}-\\d{2}-\\d{2}(?![0-9A-Za-z_:-])`, 'y')],
  ['number', new RegExp(`-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?${NOT_WORD}`, 'y')],
  ['identifier', /[A-Za-z_][A-Za-z0-9_]*/y],
];

const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  '/': 'slash',
};

/** Splits a decoded `$filter` value into tokens; any character outside the grammar is a 400. */
export function tokenizeFilter(source: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < source.length) {
    const char = source[position] as string;
    if (char === ' ' || char === '\t') {
      position++;
      continue;
    }
    const punctuation = PUNCTUATION[char];
    if (punctuation) {
      tokens.push({ kind: punctuation, text: char, position });
      position++;
      continue;
    }
    if (char === "'") {
      const { value, end } = readString(source, position);
      tokens.push({ kind: 'string', text: value, position });
      position = end;
      continue;
    }
    const lexeme = matchLexeme(source, position);
    if (!lexeme) throw unexpectedCharacter(char, position);
    tokens.push({ kind: lexeme.kind, text: lexeme.text, position });
    position += lexeme.text.length;
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

function matchLexeme(source: string, position: number): { kind: TokenKind; text: string } | undefined {
  for (const [kind, pattern] of LEXEMES) {
    pattern.lastIndex = position;
    const match = pattern.exec(source);
    if (match) return { kind, text: match[0] };
  }
  return undefined;
}

/** Reads a single-quoted literal where `''` stands for one quote. */
function readString(source: string, start: number): { value: string; end: number } {
  let value = '';
  let position = start + 1;
  while (position < source.length) {
    const char = source[position];
    if (char === "'") {
      if (source[position + 1] === "'") {
        value += "'";
        position += 2;
        continue;
      }
      return { value, end: position + 1 };
    }
    value += char;
    position++;
  }
  throw invalidQuery(`Unterminated string literal starting at position ${start} in $filter`);
}

function unexpectedCharacter(char: string, position: number) {
  const hint = char === '+' ? ' (a space must be encoded as %20, not +)' : '';
  return invalidQuery(
    `Syntax error in $filter: unexpected character '${char}' at position ${position}${hint}`,
  );
}
