// Regal-compatible configuration: provided defaults, user overrides, file ignores, project settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter, loadConfig, providedConfig, allRules, isIgnoredFile } from '../../server/src/lint';

test('every registered rule has a provided level, and every provided rule is registered', () => {
  const provided = providedConfig();
  const registered = new Set(allRules.map((r) => `${r.meta.category}/${r.meta.name}`));
  assert.deepEqual([...registered].filter((k) => !provided.rules.has(k)), []);
  assert.deepEqual([...provided.rules.keys()].filter((k) => !registered.has(k)), []);
  assert.ok(allRules.length >= 60, `only ${allRules.length} rules`);
  assert.equal(new Set(allRules.map((r) => r.meta.name)).size, allRules.length, 'rule names are unique');
});

test('defaults follow Regal: most rules error, a few ignored', () => {
  const c = providedConfig();
  assert.equal(c.rules.get('style/opa-fmt')!.level, 'error');
  assert.equal(c.rules.get('bugs/zero-arity-function')!.level, 'ignore');
  assert.equal(c.rules.get('custom/naming-convention')!.level, 'ignore');
  assert.equal(c.rules.get('style/line-length')!.options['max-line-length'], 120);
});

test('user config overrides levels and options and keeps other defaults', () => {
  const { config, errors } = loadConfig(`
rules:
  style:
    line-length:
      level: warning
      max-line-length: 80
    opa-fmt:
      level: ignore
  custom:
    naming-convention:
      level: error
      conventions:
        - pattern: '^[a-z_]+$'
          targets: [rule]
`);
  assert.deepEqual(errors, []);
  assert.equal(config.rules.get('style/line-length')!.level, 'warning');
  assert.equal(config.rules.get('style/line-length')!.options['max-line-length'], 80);
  assert.equal(config.rules.get('style/line-length')!.options['non-breakable-word-threshold'], 0, 'unset options keep defaults');
  assert.equal(config.rules.get('style/opa-fmt')!.level, 'ignore');
  assert.equal(config.rules.get('style/todo-comment')!.level, 'error');
  assert.equal(config.rules.get('custom/naming-convention')!.level, 'error');
});

test('rules.default and rules.<category>.default set levels in bulk; a rule\'s own level wins', () => {
  const { config, errors } = loadConfig('rules:\n  default:\n    level: ignore\n  style:\n    default:\n      level: warning\n    opa-fmt:\n      level: error\n');
  assert.deepEqual(errors, []);
  assert.equal(config.rules.get('bugs/duplicate-rule')!.level, 'ignore');
  assert.equal(config.rules.get('style/line-length')!.level, 'warning');
  assert.equal(config.rules.get('style/opa-fmt')!.level, 'error');
});

test('warning level and rule-level ignore.files reach the violations', () => {
  const { config } = loadConfig('rules:\n  style:\n    todo-comment:\n      level: warning\n      ignore:\n        files: ["legacy/*.rego"]\n');
  const linter = new Linter(config, allRules.filter((r) => r.meta.name === 'todo-comment'));
  const text = 'package p\n\n# TODO: tighten\nx := 1\n';
  const r = linter.lint([{ path: 'src/p.rego', text }, { path: 'src/legacy/old.rego', text }]);
  assert.deepEqual(r.violations.map((v) => [v.location.file, v.level]), [['src/p.rego', 'warning']]);
});

test('global ignore.files skips files entirely; project settings are read', () => {
  const { config, errors } = loadConfig('ignore:\n  files:\n    - "**/vendor/**"\nproject:\n  roots: [src, {path: lib}]\n  rego-version: 0\ncapabilities:\n  from:\n    engine: opa\n    version: v0.68.0\n');
  assert.deepEqual(errors, []);
  assert.deepEqual(config.roots, ['src', 'lib']);
  assert.equal(config.regoVersion, 'v0');
  const r = new Linter(config).lint([{ path: 'a/vendor/x/y.rego', text: 'package y\nfoo = 1' }]);
  assert.equal(r.summary.files_scanned, 0);
  assert.ok(isIgnoredFile('a/vendor/x/y.rego', config.ignoreFiles));
  assert.ok(!isIgnoredFile('a/vendorx/y.rego', config.ignoreFiles));
});

test('malformed config yields errors and the defaults stay in force', () => {
  for (const bad of ['rules: [1, 2', 'rules:\n  nonsense:\n    x: {}\n', 'rules:\n  style:\n    opa-fmt:\n      level: loud\n', '- a list']) {
    const { config, errors } = loadConfig(bad);
    assert.ok(errors.length > 0, `no error for ${JSON.stringify(bad)}`);
    assert.equal(config.rules.get('style/opa-fmt')!.level, 'error');
  }
});

test('an empty config is the provided one', () => {
  assert.deepEqual(loadConfig('').config, providedConfig());
  assert.deepEqual(loadConfig(undefined).errors, []);
});

// Session-13 sweep: deep YAML overflowed yaml's stack, and a few parses aborted the process.
test('a lint config nested past 100 levels is a config error, not a parse', () => {
  for (let i = 0; i < 20; i++) assert.deepEqual(loadConfig(`rules:\n${'  - '.repeat(10000)}x\n`).errors, ['invalid config: nested more than 100 levels deep']);
});
