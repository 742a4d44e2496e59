// Rule-level reuse of lint findings while one file is edited. A local rule (FileRule.local)
// reports only inside the Rego rule it looks at, and its findings there depend only on that rule's
// text and on the file's "skeleton" (Rego version, package, imports, every rule's signature). So
// when a keystroke leaves the skeleton unchanged, the findings of every Rego rule whose text is
// unchanged are the previous ones, moved with the rule; only the edited rule is checked again.
import { singleEdit, type Module, type Rule, type Term } from '../rego';
import { refText, walkRuleTerms } from './ast-utils';
import type { FileContext, FileRule, Finding } from './types';

/** A Rego rule's whole lines: findings and fixes of local rules stay inside them. */
interface RuleUnit {
  start: number;
  end: number;
  text: string;
}

/** What one unit's local rules found, offsets relative to the unit's start. */
type UnitFindings = { rule: FileRule; finding: Finding }[];

export interface LocalCache {
  skeleton: string;
  /** Unit text → its findings (identical texts give identical findings). */
  units: Map<string, UnitFindings>;
}

/** Runs a rule over a context; undefined when it failed (the caller records the failure). */
export type RunRule = (rule: FileRule, ctx: FileContext) => Finding[] | undefined;

/**
 * The findings of the local rules over `ctx.module`, reusing `previous` for unchanged rules, and
 * the cache to pass next time (undefined when this file cannot be split into rule units).
 */
export function localFindings(ctx: FileContext, rules: FileRule[], run: RunRule, previous: LocalCache | undefined): { findings: { rule: FileRule; finding: Finding }[]; cache?: LocalCache } {
  const units = ruleUnits(ctx);
  if (!units) return { findings: runAll(ctx, rules, run) };
  const skeleton = skeletonOf(ctx);
  const reuse = previous && previous.skeleton === skeleton ? previous.units : undefined;
  const changed: number[] = [];
  for (let i = 0; i < units.length; i++) if (!reuse?.has(units[i].text)) changed.push(i);

  const found = new Map<number, UnitFindings>(changed.map((i) => [i, []]));
  if (changed.length > 0) {
    const subset = { ...ctx, rules: changed.map((i) => ctx.module.rules[i]) };
    for (const rule of rules) {
      const findings = run(rule, subset);
      if (!findings) return { findings: runAll(ctx, rules, run) };
      for (const finding of findings) {
        const at = unitAt(units, changed, finding.loc.start);
        // A finding outside the rules checked: the rule is not local after all; do not cache.
        if (at === undefined) return { findings: runAll(ctx, rules, run) };
        found.get(at)!.push({ rule, finding: moved(finding, -units[at].start) });
      }
    }
  }

  const cache: LocalCache = { skeleton, units: new Map() };
  const out: { rule: FileRule; finding: Finding }[] = [];
  units.forEach((unit, i) => {
    let list = cache.units.get(unit.text);
    if (!list) cache.units.set(unit.text, (list = found.get(i) ?? reuse!.get(unit.text)!));
    for (const { rule, finding } of list) out.push({ rule, finding: moved(finding, unit.start) });
  });
  return { findings: out, cache };
}

function runAll(ctx: FileContext, rules: FileRule[], run: RunRule): { rule: FileRule; finding: Finding }[] {
  const out: { rule: FileRule; finding: Finding }[] = [];
  for (const rule of rules) for (const finding of run(rule, ctx) ?? []) out.push({ rule, finding });
  return out;
}

/**
 * Each module's rule units, computed once: a keystroke asks for the new module's units twice (local
 * rules, opa-fmt's rule edit) and for the previous module's, computed on the keystroke before.
 */
const unitsOfModule = new WeakMap<Module, { text: string; units: RuleUnit[] | undefined }>();

/** Each rule's whole lines, in rule order; undefined when two rules share a line. */
function ruleUnits(ctx: Pick<FileContext, 'text' | 'module'>): RuleUnit[] | undefined {
  const known = unitsOfModule.get(ctx.module);
  if (known && known.text === ctx.text) return known.units;
  const units = splitIntoUnits(ctx);
  unitsOfModule.set(ctx.module, { text: ctx.text, units });
  return units;
}

function splitIntoUnits(ctx: Pick<FileContext, 'text' | 'module'>): RuleUnit[] | undefined {
  const text = ctx.text;
  const units: RuleUnit[] = [];
  for (const rule of ctx.module.rules) {
    const start = text.lastIndexOf('\n', rule.loc.start - 1) + 1;
    const nl = text.indexOf('\n', Math.max(rule.loc.start, rule.loc.end - 1));
    const end = nl < 0 ? text.length : nl + 1;
    if (units.length > 0 && start < units[units.length - 1].end) return undefined;
    units.push({ start, end, text: text.slice(start, end) });
  }
  return units;
}

/** The changed unit holding `offset` (binary search: units are in source order). */
function unitAt(units: RuleUnit[], changed: number[], offset: number): number | undefined {
  let lo = 0;
  let hi = changed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[changed[mid]];
    if (offset < u.start) hi = mid - 1;
    else if (offset >= u.end) lo = mid + 1;
    else return changed[mid];
  }
  return undefined;
}

/** What local rules may read beyond the rule they check. */
function skeletonOf(ctx: FileContext): string {
  const m = ctx.module;
  const parts: string[] = [ctx.regoVersion, ctx.text.slice(m.package.loc.start, m.package.loc.end)];
  for (const i of m.imports) parts.push(ctx.text.slice(i.loc.start, i.loc.end));
  for (const r of m.rules) parts.push(signature(r));
  return parts.join('\n');
}

/** A rule's name and kind: what the local rules learn about the other rules of the module. */
function signature(r: Rule): string {
  const h = r.head;
  return `${refText(h.ref)}(${h.args ? h.args.length : '-'})${h.key ? 'k' : ''}${h.value ? 'v' : ''}${r.default ? 'd' : ''}`;
}

function moved(f: Finding, delta: number): Finding {
  const out: Finding = { ...f, loc: { start: f.loc.start + delta, end: f.loc.end + delta } };
  if (f.fix) out.fix = f.fix.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta }));
  return out;
}

// Whole-file rules across an edit inside a string literal (FileRule.stringContentBlind): typing a
// message changes no finding of, e.g., opa-fmt (the formatter prints a plain string literal as
// written), so the previous findings stand, moved with the text after the edit.

/** What the next lint of an edited file may reuse for the string-blind and rule-edit rules. */
export interface StringEditMemo {
  text: string;
  module: Module;
  /** The findings of each string-blind or cleanAfterRuleEdit rule on `text`. */
  findings: Map<FileRule, Finding[]>;
}

/**
 * The previous findings of the string-blind rules (those without fixes), moved to `ctx.text`,
 * when the only difference between the texts lies inside one plain string literal; undefined
 * when the rules must run again.
 */
export function findingsAfterStringEdit(previous: StringEditMemo | undefined, ctx: FileContext): Map<FileRule, Finding[]> | undefined {
  if (!previous || previous.text === ctx.text) return undefined;
  const edit = singleEdit(previous.text, ctx.text);
  const { start, oldEnd, delta } = edit;
  const before = plainStringAround(previous.module, start, oldEnd);
  const after = plainStringAround(ctx.module, start, oldEnd + delta);
  if (!before || !after || before.loc.start !== after.loc.start || before.loc.end + delta !== after.loc.end) return undefined;
  const move = (o: number): number => (o >= oldEnd ? o + delta : o);
  const out = new Map<FileRule, Finding[]>();
  for (const [rule, findings] of previous.findings) {
    if (!rule.stringContentBlind || findings.some((f) => f.fix)) continue;
    out.set(rule, findings.map((f) => ({ ...f, loc: { start: move(f.loc.start), end: Math.max(move(f.loc.start), move(f.loc.end)) } })));
  }
  return out;
}

/**
 * The plain string literal whose inside (between the quotes) holds [start, end): not a raw string
 * (it may span lines), not a ref segment, object key or rule head segment (their content is read
 * as a name).
 */
export function plainStringAround(module: Module, start: number, end: number): Term | undefined {
  const excluded = new Set<Term>();
  const strings: Term[] = [];
  for (const rule of module.rules) {
    if (rule.loc.end < start || rule.loc.start > end) continue;
    for (let r: typeof rule | undefined = rule; r; r = r.else) r.head.ref.forEach((t) => excluded.add(t));
    walkRuleTerms(rule, (t) => {
      const v = t.value;
      if (v.type === 'ref') v.terms.slice(1).forEach((x) => excluded.add(x));
      else if (v.type === 'object') v.items.forEach(([k]) => excluded.add(k));
      else if (v.type === 'string' && !v.raw) strings.push(t);
    });
  }
  return strings.find((t) => !excluded.has(t) && t.loc.start < start && end < t.loc.end);
}

// Whole-file rules across an edit inside one Rego rule's lines (FileRule.cleanAfterRuleEdit):
// opa-fmt formats the whole file, 9 of a code keystroke's ~17 ms of lint on 1,000 lines, although
// a file that was formatted stays formatted exactly when the edited rule is.

/**
 * For each rule with `cleanAfterRuleEdit` that found nothing in `previous`: no findings, when the
 * only difference between the texts lies inside one Rego rule's lines, every rule keeps its place
 * and the rule's hook says the edited rule is clean. Rules not in the map must run.
 */
export function findingsAfterRuleEdit(previous: StringEditMemo | undefined, ctx: FileContext): Map<FileRule, Finding[]> | undefined {
  if (!previous || previous.text === ctx.text) return undefined;
  const candidates = [...previous.findings].filter(([rule, findings]) => rule.cleanAfterRuleEdit && findings.length === 0).map(([rule]) => rule);
  if (candidates.length === 0) return undefined;
  const edited = editedRuleUnit(previous, ctx);
  if (!edited) return undefined;
  const out = new Map<FileRule, Finding[]>();
  for (const rule of candidates) if (rule.cleanAfterRuleEdit!(ctx, edited.unit, edited.firstRuleStart)) out.set(rule, []);
  return out;
}

/**
 * The edited rule's whole lines in the new text, when the edit lies inside them (not on the line
 * break ending them), the texts have the same number of rules, and the edited rule starts where it
 * did and ends where it did moved by the edit (so no rule swallowed or lost lines).
 */
function editedRuleUnit(previous: StringEditMemo, ctx: FileContext): { unit: RuleUnit; firstRuleStart: number } | undefined {
  if (previous.module.rules.length !== ctx.module.rules.length || ctx.module.rules.length === 0) return undefined;
  const before = ruleUnits({ text: previous.text, module: previous.module });
  const after = ruleUnits(ctx);
  if (!before || !after) return undefined;
  const { start, oldEnd, delta } = singleEdit(previous.text, ctx.text);
  const i = before.findIndex((u) => u.start <= start && oldEnd < u.end);
  if (i < 0) return undefined;
  if (after[i].start !== before[i].start || after[i].end !== before[i].end + delta) return undefined;
  return { unit: after[i], firstRuleStart: after[0].start };
}
