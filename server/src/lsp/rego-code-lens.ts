// Code lenses on Rego rule heads: "Evaluate" (with an input file the client asks for) and, for rules
// of packages that read Palisade's IaC input, "Evaluate on <file>.tf" for the Terraform files open
// in the editor. The lenses only name client commands; the evaluation is REGO_EVALUATE_REQUEST.
import type { CodeLens } from 'vscode-languageserver';
import { refText, walkRuleTerms } from '../lint/index';
import type { Module } from '../rego/index';
import { EVALUATE_RULE_CLIENT_COMMAND, EVALUATE_RULE_ON_TERRAFORM_CLIENT_COMMAND, type EvaluateRuleArgs } from '../shared/messages';
import { LineIndex } from './line-index';
import { baseName, pathToUri } from './paths';
import { rulePath, type ParsedFile } from './rego-workspace';

/** Top-level fields of Palisade's input (docs/model.md): a package reading one is an IaC package. */
const IAC_INPUT_FIELDS = new Set(['resources', 'data', 'modules', 'providers', 'required_providers', 'sensitive_variables', 'variables', 'locals', 'format', 'files']);
/** At most this many "Evaluate on" lenses per rule (the most recently opened Terraform files). */
const MAX_TERRAFORM_LENSES = 2;

/**
 * One "Evaluate" lens per rule head (functions take arguments and tests have the Test Explorer,
 * so neither gets one), plus "Evaluate on <file>.tf" for IaC packages.
 */
export function ruleCodeLenses(doc: ParsedFile, openTerraformPaths: string[]): CodeLens[] {
  const module = doc.module;
  if (!module) return [];
  const index = new LineIndex(doc.text);
  const uri = pathToUri(doc.path);
  const terraform = usesIacInput(module) ? openTerraformPaths.slice(-MAX_TERRAFORM_LENSES).reverse() : [];
  const lenses: CodeLens[] = [];
  for (const rule of module.rules) {
    if ((rule.head.args?.length ?? 0) > 0) continue;
    const first = rule.head.ref[0]?.value;
    if (first?.type === 'var' && (first.name.startsWith('test_') || first.name.startsWith('todo_test_'))) continue;
    const headEnd = rule.head.ref[rule.head.ref.length - 1]?.loc.end ?? rule.loc.start;
    const range = index.rangeOf(rule.loc.start, headEnd);
    const args: EvaluateRuleArgs = { uri, rule: evaluablePath(doc.pkg, rule), range };
    lenses.push({ range, command: { title: 'Evaluate', command: EVALUATE_RULE_CLIENT_COMMAND, arguments: [args] } });
    for (const tf of terraform) {
      const onTf: EvaluateRuleArgs = { ...args, terraformUri: pathToUri(tf) };
      lenses.push({ range, command: { title: `Evaluate on ${baseName(tf)}`, command: EVALUATE_RULE_ON_TERRAFORM_CLIENT_COMMAND, arguments: [onTf] } });
    }
  }
  return lenses;
}

/** The data path to evaluate: a ref head's static prefix (`p.q[x]` → `data.pkg.p.q`). */
function evaluablePath(pkg: string, rule: Module['rules'][number]): string {
  const staticParts: string[] = [];
  for (const [i, t] of rule.head.ref.entries()) {
    if (i === 0 && t.value.type === 'var') staticParts.push(t.value.name);
    else if (i > 0 && t.value.type === 'string' && /^[A-Za-z_]\w*$/.test(t.value.value)) staticParts.push(t.value.value);
    else break;
  }
  return staticParts.length === rule.head.ref.length ? rulePath(pkg, rule) : `${pkg}.${staticParts.join('.')}`;
}

/** True when the module reads Palisade's input (`input.resources`, …) or imports its Rego library. */
export function usesIacInput(module: Module): boolean {
  for (const i of module.imports) {
    const text = i.path.value.type === 'ref' ? refText(i.path.value.terms) : '';
    if (text.startsWith('data.palisade.lib') || isIacInputRef(text)) return true;
  }
  let found = false;
  for (const rule of module.rules) {
    walkRuleTerms(rule, (t) => {
      if (!found && t.value.type === 'ref' && isIacInputRef(refText(t.value.terms))) found = true;
    });
    if (found) return true;
  }
  return false;
}

function isIacInputRef(text: string): boolean {
  const m = /^input\.([A-Za-z_]\w*)/.exec(text);
  return m !== null && IAC_INPUT_FIELDS.has(m[1]);
}
