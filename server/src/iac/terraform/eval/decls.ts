// Loading one module directory: its .tf files, parsed, and its top-level declarations indexed.
import type { Attribute, Block, Expr, ParsedFile } from '../ast';
import type { UnitContext } from './unit';
import { newNode, SHARED } from './eval-tracker';
import { isJsonConfigurationCandidate, isTerraformConfigName, isTerraformJsonConfiguration } from '../json-config';

export interface BlockDecl {
  block: Block;
  file: ParsedFile;
}

export interface LocalDecl {
  attr: Attribute;
  file: ParsedFile;
}

export interface ModuleDecls {
  dir: string;
  /** Parsed .tf files in lexical order. */
  files: ParsedFile[];
  variables: Map<string, BlockDecl>;
  locals: Map<string, LocalDecl>;
  /** Keyed by `type.name`. */
  resources: Map<string, BlockDecl>;
  /** Keyed by `type.name`. */
  data: Map<string, BlockDecl>;
  /** `ephemeral "type" "name"` blocks (Terraform 1.10+), keyed by `type.name`: only declared, never evaluated. */
  ephemeral: Map<string, BlockDecl>;
  modules: Map<string, BlockDecl>;
  outputs: Map<string, BlockDecl>;
  providers: BlockDecl[];
  /**
   * `terraform { required_providers { … } }` version constraints written as literal strings (and
   * a `provider` block's own literal `version`), in file order: Terraform installs one provider version that satisfies every module's constraints,
   * so a fix can tell when an argument it would add does not exist in that version.
   */
  requiredProviders: { name: string; version: string }[];
  /** Resource types declared here (managed), so `aws_x.y` can be told from an unknown name. */
  resourceTypes: Set<string>;
}

/**
 * Configuration files directly in `dir`: `.tf` and `.tf.json`, and other `.json` files that hold
 * Terraform JSON configuration (json-config/index.ts), in one lexical order as Terraform reads them.
 */
export function terraformFilesIn(ctx: UnitContext, dir: string): string[] {
  const names = ctx.listDir(dir) ?? [];
  const isJsonConfiguration = (n: string) => isJsonConfigurationCandidate(n) && isTerraformJsonConfiguration(ctx.readText(`${dir}/${n}`) ?? '');
  return names
    .filter((n) => isTerraformConfigName(n) || isJsonConfiguration(n))
    .sort()
    .map((n) => `${dir}/${n}`);
}

const cache = new WeakMap<UnitContext, Map<string, ModuleDecls>>();

/** The declarations of a module directory, loaded once per analysis run. */
export function loadModuleDecls(ctx: UnitContext, dir: string): ModuleDecls {
  let perUnit = cache.get(ctx);
  if (!perUnit) cache.set(ctx, (perUnit = new Map()));
  const tracker = ctx.tracker;
  // With a tracker, loading is a node every instance of the directory uses (its parse errors, its reads).
  let node = tracker?.declsNodes.get(dir);
  if (tracker && !node) tracker.declsNodes.set(dir, (node = newNode(SHARED, `d:${dir}`)));
  const hit = perUnit.get(dir);
  if (hit) {
    if (node) tracker!.touch(node);
    return hit;
  }
  return node ? tracker!.run(node, () => loadDecls(ctx, dir, perUnit!)) : loadDecls(ctx, dir, perUnit);
}

function loadDecls(ctx: UnitContext, dir: string, perUnit: Map<string, ModuleDecls>): ModuleDecls {
  const decls: ModuleDecls = {
    dir,
    files: [],
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    data: new Map(),
    ephemeral: new Map(),
    modules: new Map(),
    outputs: new Map(),
    providers: [],
    requiredProviders: [],
    resourceTypes: new Set(),
  };
  perUnit.set(dir, decls);
  for (const path of terraformFilesIn(ctx, dir)) {
    const file = ctx.parse(path);
    if (file) {
      decls.files.push(file);
      indexFile(ctx, decls, file);
    }
  }
  return decls;
}

/** A top-level declaration of a file, with the map of ModuleDecls it goes to and its key there. */
type FileDeclaration =
  | { to: 'variables' | 'outputs' | 'modules' | 'resources' | 'data' | 'ephemeral'; key: string; decl: BlockDecl; labelCount: number; badName?: true }
  | { to: 'providers'; decl: BlockDecl }
  | { to: 'requiredProviders'; name: string; version: string }
  | { to: 'locals'; local: LocalDecl };

/**
 * A file's declarations in order, read once per (immutable) tree: every unit that loads the
 * module indexes the same list, so keys (`type.name`) and decl objects are built once, not per unit.
 */
const fileDeclarations = new WeakMap<ParsedFile, FileDeclaration[]>();

function declarationsOf(file: ParsedFile): FileDeclaration[] {
  let out = fileDeclarations.get(file);
  if (out) return out;
  out = [];
  for (const item of file.body.items) {
    if (item.kind !== 'Block') continue;
    const block = item;
    const labels = block.labels;
    const decl: BlockDecl = { block, file };
    switch (block.type.name) {
      case 'variable':
      case 'output':
      case 'module':
        if (labels.length >= 1) out.push({ to: `${block.type.name}s` as 'variables' | 'outputs' | 'modules', key: labels[0].value, decl, labelCount: 1 });
        break;
      case 'resource':
        if (labels.length >= 2) out.push({ to: 'resources', key: `${labels[0].value}.${labels[1].value}`, decl, labelCount: 2 });
        break;
      case 'data':
        if (labels.length >= 2) out.push({ to: 'data', key: `${labels[0].value}.${labels[1].value}`, decl, labelCount: 2 });
        break;
      case 'ephemeral':
        if (labels.length >= 2) out.push({ to: 'ephemeral', key: `${labels[0].value}.${labels[1].value}`, decl, labelCount: 2 });
        break;
      case 'provider': {
        out.push({ to: 'providers', decl });
        // A provider block's own `version` (Terraform 0.12's way to constrain a provider, still
        // honoured with a deprecation warning) constrains the install like `required_providers`.
        const version = labels.length >= 1 ? providerBlockVersion(block) : undefined;
        if (version !== undefined) out.push({ to: 'requiredProviders', name: labels[0].value, version });
        break;
      }
      case 'terraform':
        for (const rp of requiredProviderVersions(block)) out.push({ to: 'requiredProviders', ...rp });
        break;
      case 'locals':
        for (const attr of block.body.items) if (attr.kind === 'Attribute') out.push({ to: 'locals', local: { attr, file } });
        break;
    }
  }
  for (const d of out) if ('labelCount' in d && !namesValid(d.decl.block, d.labelCount)) d.badName = true;
  fileDeclarations.set(file, out);
  return out;
}

function indexFile(ctx: UnitContext, decls: ModuleDecls, file: ParsedFile): void {
  const declarations = declarationsOf(file);
  for (let i = 0; i < declarations.length; i++) {
    const d = declarations[i];
    switch (d.to) {
      case 'providers':
        decls.providers.push(d.decl);
        break;
      case 'requiredProviders':
        decls.requiredProviders.push({ name: d.name, version: d.version });
        break;
      case 'locals': {
        const name = d.local.attr.name.name;
        const first = decls.locals.get(name);
        if (first) {
          ctx.report(file.path, d.local.attr.name, 'error', 'tf-duplicate',
            `duplicate local "${name}" (first declared in ${ctx.rel(first.file.path)})`);
        } else decls.locals.set(name, d.local);
        break;
      }
      default:
        if (d.badName) reportBadNames(ctx, file, d.decl.block, d.labelCount);
        declare(ctx, decls[d.to], d.key, d.decl, d.labelCount);
        if (d.to === 'resources') decls.resourceTypes.add(d.decl.block.labels[0].value);
    }
  }
}

/**
 * The literal `version` constraints of a `terraform` block's `required_providers`: the object form
 * (`aws = { source = "hashicorp/aws", version = ">= 3.72, < 4.0.0" }`) and the string form of
 * Terraform 0.12 (`aws = "~> 2.0"`). Terraform does not allow expressions there.
 */
function requiredProviderVersions(block: Block): { name: string; version: string }[] {
  const out: { name: string; version: string }[] = [];
  for (const inner of block.body.items) {
    if (inner.kind !== 'Block' || inner.type.name !== 'required_providers') continue;
    for (const attr of inner.body.items) {
      if (attr.kind !== 'Attribute') continue;
      let version: string | undefined;
      if (attr.expr.kind === 'Object') {
        for (const item of attr.expr.items) {
          const key = item.key.kind === 'Variable' ? item.key.name : literalText(item.key);
          if (key === 'version') version = literalText(item.value);
        }
      } else version = literalText(attr.expr);
      if (version !== undefined) out.push({ name: attr.name.name, version });
    }
  }
  return out;
}

/** The literal `version` argument of a `provider` block (`provider "aws" { version = "2.35.0" }`). */
function providerBlockVersion(block: Block): string | undefined {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === 'version') return literalText(item.expr);
  }
  return undefined;
}

/** A quoted string without interpolation. */
function literalText(e: Expr): string | undefined {
  if (e.kind !== 'Template' || !e.parts.every((p) => p.kind === 'TemplateLiteral')) return undefined;
  return e.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : '')).join('');
}

/**
 * HCL's identifier rule (ID_Start or `_`, then ID_Continue or `-`), which Terraform applies to the
 * names of variables, outputs, modules, resources and data sources: Unicode letters are names too.
 */
const NAME = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/** The ASCII names nearly every label is: tested first, since a Unicode-property test costs more. */
const ASCII_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A declaration label that is not a name (held-out round 16: a datadog-forwarders commit declares
 * `module " aws_s3_object"`) fails `terraform init` and `validate`, and no reference can name it.
 * The block is still declared, so the rest of the module evaluates as before; the error says why.
 * Labels are tested once per parse tree (declarationsOf); a run only reports the bad ones.
 */
function namesValid(block: Block, labelCount: number): boolean {
  for (let i = 0; i < labelCount; i++) {
    const value = block.labels[i].value;
    if (!ASCII_NAME.test(value) && !NAME.test(value)) return false;
  }
  return true;
}

function reportBadNames(ctx: UnitContext, file: ParsedFile, block: Block, labelCount: number): void {
  for (let i = 0; i < labelCount; i++) {
    const label = block.labels[i];
    if (ASCII_NAME.test(label.value) || NAME.test(label.value)) continue;
    ctx.report(file.path, label, 'error', 'tf-invalid-name',
      `invalid ${block.type.name} ${i === 0 && labelCount === 2 ? 'type' : 'name'} "${label.value}": a name must start with a letter or underscore and contain only letters, digits, underscores and dashes`);
  }
}

/**
 * Record a declaration under `key`, or report it as a duplicate of the first one. The message
 * (`resource "a" "b"`: the block type and its first `labelCount` labels) is built only then.
 */
function declare(ctx: UnitContext, map: Map<string, BlockDecl>, key: string, decl: BlockDecl, labelCount: number): void {
  const first = map.get(key);
  if (!first) {
    map.set(key, decl);
    return;
  }
  const { block, file } = decl;
  let what = block.type.name;
  for (let i = 0; i < labelCount; i++) what += ` "${block.labels[i].value}"`;
  ctx.report(file.path, headerSpan(block), 'error', 'tf-duplicate', `duplicate ${what} (first declared in ${ctx.rel(first.file.path)})`);
}

/** The block header: its type through its last label (what the user reads as the block's name). */
export function headerSpan(block: Block): { start: number; end: number } {
  const last = block.labels[block.labels.length - 1];
  return { start: block.type.start, end: last ? last.end : block.type.end };
}

const providerRefs = new WeakMap<Block, string | null>();

/**
 * The provider configuration a resource or data block names with its `provider` meta-argument
 * (`aws.west`; the legacy quoted `"aws.west"` reads the same), or undefined when it names none or
 * the text is not a reference. Kept per parse tree: every run of the unit asks again.
 */
export function providerReference(decl: BlockDecl): string | undefined {
  let ref = providerRefs.get(decl.block);
  if (ref === undefined) {
    const attr = attributesOf(decl.block).get('provider');
    const text = attr ? decl.file.text.slice(attr.expr.start, attr.expr.end).trim().replace(/^"(.*)"$/, '$1') : '';
    ref = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)?$/.test(text) ? text : null;
    providerRefs.set(decl.block, ref);
  }
  return ref ?? undefined;
}

const ignoredChangesByBlock = new WeakMap<Block, readonly string[] | 'all' | null>();

/**
 * What a managed resource's `lifecycle { ignore_changes = … }` leaves to others: `all`, or the
 * top-level arguments its entries start with (`tags["x"]` → `tags`; the legacy quoted "tags" and
 * "*" read the same). Undefined when the block ignores nothing. Kept per parse tree.
 */
export function ignoredChanges(block: Block): readonly string[] | 'all' | undefined {
  let out = ignoredChangesByBlock.get(block);
  if (out === undefined) {
    out = null;
    for (const item of block.body.items) {
      if (item.kind !== 'Block' || item.type.name !== 'lifecycle') continue;
      const expr = attributesOf(item).get('ignore_changes')?.expr;
      if (expr) out = ignoredNames(expr);
    }
    ignoredChangesByBlock.set(block, out);
  }
  return out ?? undefined;
}

function ignoredNames(expr: Expr): readonly string[] | 'all' | null {
  const single = ignoredName(expr);
  if (single === 'all' || single === '*') return 'all';
  if (expr.kind !== 'Tuple') return null;
  const names: string[] = [];
  for (const item of expr.items) {
    const name = ignoredName(item);
    if (name === '*') return 'all';
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names : null;
}

/** The first step of one `ignore_changes` entry: a traversal's root name or a quoted path's first segment. */
function ignoredName(expr: Expr): string | undefined {
  let e = expr;
  while (e.kind === 'GetAttr' || e.kind === 'Index') e = e.object;
  if (e.kind === 'Variable') return e.name;
  if (e.kind === 'Template' && e.parts.length === 1 && e.parts[0].kind === 'TemplateLiteral') return /^[^.[]+/.exec(e.parts[0].value)?.[0];
  return undefined;
}

const attributeMaps = new WeakMap<Block, Map<string, Attribute>>();

/** The attributes of a body by name (the first wins; duplicates are reported by the body evaluator). */
export function attributesOf(block: Block): Map<string, Attribute> {
  let out = attributeMaps.get(block);
  if (out) return out;
  out = new Map<string, Attribute>();
  for (const item of block.body.items) if (item.kind === 'Attribute' && !out.has(item.name.name)) out.set(item.name.name, item);
  attributeMaps.set(block, out);
  return out;
}
