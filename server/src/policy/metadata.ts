// Package METADATA (OPA annotations, already decoded by the Rego parser) → rule metadata.
// A rule package is one whose METADATA has `custom.id`; library packages have none.
import type { Module } from '../rego';
import { isSeverity, type PolicyDiagnostic, type RuleMetadata } from './types';

export const DOCS_BASE_URL = 'https://palisade.dev/rules/';

/** `palisade.aws.s3.x` for `package palisade.aws.s3.x`. */
export function packagePathOf(module: Module): string {
  return module.package.path
    .slice(1)
    .map((t) => (t.value.type === 'string' ? t.value.value : t.value.type === 'var' ? t.value.name : '?'))
    .join('.');
}

/** True when the module declares a rule (package METADATA with `custom.id` or any `custom` block). */
export function isRuleModule(module: Module): boolean {
  const fields = packageFields(module);
  return fields !== undefined && isRecord(fields.custom);
}

/**
 * Reads a rule's metadata. Returns undefined (with diagnostics) when the metadata cannot identify
 * the rule: a missing id or an unknown severity excludes the rule rather than guessing.
 */
export function readRuleMetadata(module: Module, file: string): { rule?: RuleMetadata; diagnostics: PolicyDiagnostic[] } {
  const diagnostics: PolicyDiagnostic[] = [];
  const annotation = module.annotations.find((a) => a.target === -1 && a.scope === 'package');
  const fields = annotation?.fields ?? {};
  const at = annotation ? { file, start: annotation.loc.start, end: annotation.loc.end } : { file, start: module.package.loc.start, end: module.package.loc.end };
  const packagePath = packagePathOf(module);
  const fail = (message: string) => diagnostics.push({ code: 'pack-metadata', severity: 'error', message: `${packagePath}: ${message}; the rule is not loaded`, ...at });

  const rule = ruleFromFields(fields, packagePath, file, fail);
  return rule ? { rule, diagnostics } : { diagnostics };
}

/**
 * Rule metadata from annotation fields (METADATA of a module, or the `annotations` an OPA bundle
 * manifest carries for a wasm entrypoint); undefined, after `fail`, without an id or a severity.
 */
export function ruleFromFields(fields: Record<string, unknown>, packagePath: string, file: string, fail: (message: string) => void): RuleMetadata | undefined {
  const custom = isRecord(fields.custom) ? fields.custom : {};
  const id = typeof custom.id === 'string' ? custom.id.trim() : '';
  const problems: string[] = [];
  if (!id) problems.push('METADATA has no custom.id');
  if (!isSeverity(custom.severity)) problems.push(`custom.severity must be one of critical, high, medium, low, info (got ${JSON.stringify(custom.severity ?? null)})`);
  for (const problem of problems) fail(problem);
  if (problems.length > 0) return undefined;
  return {
    id,
    packagePath,
    file,
    title: text(fields.title) ?? id,
    description: text(fields.description) ?? '',
    severity: custom.severity as RuleMetadata['severity'],
    formats: stringList(custom.formats),
    resourceTypes: stringList(custom.resource_types),
    frameworks: listMap(custom.frameworks, false),
    references: listMap(custom.references, true),
    cwe: cweIds(custom.cwe),
    remediation: text(custom.remediation),
    fixable: custom.fixable === true,
    allowUnknown: custom.allow_unknown === true,
    follows: stringList(custom.follows),
    docsUrl: DOCS_BASE_URL + id,
    links: relatedLinks(fields.related_resources),
  };
}

function packageFields(module: Module): Record<string, unknown> | undefined {
  return module.annotations.find((a) => a.target === -1 && a.scope === 'package')?.fields;
}

function relatedLinks(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(item);
    else if (isRecord(item) && typeof item.ref === 'string') out.push(item.ref);
  }
  return out;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A YAML scalar or list → list of strings (numbers become their text, e.g. CIS "2.1"). */
function stringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

/** `custom.cwe`: `CWE-311`, `cwe-311` or `311`, one or a list → `CWE-311`; anything else dropped. */
export function cweIds(value: unknown): string[] {
  const ids = stringList(value)
    .map((v) => /^(?:cwe-?)?(\d+)$/i.exec(v.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `CWE-${Number(m[1])}`);
  return [...new Set(ids)];
}

/** `{tool: id | [ids]}` → `{tool: [ids]}`. */
function listMap(value: unknown, lowerKeys: boolean): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [key, v] of Object.entries(value)) out[lowerKeys ? key.toLowerCase() : key] = stringList(v);
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
