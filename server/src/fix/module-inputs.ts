// A rule's `set` fix whose target attribute reads a module input verbatim
// (`enable_deletion_protection = var.enable_deletion_protection`) is not rendered there: replacing
// the reference would cut a wire the author laid on purpose ("comes from var.x; change it where it
// is defined"). This provider changes the value where it is defined:
// - for a resource in a child module instance, in that instance's call: the argument is set, or
//   added when the call leaves the input to its default (`module "alb" { enable_… = true }`);
// - for a resource of the unit's own module, as the variable's default (`variable "x" { default =
//   true }`): secure by default for every caller that does not pass it.
// A candidate is verified like any other (the finding gone, nothing new), so an input that also
// drives something a rule checks, or a caller that passes another variable, gets no fix.
import { basename } from 'node:path';
import { soleInterpolation, type Block, type BodyItem, type Expr, type ParsedFile, type TerraformUnitResult } from '../iac/terraform';
import type { Finding, FixOperation } from '../policy';
import { summarizeValue } from './hcl-values';
import { isJsonSyntaxFile } from './json-render';
import { renderOperations } from './terraform-render';
import { blockAt, locate, unparen, type PathStep } from './terraform-locate';
import type { FixCandidate, FixContext, FixTextEdit } from './types';
import { absolutePath, parsedFromHost, unitAnalysis } from './verify';

export const MODULE_INPUT_SOURCE = 'module-input';

export function moduleInputFixes(finding: Finding, context: FixContext): FixCandidate[] {
  const ops = finding.fix ?? [];
  if (!finding.resource || ops.length === 0 || !ops.every(isPlainSet)) return [];
  const analysis = unitAnalysis(context);
  const node = analysis.sourceMaps.get(finding.resource);
  if (!node || isJsonSyntaxFile(node.range.file)) return [];
  const file = parsedFromHost(context, node.range.file);
  const block = file && blockAt(file, node.range.start);
  if (!file || !block) return [];
  const inputs = inputsRead(file, block, ops);
  if (!inputs) return [];
  // An input that also decides how many instances of something exist (`count`, `for_each`, a
  // dynamic block's `for_each`) would create or destroy them with the new value: no fix.
  if ([...inputs.keys()].some((name) => drivesInstances(context, node.range.file, name))) return [];

  // The module instance whose call sets the inputs (`module.a[0].module.b`); absent at the unit's root.
  const caller = [...analysis.model.resources, ...(analysis.model.data ?? [])].find((r) => r.address === finding.resource)?.module;
  if (caller !== undefined) {
    if (!analysis.sourceMaps.has(caller)) return [];
    const callOps: FixOperation[] = [...inputs].map(([name, value]) => ({ op: 'set', resource: caller, path: [name], value }));
    return [{ title: `${describe(inputs)} in the call of ${caller}`, source: MODULE_INPUT_SOURCE, preferred: true, ops: callOps }];
  }
  const edits = defaultEdits(analysis.parsed, node.range.file, inputs);
  return edits ? [{ title: `Default ${[...inputs].map(([name, value]) => `var.${name} to ${summarizeValue(value)}`).join(', ')}`, source: MODULE_INPUT_SOURCE, preferred: true, edits }] : [];
}

/**
 * A `set` on the finding's own resource, without a judged expression (`replaces` keeps its own
 * rule) and not computed from other attributes (`derived_from`: a value describing what one
 * caller passes would be wrong as a default, or for another instance of the call).
 */
function isPlainSet(op: FixOperation): boolean {
  return op.op === 'set' && op.resource === undefined && op.replaces === undefined && op.derived_from === undefined && Array.isArray(op.path) && op.path.length > 0 && 'value' in op;
}

/** Input name → value, when every operation's target reads exactly `var.<name>` (one value per input). */
function inputsRead(file: ParsedFile, block: Block, ops: readonly FixOperation[]): Map<string, unknown> | undefined {
  const inputs = new Map<string, unknown>();
  for (const op of ops) {
    const found = locate(file, block, op.path as PathStep[]);
    if (!found.ok) return undefined;
    const at = found.located;
    if (at.kind !== 'attribute' && at.kind !== 'object-item') return undefined;
    const name = variableName(at.kind === 'attribute' ? at.attr.expr : at.item.value);
    if (name === undefined) return undefined;
    if (inputs.has(name) && JSON.stringify(inputs.get(name)) !== JSON.stringify(op.value)) return undefined;
    inputs.set(name, op.value);
  }
  return inputs;
}

/**
 * `x` for the expression `var.x` (parentheses allowed), else undefined. A quoted template that is
 * exactly one interpolation (`"${var.x}"`, Terraform 0.11 style) is the value itself in Terraform,
 * not its string form, so it reads the input verbatim too.
 */
function variableName(expr: Expr): string | undefined {
  let e = unparen(expr);
  const sole = e.kind === 'Template' ? soleInterpolation(e) : undefined;
  if (sole) e = unparen(sole);
  if (e.kind !== 'GetAttr') return undefined;
  const object = unparen(e.object);
  return object.kind === 'Variable' && object.name === 'var' ? e.name.name : undefined;
}

/** Edits setting each input's default in its `variable` block of the unit's own files; undefined unless every one has a default to change. */
function defaultEdits(parsed: TerraformUnitResult['parsed'], someFile: string, inputs: Map<string, unknown>): FixTextEdit[] | undefined {
  const relDir = someFile.includes('/') ? someFile.slice(0, someFile.lastIndexOf('/') + 1) : '';
  const edits: FixTextEdit[] = [];
  for (const [name, value] of inputs) {
    const declared = variableBlock(parsed, name);
    // A required input (no default) is set by every caller: a default would change the module's interface.
    if (!declared || !declared.block.body.items.some((i) => i.kind === 'Attribute' && i.name.name === 'default')) return undefined;
    const r = renderOperations({ file: declared.file, block: declared.block, address: `var.${name}` }, [{ op: 'set', path: ['default'], value }]);
    if (!r.ok) return undefined;
    edits.push(...r.edits.map((e) => ({ file: relDir + basename(declared.file.path), ...e })));
  }
  return edits;
}

/**
 * Whether `var.<name>` appears in a `count` or `for_each` of any block (nested `dynamic` blocks too)
 * of the module whose files sit beside `someFile` (workspace-relative). A textual test of the
 * meta-argument's source: a false alarm only withholds a fix; an unreadable directory withholds it.
 */
function drivesInstances(context: FixContext, someFile: string, name: string): boolean {
  const dir = someFile.includes('/') ? someFile.slice(0, someFile.lastIndexOf('/') + 1) : '';
  let known = instanceDrivers.get(context);
  if (!known) instanceDrivers.set(context, (known = new Map()));
  const key = `${dir}\0${name}`;
  let drives = known.get(key);
  if (drives === undefined) known.set(key, (drives = readDrivesInstances(context, dir, name)));
  return drives;
}

/** Per context (one snapshot of the files): module directory and input name → drivesInstances. */
const instanceDrivers = new WeakMap<FixContext, Map<string, boolean>>();

function readDrivesInstances(context: FixContext, dir: string, name: string): boolean {
  const names = context.host.listDir(absolutePath(context.root, dir === '' ? '.' : dir.slice(0, -1)));
  if (!names) return true;
  const reference = new RegExp(`\\bvar\\.${name.replace(/[^A-Za-z0-9_-]/g, '')}(?![A-Za-z0-9_-])`);
  const drives = (file: ParsedFile, items: readonly BodyItem[]): boolean =>
    items.some(
      (item) =>
        item.kind === 'Block' &&
        (item.body.items.some((i) => i.kind === 'Attribute' && (i.name.name === 'count' || i.name.name === 'for_each') && reference.test(file.text.slice(i.expr.start, i.expr.end))) || drives(file, item.body.items)),
    );
  return names.some((n) => {
    if (!n.endsWith('.tf')) return false;
    const file = parsedFromHost(context, dir + n);
    return file !== undefined && drives(file, file.body.items);
  });
}

/** The `variable "<name>"` block among the unit's own parsed files (native syntax; in file-name order). */
function variableBlock(parsed: TerraformUnitResult['parsed'], name: string): { file: ParsedFile; block: Block } | undefined {
  for (const file of [...parsed.values()].filter((f) => f.path.endsWith('.tf')).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const item of file.body.items) {
      if (item.kind === 'Block' && item.type.name === 'variable' && item.labels[0]?.value === name) return { file, block: item };
    }
  }
  return undefined;
}

function describe(inputs: Map<string, unknown>): string {
  return [...inputs].map(([name, value]) => `Set ${name} = ${summarizeValue(value)}`).join('; ');
}
