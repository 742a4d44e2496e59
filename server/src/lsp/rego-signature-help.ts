// Signature help for calls in .rego documents: the innermost unclosed `(` before the cursor names
// the function (a builtin, or a function of the folder tree through the module's imports and
// package); the active parameter is the number of top-level commas since that `(`. Reads the text
// only, so it works while the line is half-typed.
import type { ParameterInformation, SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import { getBuiltin, type Builtin } from '../rego/index';
import { isFunction } from '../lint/index';
import { builtinSignature, definitions, importAliases, resolveName, typeText, type RegoScope } from './rego-navigation';
import type { ParsedFile } from './rego-workspace';

/** How far back to look for the call's `(` (a call's arguments rarely span more). */
const LOOKBACK = 4000;

interface OpenCall {
  name: string;
  activeParameter: number;
}

/** The call whose argument list holds `offset`: its dotted name and the comma count so far. */
export function openCallAt(text: string, offset: number): OpenCall | undefined {
  const from = Math.max(0, offset - LOOKBACK);
  // Scan forwards, so strings and comments are skipped exactly; keep a stack of open brackets.
  const stack: { ch: string; at: number; commas: number }[] = [];
  for (let i = from; i < offset; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < offset && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      for (i++; i < offset && text[i] !== '`'; i++);
    } else if (c === '#') {
      while (i < offset && text[i] !== '\n') i++;
    } else if (c === '(' || c === '[' || c === '{') stack.push({ ch: c, at: i, commas: 0 });
    else if (c === ')' || c === ']' || c === '}') stack.pop();
    else if (c === ',' && stack.length > 0) stack[stack.length - 1].commas++;
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const open = stack[k];
    if (open.ch !== '(') continue;
    const m = /([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*$/.exec(text.slice(Math.max(0, open.at - 200), open.at));
    if (!m) return undefined; // a parenthesised expression, not a call
    return { name: m[1], activeParameter: open.commas };
  }
  return undefined;
}

export function signatureHelpAt(scope: RegoScope, offset: number): SignatureHelp | null {
  const call = openCallAt(scope.doc.text, offset);
  if (!call) return null;
  const user = userSignatures(call.name, scope);
  const builtin = user.length === 0 ? builtinSignatureInfo(call.name, scope.doc) : undefined;
  const signatures = builtin ? [builtin] : user;
  if (signatures.length === 0) return null;
  // The first signature with enough parameters for the commas typed so far.
  const fits = signatures.findIndex((sig) => (sig.parameters?.length ?? 0) > call.activeParameter);
  const activeSignature = fits >= 0 ? fits : 0;
  const params = signatures[activeSignature].parameters ?? [];
  const activeParameter = params.length === 0 ? 0 : Math.min(call.activeParameter, params.length - 1);
  return { signatures: signatures.map((sig) => ({ ...sig, activeParameter })), activeSignature, activeParameter };
}

function builtinSignatureInfo(name: string, doc: ParsedFile): SignatureInformation | undefined {
  const b: Builtin | undefined = getBuiltin(name);
  if (!b || name.startsWith('internal.')) return undefined;
  if (importAliases(doc.module).has(name.split('.')[0])) return undefined;
  const label = builtinSignature(b);
  const parameters: ParameterInformation[] = [];
  let cursor = label.indexOf('(') + 1;
  for (const a of b.args) {
    const text = `${a.name}: ${typeText(a.type)}`;
    const at = label.indexOf(text, cursor);
    parameters.push({ label: [at, at + text.length], documentation: a.description });
    cursor = at + text.length;
  }
  if (b.variadic) {
    const text = `...: ${typeText(b.variadic)}`;
    const at = label.indexOf(text, cursor);
    if (at >= 0) parameters.push({ label: [at, at + text.length] });
  }
  return { label, documentation: b.description, parameters };
}

/** A function of the folder tree: one signature per distinct head (definitions may differ in arity or patterns). */
function userSignatures(name: string, scope: RegoScope): SignatureInformation[] {
  const defs = definitions(scope.files);
  const path = resolveName(name, scope.doc, new Set(defs.map((d) => d.path)));
  if (!path) return [];
  const shortName = path.slice(path.lastIndexOf('.') + 1);
  const out = new Map<string, SignatureInformation>();
  for (const def of defs) {
    if (def.path !== path || !isFunction(def.rule)) continue;
    const argText = (def.rule.head.args ?? []).map((a) => def.file.text.slice(a.loc.start, a.loc.end));
    let label = `${shortName}(`;
    const parameters: ParameterInformation[] = [];
    argText.forEach((t, i) => {
      if (i > 0) label += ', ';
      parameters.push({ label: [label.length, label.length + t.length] });
      label += t;
    });
    label += ')';
    if (out.has(label)) continue;
    const annotation = def.file.module?.annotations.find((a) => a.target === def.index);
    const description = annotation?.fields.description ?? annotation?.fields.title;
    out.set(label, { label, parameters, ...(typeof description === 'string' ? { documentation: description.trim() } : {}) });
  }
  return [...out.values()];
}
