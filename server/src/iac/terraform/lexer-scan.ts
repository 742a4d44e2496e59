// Character classes and scanners of the Terraform lexer (lexer.ts): identifiers, numbers,
// comments and runs of invalid characters. Pure functions of the text and a position.

/** Character codes the lexer tests (a const enum, so they compile to literals in every file). */
export const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
}

export const asciiIdentStart = new Uint8Array(128);
const asciiIdentPart = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  asciiIdentStart[c] = letter ? 1 : 0;
  asciiIdentPart[c] = letter || (c >= 48 && c <= 57) || c === 45 ? 1 : 0;
}
const unicodeIdStart = /\p{ID_Start}/u;
const unicodeIdContinue = /\p{ID_Continue}/u;

export function isIdentStartAt(text: string, pos: number, c: number): boolean {
  if (pos >= text.length) return false;
  if (c < 128) return asciiIdentStart[c] === 1;
  return unicodeIdStart.test(String.fromCodePoint(text.codePointAt(pos) ?? c));
}

/** Length (UTF-16 units) of the identifier starting at `pos`, whose first char is known valid. */
export function scanIdentEnd(text: string, pos: number): number {
  const len = text.length;
  let p = pos + (text.charCodeAt(pos) >= 0xd800 && text.charCodeAt(pos) <= 0xdbff ? 2 : 1);
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (asciiIdentPart[c] !== 1) break;
      p++;
      continue;
    }
    const cp = text.codePointAt(p) ?? c;
    if (!unicodeIdContinue.test(String.fromCodePoint(cp))) break;
    p += cp > 0xffff ? 2 : 1;
  }
  return p;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function lineCommentEnd(text: string, pos: number): number {
  let nl = text.indexOf('\n', pos);
  if (nl < 0) nl = text.length;
  if (nl > pos && text.charCodeAt(nl - 1) === Ch.CR) nl--;
  return nl;
}

/** Digits, optional fraction (not directly after `.`, so `a.0.1` stays two legacy indexes), optional exponent. */
export function scanNumberEnd(text: string, pos: number, afterDot: boolean): number {
  const len = text.length;
  while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
  if (!afterDot && text.charCodeAt(pos) === 46 && isDigit(text.charCodeAt(pos + 1))) {
    pos += 2;
    while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (!afterDot && (e === 101 || e === 69)) {
    let p = pos + 1;
    const s = text.charCodeAt(p);
    if (s === 43 || s === 45) p++;
    if (isDigit(text.charCodeAt(p))) {
      while (p < len && isDigit(text.charCodeAt(p))) p++;
      pos = p;
    }
  }
  return pos;
}

function startsToken(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR) return true;
  if (c < 128) {
    if (c === 38 || c === 124) return text.charCodeAt(pos + 1) === c;
    if (c === 126) return text.charCodeAt(pos + 1) === 125;
    // Printable ASCII other than these is a token start (or, like @ ` ^ \ ;, invalid on its own).
    return c > 32 && c !== 64 && c !== 96 && c !== 94 && c !== 92 && c !== 59 && c !== 127 && c !== 39;
  }
  return isIdentStartAt(text, pos, c);
}

export function singleQuotedEnd(text: string, pos: number): number {
  const close = text.indexOf("'", pos + 1);
  const nl = text.indexOf('\n', pos + 1);
  if (close > pos && (nl < 0 || close < nl)) return close + 1;
  return invalidRunEnd(text, pos);
}

export function invalidRunEnd(text: string, pos: number): number {
  const len = text.length;
  const c = text.charCodeAt(pos);
  pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < len ? 2 : 1;
  for (;;) {
    while (pos < len && !startsToken(text, pos)) pos++;
    // Invalid characters separated only by spaces or tabs form one run (one diagnostic).
    let next = pos;
    while (next < len && (text.charCodeAt(next) === Ch.Space || text.charCodeAt(next) === Ch.Tab)) next++;
    if (next === pos || next >= len || startsToken(text, next)) return pos;
    pos = next;
  }
}

export function invalidCharMessage(text: string, pos: number): string {
  const c = text.charCodeAt(pos);
  if (c === 39) return 'Invalid character: single quotes are not valid; use double quotes (") to enclose strings.';
  if (c === 59) return 'Invalid character: the ";" character is not valid; use newlines to separate arguments and blocks, and commas to separate items in collection values.';
  if (c === 38 || c === 124) return `Invalid character: "${text[pos]}" is not valid; did you mean "${text[pos]}${text[pos]}"?`;
  if (c < 32 || c === 127) return `Invalid character: control character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not valid here.`;
  return `Invalid character: "${String.fromCodePoint(text.codePointAt(pos) ?? c)}" is not valid here.`;
}
