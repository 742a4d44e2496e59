// GraphQL lexer with gqlparser's token kinds, positions (line, column in code points) and error texts,
// so graphql.* errors read exactly as OPA's do. A bad character yields an Invalid token carrying its
// error; the parser reports it only if it consumes that token, as gqlparser does.

export type TokenKind =
  | 'Invalid' | 'EOF' | 'Bang' | 'Dollar' | 'Amp' | 'ParenL' | 'ParenR' | 'Spread' | 'Colon' | 'Equals'
  | 'At' | 'BracketL' | 'BracketR' | 'BraceL' | 'Pipe' | 'BraceR' | 'Name' | 'Int' | 'Float' | 'String'
  | 'BlockString';

const KIND_TEXT: Record<TokenKind, string> = {
  Invalid: '<Invalid>', EOF: '<EOF>', Bang: '!', Dollar: '$', Amp: '&', ParenL: '(', ParenR: ')',
  Spread: '...', Colon: ':', Equals: '=', At: '@', BracketL: '[', BracketR: ']', BraceL: '{', Pipe: '|',
  BraceR: '}', Name: 'Name', Int: 'Int', Float: 'Float', String: 'String', BlockString: 'BlockString',
};

const PUNCTUATORS: Record<string, TokenKind> = {
  '!': 'Bang', '$': 'Dollar', '&': 'Amp', '(': 'ParenL', ')': 'ParenR', ':': 'Colon', '=': 'Equals',
  '@': 'At', '[': 'BracketL', ']': 'BracketR', '{': 'BraceL', '}': 'BraceR', '|': 'Pipe',
};

export interface Position {
  line: number;
  column: number;
}

export interface Token {
  kind: TokenKind;
  value: string;
  pos: Position;
  /** Set on Invalid tokens: the lexer's message and where it points. */
  error?: GraphQLError;
}

export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function kindText(kind: TokenKind): string {
  return KIND_TEXT[kind];
}

/** gqlparser's Token.String(): the kind, then the quoted value when there is one. */
export function tokenText(tok: Token): string {
  return tok.value === '' ? KIND_TEXT[tok.kind] : `${KIND_TEXT[tok.kind]} ${goQuote(tok.value)}`;
}

/** Go's strconv.Quote for the characters GraphQL names and strings can hold. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const isNameStart = (c: string): boolean => /[_A-Za-z]/.test(c);
const isNameChar = (c: string): boolean => /[_0-9A-Za-z]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export class Lexer {
  /** Code points of the input, so columns count runes as gqlparser does. */
  private readonly chars: string[];
  private end = 0;
  private start = 0;
  private line = 1;
  private lineStart = 0;

  constructor(input: string) {
    this.chars = Array.from(input);
  }

  readToken(): Token {
    this.skipIgnored();
    this.start = this.end;
    if (this.end >= this.chars.length) return this.token('EOF', '');
    const c = this.chars[this.end];
    const punct = PUNCTUATORS[c];
    if (punct) {
      this.end++;
      return this.token(punct, '');
    }
    if (c === '.' && this.chars[this.end + 1] === '.' && this.chars[this.end + 2] === '.') {
      this.end += 3;
      return this.token('Spread', '');
    }
    if (isNameStart(c)) return this.readName();
    if (c === '-' || isDigit(c)) return this.readNumber();
    if (c === '"') {
      if (this.chars[this.end + 1] === '"' && this.chars[this.end + 2] === '"') return this.readBlockString();
      return this.readString();
    }
    const code = c.codePointAt(0)!;
    if (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') {
      return this.error(`Cannot contain the invalid character "\\u${code.toString().padStart(4, '0')}"`);
    }
    if (c === "'") return this.error(`Unexpected single quote character ('), did you mean to use a double quote (")?`);
    return this.error(`Cannot parse the unexpected character "${c}".`);
  }

  private token(kind: TokenKind, value: string, startOffset = 0): Token {
    return { kind, value, pos: { line: this.line, column: this.start + startOffset - this.lineStart + 1 } };
  }

  private error(message: string): Token {
    const column = this.end - this.lineStart + 1;
    return { kind: 'Invalid', value: '', pos: { line: this.line, column }, error: new GraphQLError(message, this.line, column) };
  }

  private newline(): void {
    this.line++;
    this.lineStart = this.end;
  }

  /** Whitespace, commas, line terminators, byte-order marks and comments. */
  private skipIgnored(): void {
    while (this.end < this.chars.length) {
      const c = this.chars[this.end];
      if (c === ' ' || c === '\t' || c === ',' || c === '\uFEFF') {
        this.end++;
      } else if (c === '\n') {
        this.end++;
        this.newline();
      } else if (c === '\r') {
        this.end++;
        this.newline();
        if (this.chars[this.end] === '\n') this.end++;
      } else if (c === '#') {
        while (this.end < this.chars.length) {
          const code = this.chars[this.end].codePointAt(0)!;
          if (code <= 0x1f && code !== 0x09) break;
          this.end++;
        }
      } else {
        return;
      }
    }
  }

  private readName(): Token {
    while (this.end < this.chars.length && isNameChar(this.chars[this.end])) this.end++;
    return this.token('Name', this.chars.slice(this.start, this.end).join(''));
  }

  private acceptDigits(): number {
    let n = 0;
    while (isDigit(this.chars[this.end])) {
      this.end++;
      n++;
    }
    return n;
  }

  private describeNext(): string {
    return this.end < this.chars.length ? `"${this.chars[this.end]}"` : '<EOF>';
  }

  private readNumber(): Token {
    let float = false;
    if (this.chars[this.end] === '-') this.end++;
    if (this.chars[this.end] === '0') {
      this.end++;
      const consumed = this.acceptDigits();
      if (consumed !== 0) {
        this.end -= consumed;
        return this.error(`Invalid number, unexpected digit after 0: ${this.describeNext()}.`);
      }
    } else if (this.acceptDigits() === 0) {
      return this.error(`Invalid number, expected digit but got: ${this.describeNext()}.`);
    }
    if (this.chars[this.end] === '.') {
      float = true;
      this.end++;
      if (this.acceptDigits() === 0) return this.error(`Invalid number, expected digit but got: ${this.describeNext()}.`);
    }
    if (this.chars[this.end] === 'e' || this.chars[this.end] === 'E') {
      float = true;
      this.end++;
      if (this.chars[this.end] === '-' || this.chars[this.end] === '+') this.end++;
      if (this.acceptDigits() === 0) return this.error(`Invalid number, expected digit but got: ${this.describeNext()}.`);
    }
    return this.token(float ? 'Float' : 'Int', this.chars.slice(this.start, this.end).join(''));
  }

  private readString(): Token {
    this.end++; // opening quote
    let value = '';
    while (this.end < this.chars.length) {
      const c = this.chars[this.end];
      if (c === '\n' || c === '\r') break;
      const code = c.codePointAt(0)!;
      if (code < 0x20 && c !== '\t') return this.error(`Invalid character within String: "\\u${code.toString().padStart(4, '0')}".`);
      if (c === '"') {
        const tok = this.token('String', value, 1);
        this.end++;
        return tok;
      }
      if (c !== '\\') {
        value += c;
        this.end++;
        continue;
      }
      if (this.end + 1 >= this.chars.length) {
        this.end++;
        return this.error('Invalid character escape sequence.');
      }
      const escape = this.chars[this.end + 1];
      if (escape === 'u') {
        const hex = this.chars.slice(this.end + 2, this.end + 6).join('');
        if (this.end + 6 >= this.chars.length) {
          this.end++;
          return this.error(`Invalid character escape sequence: \\${this.chars.slice(this.end).join('')}.`);
        }
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.end++;
          return this.error(`Invalid character escape sequence: \\${this.chars.slice(this.end, this.end + 5).join('')}.`);
        }
        value += String.fromCharCode(parseInt(hex, 16));
        this.end += 6;
        continue;
      }
      const simple: Record<string, string> = { '"': '"', '/': '/', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (!(escape in simple)) {
        this.end++;
        return this.error(`Invalid character escape sequence: \\${escape}.`);
      }
      value += simple[escape];
      this.end += 2;
    }
    return this.error('Unterminated string.');
  }

  private readBlockString(): Token {
    this.end += 3;
    let raw = '';
    while (this.end < this.chars.length) {
      const c = this.chars[this.end];
      if (c === '"' && this.chars[this.end + 1] === '"' && this.chars[this.end + 2] === '"') {
        const tok = this.token('BlockString', blockStringValue(raw), 3);
        this.end += 3;
        return tok;
      }
      const code = c.codePointAt(0)!;
      if (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') {
        return this.error(`Invalid character within String: "\\u${code.toString().padStart(4, '0')}".`);
      }
      if (c === '\\' && this.chars.slice(this.end + 1, this.end + 4).join('') === '"""') {
        raw += '"""';
        this.end += 4;
      } else if (c === '\r') {
        if (this.chars[this.end + 1] === '\n') this.end++;
        raw += '\n';
        this.end++;
        this.newline();
      } else {
        raw += c;
        this.end++;
        if (c === '\n') this.newline();
      }
    }
    return this.error('Unterminated string.');
  }
}

/** The spec's BlockStringValue(): strip the common indentation and leading/trailing blank lines. */
export function blockStringValue(raw: string): string {
  const lines = raw.split('\n');
  const leading = (l: string): number => l.length - l.replace(/^[ \t]+/, '').length;
  const isBlank = (l: string): boolean => leading(l) === l.length;
  let common = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const indent = leading(lines[i]);
    if (indent < lines[i].length && indent < common) common = indent;
  }
  if (common !== Infinity) {
    for (let i = 1; i < lines.length; i++) lines[i] = lines[i].length < common ? '' : lines[i].slice(common);
  }
  let start = 0;
  let end = lines.length;
  while (start < lines.length - 1 && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end).join('\n');
}
