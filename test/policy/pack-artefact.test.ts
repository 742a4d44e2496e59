// The parsed-pack artefact (dist/builtin-pack.json): a module is reused only for a file whose text
// still has the recorded digest, and a pack loaded through it is the same pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArtefactModules, buildPackArtefact, evaluatePackSync, loadPack, readPackArtefact, PACK_ARTEFACT_FORMAT } from '../../server/src/policy';
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
  const artefact = readPackArtefact(JSON.stringify(buildPackArtefact(files)));
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

test('text that is not an artefact of this format is refused', () => {
  assert.equal(readPackArtefact('not json'), undefined);
  assert.equal(readPackArtefact(JSON.stringify({ format: 'palisade-parsed-pack/0', files: [] })), undefined);
  assert.equal(readPackArtefact('null'), undefined);
  assert.ok(readPackArtefact(JSON.stringify({ format: PACK_ARTEFACT_FORMAT, files: [] })));
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
});
