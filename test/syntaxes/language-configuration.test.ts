import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

const read = (name: string) => JSON.parse(readFileSync(resolve(REPO_ROOT, name), 'utf8'));

test('the manifest points every language and grammar at files that exist and parse', () => {
  const manifest = read('package.json');
  for (const lang of manifest.contributes.languages) assert.ok(read(lang.configuration), lang.id);
  for (const g of manifest.contributes.grammars) assert.equal(read(g.path).scopeName, g.scopeName);
});

test('language configurations declare comments, brackets and auto-closing pairs', () => {
  const tf = read('syntaxes/terraform.language-configuration.json');
  assert.equal(tf.comments.lineComment, '#');
  assert.deepEqual(tf.comments.blockComment, ['/*', '*/']);
  const rego = read('syntaxes/rego.language-configuration.json');
  assert.equal(rego.comments.lineComment, '#');
  assert.equal(rego.comments.blockComment, undefined);
  for (const conf of [tf, rego]) {
    assert.deepEqual(conf.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
    const opens = conf.autoClosingPairs.map((p: { open: string }) => p.open);
    for (const open of ['{', '[', '(', '"']) assert.ok(opens.includes(open), open);
  }
});
