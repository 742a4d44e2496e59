// "Evaluate" for a rule of a .rego document: the rule's value with a JSON/YAML file as `input`, or
// with the model of an open Terraform file's module (what Palisade's own rules see). Runs under a
// time budget; the answer carries the equivalent `palisade rego eval` command line so the result
// can be reproduced in a terminal.
import type { CancellationToken } from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import { analyzeTerraformModule } from '../iac/terraform/index';
import { evalRuleWithErrors, fromJS, parseJSON, parseYAML, toJSONText, type RegoValue } from '../rego/index';
import { EVALUATE_INPUT_PLACEHOLDER, type RegoEvaluateParams, type RegoEvaluateResult } from '../shared/messages';
import { baseName, dirOf, isInside, uriToPath } from './paths';
import type { ClosureCompiler } from './rego-tests-compile';
import type { FolderData } from './rego-tests-data';

/** Evaluation budget of one "Evaluate" (the server stays responsive; a looping policy stops here). */
export const EVALUATE_BUDGET_MS = 3000;
const SUMMARY_LENGTH = 80;

export interface RegoEvaluateHost {
  /** Buffers over disk, for input files and the Terraform module. */
  files: FileHost;
  rootOf(path: string): string | undefined;
  /** The folder's data documents, as `palisade test <folder>` loads them; none when absent. */
  data?(root: string): FolderData;
  /**
   * Extra variable files (absolute) of the Terraform file's folder — the `palisade.terraform.varFiles`
   * setting the status bar picks — so Evaluate sees the model the folder's diagnostics come from.
   */
  terraformVarFiles?: string[];
}

export function evaluateRule(host: RegoEvaluateHost, compiler: ClosureCompiler, params: RegoEvaluateParams, token?: CancellationToken): RegoEvaluateResult {
  const t0 = performance.now();
  const path = uriToPath(params.uri);
  const failed = (message: string, cwd = path ? dirOf(path) : '', commandLine: string[] = []): RegoEvaluateResult => ({
    rule: params.rule,
    summary: `error: ${message}`,
    errors: [message],
    durationMs: performance.now() - t0,
    commandLine,
    cwd,
  });
  if (!path) return failed(`not a file: ${params.uri}`);
  const compiled = compiler.compile(path);
  if (!compiled) return failed(`cannot read ${path}`);
  const relative = (p: string) => (isInside(p, compiled.root) && p !== compiled.root ? p.slice(compiled.root.length + 1) : p);

  const input = readInput(host, params);
  const inputArg = input.file !== undefined ? relative(input.file) : input.model !== undefined ? EVALUATE_INPUT_PLACEHOLDER : undefined;
  // The folder's data documents, each given with OPA's `prefix:path` form so the command places it alike.
  const data = host.data?.(compiled.root);
  const dataArgs = (data?.documents ?? []).flatMap((d) => ['-d', d.prefix.length > 0 ? `${d.prefix.join('.')}:${relative(d.path)}` : relative(d.path)]);
  const commandLine = ['rego', 'eval', ...compiled.files.flatMap((f) => ['-d', relative(f.path)]), ...dataArgs, ...(inputArg ? ['-i', inputArg] : []), '--format', 'pretty', params.rule];
  const modelText = input.model !== undefined ? JSON.stringify(input.model, null, 2) : undefined;
  const withCommand = (r: RegoEvaluateResult): RegoEvaluateResult => ({ ...r, commandLine, cwd: compiled.root, ...(modelText !== undefined ? { input: modelText } : {}) });
  if (input.error !== undefined) return withCommand(failed(input.error));
  if (!compiled.policy) {
    const messages = compiled.errors.map((e) => `${e.file ? `${relative(e.file)}:${e.row}: ` : ''}${e.code}: ${e.message}`);
    return withCommand({ ...failed(messages[0] ?? 'the policy does not compile'), errors: messages });
  }
  if (data && data.problems.length > 0) return withCommand({ ...failed(data.problems[0].message), errors: data.problems.map((p) => p.message) });
  const r = evalRuleWithErrors(compiled.policy, params.rule, {
    input: input.value,
    data: data?.data,
    budget: { maxMillis: EVALUATE_BUDGET_MS },
    isCancelled: () => token?.isCancellationRequested === true,
  });
  const durationMs = performance.now() - t0;
  if (r.errors.length > 0) {
    const messages = r.errors.map((e) => `${e.file ? `${relative(e.file)}:${e.row}: ` : ''}${e.code}: ${e.message}`);
    return withCommand({ rule: params.rule, summary: `error: ${messages[0]}`, errors: messages, durationMs, commandLine, cwd: compiled.root });
  }
  return withCommand({
    rule: params.rule,
    ...(r.value !== undefined ? { value: toJSONText(r.value, { indent: '  ', escapeHTML: false }) } : {}),
    summary: summarize(r.value),
    errors: [],
    durationMs,
    commandLine,
    cwd: compiled.root,
  });
}

interface Input {
  value?: RegoValue;
  /** The input file (absolute), for the command line. */
  file?: string;
  /** The Terraform model (plain JSON), for the command line's input file. */
  model?: unknown;
  error?: string;
}

function readInput(host: RegoEvaluateHost, params: RegoEvaluateParams): Input {
  if (params.terraformUri !== undefined) {
    const tf = uriToPath(params.terraformUri);
    if (!tf) return { error: `not a file: ${params.terraformUri}` };
    const dir = dirOf(tf);
    const root = host.rootOf(tf) ?? dir;
    const unit = analyzeTerraformModule(host.files, { dir, root, varFiles: host.terraformVarFiles ?? [] });
    return { value: fromJS(unit.model), model: unit.model };
  }
  if (params.inputUri === undefined) return {};
  const file = uriToPath(params.inputUri);
  if (!file) return { error: `not a file: ${params.inputUri}` };
  const text = host.files.readFile(file);
  if (text === undefined) return { error: `cannot read ${file}` };
  const parsed = /\.json$/i.test(file) ? parseJSON(text) : parseYAML(text);
  if (parsed.error !== undefined) return { error: `${baseName(file)}: ${parsed.error}` };
  return { value: parsed.value, file };
}

/** One line for inline display: the value if short, else its size. */
export function summarize(v: RegoValue | undefined): string {
  if (v === undefined) return 'undefined';
  const text = toJSONText(v, { escapeHTML: false });
  if (text.length <= SUMMARY_LENGTH) return text;
  const size = Array.isArray(v) ? v.length : typeof v === 'object' && v !== null && 'size' in v ? Number((v as { size: number }).size) : undefined;
  const head = `${text.slice(0, SUMMARY_LENGTH - 1)}…`;
  return size !== undefined && Number.isFinite(size) ? `${size} item${size === 1 ? '' : 's'}: ${head}` : head;
}
