// Tokenises sample lines with the real TextMate engine VS Code uses (vscode-textmate + oniguruma).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { REPO_ROOT } from '../helpers/corpora';

export interface Token {
  text: string;
  scopes: string[];
}

let onigReady: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    onigReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigReady;
}

const grammars = new Map<string, Promise<textmate.IGrammar>>();

export function loadGrammar(file: string, scopeName: string): Promise<textmate.IGrammar> {
  let grammar = grammars.get(file);
  if (!grammar) {
    grammar = (async () => {
      await loadOniguruma();
      const registry = new textmate.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
          createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (name) => {
          if (name !== scopeName) return null;
          const path = resolve(REPO_ROOT, 'syntaxes', file);
          return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
        },
      });
      const loaded = await registry.loadGrammar(scopeName);
      if (!loaded) throw new Error(`grammar ${scopeName} did not load`);
      return loaded;
    })();
    grammars.set(file, grammar);
  }
  return grammar;
}

/** Tokens of each line, carrying the rule stack from line to line as an editor does. */
export function tokenizeLines(grammar: textmate.IGrammar, lines: string[]): Token[][] {
  let stack = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Scopes of the token where the `nth` occurrence of `needle` in the line starts. */
export function scopesOf(line: string, tokens: Token[], needle: string, nth = 0): string[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = line.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) not in line: ${line}`);
  }
  let offset = 0;
  for (const token of tokens) {
    if (at >= offset && at < offset + token.text.length) return token.scopes;
    offset += token.text.length;
  }
  throw new Error(`no token at ${at} in: ${line}`);
}
