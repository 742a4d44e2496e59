// End to end through the bundled server: a finding whose value comes from a module input is fixed
// where the input is defined. The editor checks a local module as its own unit, so the quick fix
// on the module's file changes the variable's default, in the file that declares it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, tempWorkspace, uriOf } from './harness';
import { applyTextEdits, codeActions, editsFor, type FindingDiagnostic } from './code-actions-helpers';

const MAIN = 'resource "aws_kms_key" "this" {\n  description         = "data key"\n  enable_key_rotation = var.rotate\n}\n';
const VARIABLES = 'variable "rotate" {\n  type    = bool\n  default = false\n}\n';
const CALLER = 'module "key" {\n  source = "../modules/key"\n}\n';
const WAIT_MS = 20_000;

test('a value from var.rotate: the quick fix defaults the variable, and the finding goes once that file changes', async () => {
  const ws = tempWorkspace({ 'modules/key/main.tf': MAIN, 'modules/key/variables.tf': VARIABLES, 'app/main.tf': CALLER });
  const server = await TestServer.start({ workspaceFolder: ws.root, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  try {
    const uri = uriOf(ws.path('modules/key/main.tf'));
    const varsUri = uriOf(ws.path('modules/key/variables.tf'));
    await server.open(uri, MAIN, 1);
    const rotation = (p: { diagnostics: unknown[] }) => (p.diagnostics as FindingDiagnostic[]).find((d) => d.code === 'PAL-AWS-KMS-001');
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1 && rotation(p) !== undefined, 0, WAIT_MS);
    const target = rotation(first)!;
    const actions = (await codeActions(server, uri, target.range, [target])) ?? [];
    const fix = actions.find((a) => a.title === 'Default var.rotate to true');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(editsFor(fix.edit, uri).edits, [], 'the module file itself is left alone');
    const edited = applyTextEdits(VARIABLES, editsFor(fix.edit, varsUri).edits);
    assert.equal(edited, 'variable "rotate" {\n  type    = bool\n  default = true\n}\n');

    const from = server.published.length;
    await server.open(varsUri, edited, 1);
    const after = await server.waitForDiagnostics(uri, (p) => rotation(p) === undefined, from, WAIT_MS);
    assert.equal(rotation(after), undefined, 'the finding is gone once the default changed');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
