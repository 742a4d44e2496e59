// Test helpers for the lint rules: lint snippets with exactly one rule enabled, and check each
// rule of a category against a violating and a clean snippet (plus its fix, when it has one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseModule } from '../../server/src/rego';
import { applyEdits, Linter, providedConfig, allRules, type LintFile, type Violation, type Category, type LintRule } from '../../server/src/lint';

export interface Case {
  /** One module (linted as `file`) or several files. */
  bad: string | LintFile[];
  good: string | LintFile[];
  file?: string;
  options?: Record<string, unknown>;
  regoVersion?: 'v0' | 'v1';
  roots?: string[];
  /** Expected number of violations for `bad` (default: at least one). */
  count?: number;
}

function ruleNamed(name: string): LintRule {
  const rule = allRules.find((r) => r.meta.name === name);
  if (!rule) throw new Error(`no rule ${name}`);
  return rule;
}

export function lintOnly(name: string, files: string | LintFile[], opts: { file?: string; options?: Record<string, unknown>; regoVersion?: 'v0' | 'v1'; roots?: string[] } = {}): Violation[] {
  const rule = ruleNamed(name);
  const config = providedConfig();
  const key = `${rule.meta.category}/${name}`;
  const settings = config.rules.get(key)!;
  settings.level = 'error';
  Object.assign(settings.options, opts.options ?? {});
  if (opts.regoVersion) config.regoVersion = opts.regoVersion;
  if (opts.roots) config.roots = opts.roots;
  const list = typeof files === 'string' ? [{ path: opts.file ?? 'p/p.rego', text: files }] : files;
  const report = new Linter(config, [rule]).lint(list);
  assert.deepEqual(report.errors, [], `snippet does not parse: ${JSON.stringify(report.errors)}`);
  return report.violations;
}

/** One test per rule of the category: the bad snippet is flagged, the good one is not, fixes re-parse and remove the violation. */
export function testCategory(category: Category, cases: Record<string, Case | Case[]>): void {
  const rules = allRules.filter((r) => r.meta.category === category);
  test(`${category}: every rule has test cases`, () => {
    const missing = rules.map((r) => r.meta.name).filter((n) => !(n in cases));
    assert.deepEqual(missing, []);
  });
  for (const rule of rules) {
    const name = rule.meta.name;
    const list = ([] as Case[]).concat(cases[name] ?? []);
    list.forEach((c, i) => {
      test(`${category}/${name} #${i + 1}: flags the violating snippet`, () => {
        const vs = lintOnly(name, c.bad, c);
        if (c.count !== undefined) assert.equal(vs.length, c.count, JSON.stringify(vs.map((v) => v.location)));
        else assert.ok(vs.length > 0, `expected a ${name} violation`);
        for (const v of vs) {
          assert.equal(v.title, name);
          assert.equal(v.category, category);
          assert.equal(v.related_resources[0].ref, `https://www.openpolicyagent.org/projects/regal/rules/${category}/${name}`);
        }
        if (rule.meta.fixable && typeof c.bad === 'string') {
          const fixed = vs.filter((v) => v.fix);
          assert.ok(fixed.length > 0, `${name} is fixable but offered no fix`);
          const text = applyEdits(c.bad, fixed[0].fix!);
          const reparsed = parseModule(text, { regoVersion: c.regoVersion ?? 'v1' });
          assert.deepEqual(reparsed.errors.map((e) => e.message), [], `fix does not parse:\n${text}`);
          const after = lintOnly(name, text, c);
          assert.ok(after.length < vs.length, `fix did not remove the violation:\n${text}`);
        }
      });
      test(`${category}/${name} #${i + 1}: accepts the clean snippet`, () => {
        const vs = lintOnly(name, c.good, c);
        assert.deepEqual(vs.map((v) => `${v.location.row}:${v.location.col} ${v.description}`), []);
      });
    });
  }
}

/** The documentation's own examples, when they are real Rego. */
export function docsCase(name: string): Case {
  const rule = ruleNamed(name);
  return { bad: rule.meta.docs.bad, good: rule.meta.docs.good };
}
