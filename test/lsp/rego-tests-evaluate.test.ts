// End-to-end over stdio: "Evaluate" code lenses on Rego rule heads and `palisade/rego/evaluate`
// with a JSON/YAML input file or an open Terraform file's module model; the command line it
// returns is run with the real CLI and must print the same value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestServer, tempWorkspace, uriOf } from './harness';
import { REPO_ROOT } from '../helpers/corpora';
import type { EvaluateRuleArgs, RegoEvaluateParams, RegoEvaluateResult } from '../../server/src/shared/messages';

const POLICY = `package team.tags

import rego.v1

required := {"Owner", "CostCenter"}

deny contains msg if {
	some resource in input.resources
	some tag in required
	not resource.config.tags[tag]
	msg := sprintf("%s has no %s tag", [resource.address, tag])
}

label(x) := sprintf("<%s>", [x])
`;

const PLAIN = `package plain

import rego.v1

allow if input.user == "admin"

test_allow if allow with input.user as "admin"
`;

const MAIN_TF = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  tags = {
    Owner = "team"
  }
}
`;

interface CodeLens {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: EvaluateRuleArgs[] };
}

async function withServer(
  files: Record<string, string>,
  run: (server: TestServer, ws: ReturnType<typeof tempWorkspace>) => Promise<void>,
  settings?: { terraform: { varFiles: string[] } },
): Promise<void> {
  const ws = tempWorkspace(files);
  const server = await TestServer.start({ workspaceFolder: ws.root, settings });
  try {
    await run(server, ws);
  } finally {
    await server.stop();
    ws.cleanup();
  }
}

const lenses = (server: TestServer, uri: string) => server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
const evaluate = (server: TestServer, params: RegoEvaluateParams) => server.connection.sendRequest<RegoEvaluateResult>('palisade/rego/evaluate', params);

/** Runs the returned command line with the real CLI (bin/palisade.js) from the returned directory. */
function reproduce(result: RegoEvaluateResult, inputFile?: string): string {
  const argv = result.commandLine.map((a) => (a === '<input.json>' && inputFile ? inputFile : a));
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'palisade.js'), ...argv], { cwd: result.cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `palisade ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

test('an Evaluate lens on every rule head except functions and tests; IaC packages also get "Evaluate on <file>.tf"', async () => {
  await withServer({ 'pol/tags.rego': POLICY, 'pol/plain.rego': PLAIN, 'tf/main.tf': MAIN_TF }, async (server, ws) => {
    const tagsUri = uriOf(ws.path('pol/tags.rego'));
    const before = await lenses(server, tagsUri);
    assert.deepEqual(
      before.map((l) => [l.command?.title, l.range.start.line, l.command?.arguments?.[0].rule]),
      [
        ['Evaluate', 4, 'data.team.tags.required'],
        ['Evaluate', 6, 'data.team.tags.deny'],
      ],
      'no lens on the function `label`; no Terraform file is open yet',
    );
    assert.equal(before[0].command?.command, 'palisade.rego.evaluate');
    assert.deepEqual(before[1].range, { start: { line: 6, character: 0 }, end: { line: 6, character: 4 } });

    const tfUri = uriOf(ws.path('tf/main.tf'));
    await server.open(tfUri, MAIN_TF, 1, 'terraform');
    const after = await lenses(server, tagsUri);
    const onTf = after.filter((l) => l.command?.command === 'palisade.rego.evaluateOnTerraform');
    assert.deepEqual(onTf.map((l) => [l.command?.title, l.command?.arguments?.[0].rule, l.command?.arguments?.[0].terraformUri]), [
      ['Evaluate on main.tf', 'data.team.tags.required', tfUri],
      ['Evaluate on main.tf', 'data.team.tags.deny', tfUri],
    ]);
    // A package that does not read Palisade's input gets plain Evaluate lenses only; tests get none.
    const plain = await lenses(server, uriOf(ws.path('pol/plain.rego')));
    assert.deepEqual(plain.map((l) => [l.command?.title, l.command?.arguments?.[0].rule]), [['Evaluate', 'data.plain.allow']]);
  });
});

test('evaluates a rule with a JSON or YAML input file; the printed command line reproduces the value', async () => {
  const input = { resources: [{ address: 'aws_s3_bucket.a', config: { tags: { Owner: 'x' } } }] };
  await withServer({ 'pol/tags.rego': POLICY, 'inputs/one.json': JSON.stringify(input), 'inputs/two.yaml': 'user: admin\n', 'pol/plain.rego': PLAIN }, async (server, ws) => {
    const result = await evaluate(server, { uri: uriOf(ws.path('pol/tags.rego')), rule: 'data.team.tags.deny', inputUri: uriOf(ws.path('inputs/one.json')) });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(JSON.parse(result.value ?? 'null'), ['aws_s3_bucket.a has no CostCenter tag']);
    assert.equal(result.summary, '["aws_s3_bucket.a has no CostCenter tag"]');
    assert.equal(result.cwd, ws.root);
    // The folder's JSON/YAML files are its data documents too (as `palisade test <folder>` loads them), placed by directory.
    assert.deepEqual(result.commandLine, ['rego', 'eval', '-d', 'pol/tags.rego', '-d', 'inputs:inputs/one.json', '-d', 'inputs:inputs/two.yaml', '-i', 'inputs/one.json', '--format', 'pretty', 'data.team.tags.deny']);
    assert.deepEqual(JSON.parse(reproduce(result)), JSON.parse(result.value!));

    const yaml = await evaluate(server, { uri: uriOf(ws.path('pol/plain.rego')), rule: 'data.plain.allow', inputUri: uriOf(ws.path('inputs/two.yaml')) });
    assert.equal(yaml.value, 'true');
    assert.equal(reproduce(yaml), 'true');
    const undef = await evaluate(server, { uri: uriOf(ws.path('pol/plain.rego')), rule: 'data.plain.allow' });
    assert.equal(undef.value, undefined);
    assert.equal(undef.summary, 'undefined');
  });
});

test('evaluates an IaC rule on an open Terraform file (unsaved edits included) with its module model as input', async () => {
  await withServer({ 'pol/tags.rego': POLICY, 'tf/main.tf': MAIN_TF }, async (server, ws) => {
    const tfUri = uriOf(ws.path('tf/main.tf'));
    await server.open(tfUri, MAIN_TF.replace('Owner = "team"', 'Owner = "team"\n    CostCenter = "42"'), 1, 'terraform');
    await server.open(uriOf(ws.path('pol/tags.rego')), POLICY, 1, 'rego');
    const result = await evaluate(server, { uri: uriOf(ws.path('pol/tags.rego')), rule: 'data.team.tags.deny', terraformUri: tfUri });
    assert.deepEqual(result.errors, []);
    assert.equal(result.value, '[]', 'the buffer (with CostCenter) is the input, not the file on disk');
    assert.ok(result.input, 'the model is returned for the command line');
    assert.equal(JSON.parse(result.input!).resources[0].address, 'aws_s3_bucket.logs');
    assert.ok(result.commandLine.includes('<input.json>'));
    const modelFile = ws.path('model.json');
    writeFileSync(modelFile, result.input!);
    assert.equal(reproduce(result, modelFile), '[]');

    // Without the edit, the file on disk lacks CostCenter.
    await server.close(tfUri);
    const disk = await evaluate(server, { uri: uriOf(ws.path('pol/tags.rego')), rule: 'data.team.tags.deny', terraformUri: tfUri });
    assert.deepEqual(JSON.parse(disk.value ?? 'null'), ['aws_s3_bucket.logs has no CostCenter tag']);
  });
});

test('Evaluate on a Terraform file applies the variable files the folder is set to (palisade.terraform.varFiles)', async () => {
  const tf = `variable "tags" {
  default = { Owner = "team" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  tags   = var.tags
}
`;
  const files = { 'pol/tags.rego': POLICY, 'tf/main.tf': tf, 'tf/prod.tfvars': 'tags = { Owner = "team", CostCenter = "42" }\n' };
  const run = async (server: TestServer, ws: ReturnType<typeof tempWorkspace>) => {
    const tfUri = uriOf(ws.path('tf/main.tf'));
    await server.open(tfUri, tf, 1, 'terraform');
    const result = await evaluate(server, { uri: uriOf(ws.path('pol/tags.rego')), rule: 'data.team.tags.deny', terraformUri: tfUri });
    assert.deepEqual(result.errors, []);
    return JSON.parse(result.value ?? 'null') as string[];
  };
  await withServer(files, async (server, ws) => {
    assert.deepEqual(await run(server, ws), ['aws_s3_bucket.logs has no CostCenter tag'], 'the default of var.tags');
  });
  await withServer(files, async (server, ws) => {
    assert.deepEqual(await run(server, ws), [], 'prod.tfvars sets CostCenter');
  }, { terraform: { varFiles: ['tf/prod.tfvars'] } });
});

test('a bad input file, a policy that does not compile and a looping rule come back as errors', async () => {
  const loop = `package loop

import rego.v1

spin if {
	some i in numbers.range(1, 20000)
	some j in numbers.range(1, 20000)
	i + j < 0
}
`;
  await withServer({ 'pol/tags.rego': POLICY, 'bad.json': '{"a": ', 'loop.rego': loop, 'broken.rego': 'package broken\n\np if { x == 1 }\n' }, async (server, ws) => {
    const badInput = await evaluate(server, { uri: uriOf(ws.path('pol/tags.rego')), rule: 'data.team.tags.deny', inputUri: uriOf(ws.path('bad.json')) });
    assert.equal(badInput.errors.length, 1);
    assert.match(badInput.summary, /^error: bad\.json: /);
    // bad.json is also a data document of the folder (loaded as `palisade test <folder>` loads it): it stops evaluation there, named.
    const blocked = await evaluate(server, { uri: uriOf(ws.path('loop.rego')), rule: 'data.loop.spin' });
    assert.match(blocked.errors[0] ?? '', /^bad\.json: /);
    ws.write('bad.json', '{}');
    const broken = await evaluate(server, { uri: uriOf(ws.path('broken.rego')), rule: 'data.broken.p' });
    assert.match(broken.errors[0] ?? '', /broken\.rego:3: rego_unsafe_var_error/);
    const t0 = Date.now();
    const spun = await evaluate(server, { uri: uriOf(ws.path('loop.rego')), rule: 'data.loop.spin' });
    assert.match(spun.errors[0] ?? '', /eval_cancel_error/);
    assert.ok(Date.now() - t0 < 30_000, 'the budget stops the evaluation');
  });
});
