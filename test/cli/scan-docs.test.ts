// docs/ci.md and .pre-commit-hooks.yaml hold working examples: every YAML block parses, every
// `palisade scan` command line in them is accepted by the option parser, and the pre-commit
// hook's entry script exists and is executable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseScanArgs } from '../../server/src/cli/scan-options';
import { REPO_ROOT } from '../helpers/corpora';

const doc = readFileSync(resolve(REPO_ROOT, 'docs', 'ci.md'), 'utf8');

/** `palisade.js scan …` / `palisade scan …` invocations, with shell quoting and variables flattened. */
function scanCommands(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(/palisade(?:\.js)? scan ([^\n`]*)/g)) {
    const words = m[1].replace(/"[^"]*"/g, 'REF').replace(/'[^']*'/g, 'X').split(/\s+/).filter((w) => w !== '' && w !== '\\');
    if (words[0]?.startsWith('<') || words[0]?.startsWith('[')) continue; // the synopsis
    out.push(words);
  }
  return out;
}

test('every YAML example in docs/ci.md parses and every scan command line is valid', () => {
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 5);
  for (const block of blocks) assert.doesNotThrow(() => parse(block), block.slice(0, 80));
  const commands = scanCommands(doc);
  assert.ok(commands.length >= 6, `${commands.length} commands`);
  for (const words of commands) {
    const args = words.map((w) => w.replace(/^REF$/, 'origin/main'));
    // A hook's entry gets its file names from pre-commit.
    const parsed = parseScanArgs(parseScanArgs(args).error === 'no path given' ? [...args, 'main.tf'] : args);
    assert.ok(parsed.options, `${words.join(' ')}: ${parsed.error}`);
  }
  for (const code of ['| 0 |', '| 1 |', '| 2 |']) assert.ok(doc.includes(code), `exit code table row ${code}`);
});

test('.pre-commit-hooks.yaml: a palisade-scan hook on .tf/.tfvars files with an executable entry', () => {
  const hooks = parse(readFileSync(resolve(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  const hook = hooks.find((h) => h.id === 'palisade-scan');
  assert.ok(hook);
  const [script, ...args] = hook.entry.split(' ');
  assert.equal(hook.language, 'script');
  assert.ok((statSync(resolve(REPO_ROOT, script)).mode & 0o111) !== 0, `${script} is executable`);
  assert.ok(parseScanArgs([...args, 'main.tf']).options);
  assert.deepEqual(args, ['--fail-on', 'high']);
  const files = new RegExp(hook.files);
  assert.ok(files.test('infra/main.tf') && files.test('prod.tfvars') && !files.test('README.md'));
});
