// The engine: inline ignore directives, aggregate rules across files, the per-file cache, the
// Regal JSON shape and parse failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter, loadConfig, renderJSON, renderPretty, allRules, lintFiles } from '../../server/src/lint';

const only = (...names: string[]) => allRules.filter((r) => names.includes(r.meta.name));

test('`# regal ignore:` on the line before or at the end of the line silences the named rules', () => {
  const text = [
    'package p',
    '',
    '# regal ignore:todo-comment',
    '# TODO: one',
    '# TODO: two # regal ignore:todo-comment',
    '# regal ignore:prefer-snake-case,todo-comment',
    '# with another comment in between',
    'camelCase := 1 # TODO three',
    '# TODO: four',
    '# regal ignore:line-length',
    '# TODO: five',
    '',
  ].join('\n');
  const r = new Linter(undefined, only('todo-comment', 'prefer-snake-case')).lint([{ path: 'p/p.rego', text }]);
  assert.deepEqual(r.violations.map((v) => `${v.title}@${v.location.row}`), ['todo-comment@9', 'todo-comment@11']);
});

test('aggregate rules see every file; ignore directives apply to their findings too', () => {
  const files = [
    { path: 'a/a.rego', text: 'package a\n\nimport data.b\nimport data.missing.one\n\nx := b.y\n' },
    { path: 'b/b.rego', text: 'package b\n\nimport data.a # regal ignore:circular-import\n\ny := a.x\n' },
  ];
  const r = new Linter(undefined, only('circular-import', 'unresolved-import')).lint(files);
  assert.deepEqual(r.violations.map((v) => `${v.title} ${v.location.file}:${v.location.row}`), ['circular-import a/a.rego:3', 'unresolved-import a/a.rego:4']);
});

test('re-linting after one file changes recomputes only that file and refreshes aggregates', () => {
  const linter = new Linter(undefined, only('unresolved-import', 'todo-comment'));
  const files = [
    { path: 'a/a.rego', text: 'package a\n\nimport data.b.y\n\nx := 1\n' },
    { path: 'b/b.rego', text: 'package b\n\ny := 1\n' },
    { path: 'c/c.rego', text: 'package c\n\n# TODO: later\nz := 1\n' },
  ];
  const first = linter.lint(files);
  assert.deepEqual(linter.lastStats.analysed.sort(), ['a/a.rego', 'b/b.rego', 'c/c.rego']);
  assert.deepEqual(first.violations.map((v) => v.title), ['todo-comment']);

  const again = linter.lint(files);
  assert.deepEqual(linter.lastStats.analysed, []);
  assert.deepEqual(again.violations, first.violations);

  // Renaming rule y in b breaks a's import: only b is re-analysed, yet a's aggregate finding appears.
  const changed = [files[0], { path: 'b/b.rego', text: 'package b\n\nw := 1\n' }, files[2]];
  const third = linter.lint(changed);
  assert.deepEqual(linter.lastStats.analysed, ['b/b.rego']);
  assert.deepEqual(linter.lastStats.reused.sort(), ['a/a.rego', 'c/c.rego']);
  assert.deepEqual(third.violations.map((v) => `${v.title} ${v.location.file}`), ['unresolved-import a/a.rego', 'todo-comment c/c.rego']);
});

test('JSON output has the shape of `regal lint --format json`', () => {
  const r = lintFiles([{ path: 'p/p.rego', text: 'package p\n\nallow = true\n' }], loadConfig('rules:\n  idiomatic:\n    no-defined-entrypoint:\n      level: ignore\n  style:\n    opa-fmt:\n      level: ignore\n').config);
  const json = JSON.parse(renderJSON(r));
  assert.deepEqual(Object.keys(json).sort(), ['summary', 'violations']);
  assert.deepEqual(json.summary, { files_scanned: 1, files_failed: 0, rules_skipped: r.summary.rules_skipped, num_violations: 1 });
  assert.ok(r.summary.rules_skipped > 0);
  assert.deepEqual(json.violations[0], {
    title: 'use-assignment-operator',
    description: 'Prefer := over = for assignment',
    category: 'style',
    level: 'error',
    location: { file: 'p/p.rego', row: 3, col: 7, end: { row: 3, col: 8 }, text: 'allow = true' },
    related_resources: [{ description: 'documentation', ref: 'https://www.openpolicyagent.org/projects/regal/rules/style/use-assignment-operator' }],
  });
  // The API keeps the quick fix; the JSON output leaves it out, as Regal's does.
  assert.deepEqual(r.violations[0].fix, [{ start: 17, end: 18, newText: ':=' }]);
  assert.match(renderPretty(r), /Rule: +\tuse-assignment-operator[\s\S]*Location: +\tp\/p\.rego:3:7[\s\S]*1 file linted\. 1 violation found\.\n$/);
});

test('a file that does not parse is counted as failed, not linted, and the others still are', () => {
  const r = new Linter(undefined, only('todo-comment')).lint([
    { path: 'bad.rego', text: 'package p\n\nallow if {\n' },
    { path: 'ok.rego', text: 'package q\n\n# TODO\nx := 1\n' },
  ]);
  assert.equal(r.summary.files_failed, 1);
  assert.equal(r.summary.files_scanned, 2);
  assert.equal(r.errors[0].file, 'bad.rego');
  assert.deepEqual(r.violations.map((v) => v.location.file), ['ok.rego']);
});

test('v0 modules are detected and linted with v0 syntax', () => {
  const r = new Linter(undefined, only('use-rego-v1', 'use-assignment-operator')).lint([{ path: 'p.rego', text: 'package p\n\nallow = true {\n\tinput.x\n}\n' }]);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.violations.map((v) => v.title).sort(), ['use-assignment-operator', 'use-rego-v1']);
});
