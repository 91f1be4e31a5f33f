import { ODataQueryError } from './odata-error';

export type TokenKind =
  | 'identifier'
  | 'string'
  | 'guid'
  | 'datetime'
  | 'number'
  | 'open'
  | 'close'
  | 'comma'
  | 'slash'
  | 'colon'
  | 'end';

export interface Token {
  kind: TokenKind;
  /** Identifier name, literal content (quotes removed, '' unescaped) or the number's text. */
  text: string;
  position: number;
}

const PUNCTUATION: Record<string, TokenKind> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  '/': 'slash',
  ':': 'colon',
};

const TYPED_LITERALS: Record<string, TokenKind> = {
  guid: 'guid',
  datetime: 'datetime',
  datetimeoffset: 'datetime',
};

/** Splits an OData v3 `$filter` into tokens; keywords (eq, and, true, null…) stay identifiers. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const punctuation = PUNCTUATION[char];
    if (punctuation) {
      tokens.push({ kind: punctuation, text: char, position: i });
      i++;
    } else if (char === "'") {
      const { text, end } = readQuoted(input, i);
      tokens.push({ kind: 'string', text, position: i });
      i = end;
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(input[i + 1] ?? ''))) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/.exec(input.slice(i)) as RegExpExecArray;
      const text = match[0].replace(/[mMdDfFlL]$/, '');
      tokens.push({ kind: 'number', text, position: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const name = (/^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i)) as RegExpExecArray)[0];
      const start = i;
      i += name.length;
      if (input[i] === "'") {
        const kind = TYPED_LITERALS[name.toLowerCase()];
        if (!kind) throw new ODataQueryError(`Onbekend literal type '${name}' op positie ${start}.`);
        const { text, end } = readQuoted(input, i);
        tokens.push({ kind, text, position: start });
        i = end;
      } else {
        tokens.push({ kind: 'identifier', text: name, position: start });
      }
    } else {
      throw new ODataQueryError(`Onverwacht teken '${char}' op positie ${i}.`);
    }
  }
  tokens.push({ kind: 'end', text: '', position: input.length });
  return tokens;
}

function readQuoted(input: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < input.length) {
    const char = input[i] as string;
    if (char === "'") {
      if (input[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += char;
    i++;
  }
  throw new ODataQueryError(`Niet afgesloten tekst vanaf positie ${start}.`);
}
