// Regal-compatible configuration: the provided defaults merged with a user's `.regal/config.yaml`
// (or `.regal.yaml`) given as text. Per rule: `level` (error|warning|ignore), options, and
// `ignore.files` globs; globally `ignore.files`, `project.roots`, `project.rego-version`;
// `rules.default.level` and `rules.<category>.default.level` set levels in bulk. `capabilities` and
// other sections are accepted and ignored.
import { parse as parseYAML } from 'yaml';
import { yamlTooDeep } from '../../rego';
import type { RegoVersion } from '../../rego';
import { CATEGORIES, type Category, type ConfiguredLevel, type RuleOptions } from '../types';
import { PROVIDED_RULES } from './provided';
import { globMatches } from './glob';

export interface RuleConfig {
  level: ConfiguredLevel;
  options: RuleOptions;
  ignoreFiles: string[];
}

export interface LintConfig {
  /** `category/rule` → settings. */
  rules: Map<string, RuleConfig>;
  ignoreFiles: string[];
  roots: string[];
  regoVersion?: RegoVersion;
}

export interface ConfigResult {
  config: LintConfig;
  errors: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const LEVELS = new Set(['error', 'warning', 'ignore']);

let provided: LintConfig | undefined;

/** The defaults alone (no user file). */
export function providedConfig(): LintConfig {
  if (!provided) {
    provided = { rules: new Map(), ignoreFiles: [], roots: [] };
    applyRules(provided, PROVIDED_RULES, []);
  }
  return cloneConfig(provided);
}

function cloneConfig(c: LintConfig): LintConfig {
  const rules = new Map<string, RuleConfig>();
  for (const [k, r] of c.rules) rules.set(k, { level: r.level, options: { ...r.options }, ignoreFiles: [...r.ignoreFiles] });
  return { rules, ignoreFiles: [...c.ignoreFiles], roots: [...c.roots], regoVersion: c.regoVersion };
}

/** Parses user config text and merges it over the provided defaults. Bad parts become errors. */
export function loadConfig(text: string | undefined): ConfigResult {
  const config = providedConfig();
  const errors: string[] = [];
  if (text === undefined || text.trim() === '') return { config, errors };
  // Past ~1,000 levels yaml overflows its stack, which can abort the process (rego's yamlTooDeep).
  if (yamlTooDeep(text, 100) !== undefined) return { config, errors: ['invalid config: nested more than 100 levels deep'] };
  let doc: unknown;
  try {
    doc = parseYAML(text);
  } catch (e) {
    return { config, errors: [`invalid config: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (doc === null || doc === undefined) return { config, errors };
  if (!isObj(doc)) return { config, errors: ['invalid config: expected a mapping at the top level'] };
  if (doc.rules !== undefined) {
    if (isObj(doc.rules)) applyRules(config, doc.rules, errors);
    else errors.push('invalid config: rules must be a mapping');
  }
  const ignore = doc.ignore;
  if (isObj(ignore) && Array.isArray(ignore.files)) config.ignoreFiles.push(...ignore.files.map(String));
  const project = doc.project;
  if (isObj(project)) {
    if (Array.isArray(project.roots)) {
      for (const r of project.roots) {
        if (typeof r === 'string') config.roots.push(r);
        else if (isObj(r) && typeof r.path === 'string') config.roots.push(r.path);
      }
    }
    const v = project['rego-version'];
    if (v === 0 || v === '0' || v === 'v0') config.regoVersion = 'v0';
    else if (v === 1 || v === '1' || v === 'v1') config.regoVersion = 'v1';
    else if (v !== undefined) errors.push(`invalid config: project.rego-version must be 0 or 1, got ${String(v)}`);
  }
  return { config, errors };
}

function applyLevel(target: RuleConfig, value: unknown, where: string, errors: string[]): void {
  if (typeof value === 'string' && LEVELS.has(value)) target.level = value as ConfiguredLevel;
  else errors.push(`invalid config: ${where}.level must be error, warning or ignore`);
}

function applyRules(config: LintConfig, rules: Obj, errors: string[]): void {
  // Bulk levels first, so a rule's own level wins over its category's, which wins over the global default.
  if (isObj(rules.default) && rules.default.level !== undefined) {
    const level = rules.default.level;
    if (typeof level === 'string' && LEVELS.has(level)) for (const r of config.rules.values()) r.level = level as ConfiguredLevel;
    else errors.push('invalid config: rules.default.level must be error, warning or ignore');
  }
  for (const [category, entries] of Object.entries(rules)) {
    if (category === 'default') continue;
    if (!CATEGORIES.includes(category as Category)) {
      errors.push(`invalid config: unknown rule category '${category}'`);
      continue;
    }
    if (!isObj(entries)) continue;
    if (isObj(entries.default) && entries.default.level !== undefined) {
      const level = entries.default.level;
      if (typeof level === 'string' && LEVELS.has(level)) {
        for (const [key, r] of config.rules) if (key.startsWith(`${category}/`)) r.level = level as ConfiguredLevel;
      } else errors.push(`invalid config: rules.${category}.default.level must be error, warning or ignore`);
    }
    for (const [name, settings] of Object.entries(entries)) {
      if (name === 'default') continue;
      const key = `${category}/${name}`;
      let rule = config.rules.get(key);
      if (!rule) {
        rule = { level: 'error', options: {}, ignoreFiles: [] };
        config.rules.set(key, rule);
      }
      if (!isObj(settings)) continue;
      for (const [opt, value] of Object.entries(settings)) {
        if (opt === 'level') applyLevel(rule, value, `rules.${category}.${name}`, errors);
        else if (opt === 'ignore') {
          if (isObj(value) && Array.isArray(value.files)) rule.ignoreFiles.push(...value.files.map(String));
        } else rule.options[opt] = value;
      }
    }
  }
}

/** True when `file` matches one of the globs (global or the rule's). */
export function isIgnoredFile(file: string, globs: string[]): boolean {
  return globs.some((g) => globMatches(g, file));
}

export { globMatches };
