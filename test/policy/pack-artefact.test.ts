// The parsed-pack artefact (dist/builtin-pack.json): a module is reused only for a file whose text
// still has the recorded digest, and a pack loaded through it is the same pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArtefactModules, evaluatePackSync, loadPack, readPackArtefact, writePackArtefact } from '../../server/src/policy';
import { builtinPackDir, readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { ruleModule } from './helpers';

const rule = (id: string, pkg: string, type: string) =>
  ruleModule({ id, pkg, resourceTypes: [type], body: `deny contains "found" if {\n\tsome r in input.resources\n\tr.type == "${type}"\n}` });

const MODEL = {
  format: 'terraform' as const,
  files: ['main.tf'],
  resources: ['aws_s3_bucket', 'aws_sqs_queue'].map((type) => ({ address: `${type}.a`, mode: 'managed' as const, type, name: 'a', file: 'main.tf', config: {}, references: [] })),
};

/** The artefact as the build writes it and the CLI reads it: through JSON text. */
function throughJson(files: { path: string; text: string }[]): ArtefactModules {
  const artefact = readPackArtefact(writePackArtefact(files));
  assert.ok(artefact, 'the artefact reads back');
  return new ArtefactModules(artefact);
}

test('an edited file is parsed afresh: its new text decides, not the artefact', () => {
  const files = [
    { path: 'a.rego', text: rule('T-001', 'p.a', 'aws_s3_bucket') },
    { path: 'b.rego', text: rule('T-002', 'p.b', 'aws_s3_bucket') },
  ];
  const parsed = throughJson(files);
  const edited = [files[0], { path: 'b.rego', text: rule('T-002', 'p.b', 'aws_sqs_queue').replace('"found"', '"queue found"') }];
  const pack = loadPack(edited, { parsed });
  assert.equal(parsed.reused, 1, 'only the unchanged file is taken from the artefact');
  const findings = evaluatePackSync(pack, MODEL, { sourceMaps: new Map() }).findings.map((f) => `${f.ruleId} ${f.message}`).sort();
  assert.deepEqual(findings, ['T-001 found', 'T-002 queue found']);
  assert.deepEqual(pack.rules.find((r) => r.id === 'T-002')?.resourceTypes, ['aws_sqs_queue']);
});

test('a file with a different rego version, or at another path, is not taken from the artefact', () => {
  const text = rule('T-001', 'p.a', 'aws_s3_bucket');
  const parsed = throughJson([{ path: 'a.rego', text }]);
  loadPack([{ path: 'moved.rego', text }, { path: 'a.rego', text, regoVersion: 'v1' }], { parsed });
  assert.equal(parsed.reused, 0);
});

test('text that is not an artefact of this format, or is cut short, is refused', () => {
  const text = writePackArtefact([{ path: 'a.rego', text: rule('T-001', 'p.a', 'aws_s3_bucket') }]);
  assert.ok(readPackArtefact(text));
  assert.equal(readPackArtefact('not json'), undefined);
  assert.equal(readPackArtefact('null\n'), undefined);
  assert.equal(readPackArtefact(text.replace('palisade-parsed-pack/', 'palisade-parsed-pack/0')), undefined);
  assert.equal(readPackArtefact(JSON.stringify({ format: 'palisade-parsed-pack/1', files: [] })), undefined, 'the previous, whole-JSON format');
  assert.equal(readPackArtefact(text.slice(0, -10)), undefined, 'a truncated artefact');
  assert.equal(readPackArtefact(text.slice(0, text.indexOf('\n') + 1)), undefined, 'a header without its bodies');
});

test('the artefact is ASCII text and a module body is decoded only when read', () => {
  const text = writePackArtefact([{ path: 'a.rego', text: rule('T-001', 'p.a', 'aws_s3_bucket').replace('"found"', '"found \u00e9\u{1F600}"') }]);
  assert.match(text, /^[\x00-\x7f]*$/);
  const artefact = readPackArtefact(text);
  assert.ok(artefact);
  const module = artefact.files[0].module;
  assert.equal(Object.getOwnPropertyDescriptor(module, 'rules')?.get !== undefined, true, 'rules not decoded yet');
  assert.equal(module.package.path.length, 3);
  assert.ok(module.rules.length > 0);
  assert.equal(Object.getOwnPropertyDescriptor(module, 'rules')?.get, undefined, 'rules decoded once, then a plain property');
  const pack = loadPack([{ path: 'a.rego', text: rule('T-001', 'p.a', 'aws_s3_bucket').replace('"found"', '"found \u00e9\u{1F600}"') }], { parsed: new ArtefactModules(artefact), check: false });
  assert.deepEqual(evaluatePackSync(pack, MODEL, { sourceMaps: new Map() }).findings.map((f) => f.message), ['found \u00e9\u{1F600}']);
});

test('rules compile lazily only for a pack the artefact vouches for, file for file', () => {
  const files = [
    { path: 'a.rego', text: rule('T-001', 'p.a', 'aws_s3_bucket') },
    { path: 'b.rego', text: rule('T-002', 'p.b', 'aws_sqs_queue') },
  ];
  const lazyOf = (pack: ReturnType<typeof loadPack>) => {
    const node = pack.policy?.root.find(['p', 'a', 'deny']);
    assert.ok(node);
    // An uncompiled node answers hasOwnRules from its deferred rules; its fields hold no compiled rule yet.
    return (node as unknown as { deferred?: unknown[] }).deferred !== undefined;
  };
  assert.equal(lazyOf(loadPack(files, { parsed: throughJson(files), check: false })), true, 'every file unchanged, checks off');
  assert.equal(lazyOf(loadPack(files, { parsed: throughJson(files) })), false, 'compile checks asked for');
  assert.equal(lazyOf(loadPack([files[0]], { parsed: throughJson(files), check: false })), false, 'a file of the artefact missing');
  assert.equal(lazyOf(loadPack([files[0], { ...files[1], text: files[1].text + '\n' }], { parsed: throughJson(files), check: false })), false, 'a file edited');
  const broken = [...files, { path: 'c.rego', text: 'package p.c\n\nx := \n' }];
  const artefact = readPackArtefact(writePackArtefact(broken));
  assert.equal(artefact?.compiles, false, 'a pack with a file that does not load is not vouched for');
  const loaded = loadPack(broken, { parsed: new ArtefactModules(artefact!), check: false });
  assert.equal(lazyOf(loaded), false);
  assert.ok(loaded.diagnostics.some((d) => d.code === 'pack-parse-error' && d.file === 'c.rego'), 'the file is reported at load, as without an artefact');
});

test('the built-in pack loaded through its artefact equals the pack parsed from source', () => {
  const dir = builtinPackDir(REPO_ROOT);
  assert.ok(dir);
  const files = readPackFiles(dir);
  const parsed = throughJson(files.filter((f) => f.path.endsWith('.rego') && !f.path.endsWith('_test.rego')));
  const viaArtefact = loadPack(files, { name: 'builtin', check: false, parsed });
  const fromSource = loadPack(files, { name: 'builtin', check: false });
  assert.ok(parsed.reused > 100, `modules reused: ${parsed.reused}`);
  assert.deepEqual(viaArtefact.rules, fromSource.rules);
  assert.deepEqual(viaArtefact.diagnostics, fromSource.diagnostics);
  assert.deepEqual(
    viaArtefact.policy?.modules.map((m) => m.module),
    fromSource.policy?.modules.map((m) => m.module),
  );
  assert.equal(readPackArtefact(writePackArtefact(files.filter((f) => f.path.endsWith('.rego') && !f.path.endsWith('_test.rego'))))?.compiles, true, 'the built-in pack compiles cleanly');
});
