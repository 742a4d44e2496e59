// Through the bundled server: an open `.tf.json` document (language `json`, as VS Code opens it)
// is analysed with its module, the finding sits on the JSON attribute, the code actions offered
// are JSON edits that keep the file Terraform JSON (the suppression is a `"//"` property, never a
// `#` comment), and an edit that breaks the JSON is a syntax diagnostic where it broke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerraform } from '../../server/src/iac/terraform';
import { TestServer, tempWorkspace, uriOf } from './harness';
import { applyTextEdits, codeActions, editsFor, sendEdits, type FindingDiagnostic } from './code-actions-helpers';

const STACK = [
  '{',
  '  "resource": {',
  '    "aws_instance": {',
  '      "web": {',
  '        "ami": "ami-0123456789abcdef0",',
  '        "instance_type": "t3.micro",',
  '        "monitoring": false',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');
const MONITORING_LINE = 6;
const WAIT_MS = 20_000;

/** Opens app/main.tf.json (STACK) in a server over `files`, waits for its EC2-005 finding, runs `body`. */
async function withOpenStack(files: Record<string, string>, body: (ctx: { server: TestServer; uri: string; published: { diagnostics: FindingDiagnostic[] }; finding: FindingDiagnostic }) => Promise<void>): Promise<void> {
  const ws = tempWorkspace(files);
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('app/main.tf.json'));
    await server.open(uri, STACK, 1, 'json');
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'PAL-AWS-EC2-005'), 0, WAIT_MS);
    const finding = published.diagnostics.find((d) => d.code === 'PAL-AWS-EC2-005') as FindingDiagnostic;
    await body({ server, uri, published: published as { diagnostics: FindingDiagnostic[] }, finding });
  } finally {
    await server.stop();
    ws.cleanup();
  }
}

test('an open .tf.json: the finding is on the JSON attribute and its quick fixes keep it Terraform JSON', async () => {
  await withOpenStack({ 'app/main.tf.json': STACK, 'app/other.tf': 'locals {\n  x = 1\n}\n' }, async ({ server, uri, finding }) => {
    assert.deepEqual(finding.range, { start: { line: MONITORING_LINE, character: 22 }, end: { line: MONITORING_LINE, character: 27 } });

    const actions = (await codeActions(server, uri, finding.range, [finding])) ?? [];
    assert.ok(actions.length > 0);
    const suppress = actions.find((a) => a.title.startsWith('Suppress PAL-AWS-EC2-005'));
    assert.ok(suppress?.edit, `a suppression action: ${JSON.stringify(actions.map((a) => a.title))}`);
    const suppressed = JSON.parse(applyTextEdits(STACK, editsFor(suppress.edit, uri).edits)) as { resource: { aws_instance: { web: Record<string, unknown> } } };
    assert.equal(suppressed.resource.aws_instance.web['//'], 'palisade:ignore PAL-AWS-EC2-005');
    for (const action of actions) {
      if (!action.edit) continue;
      const { edits } = editsFor(action.edit, uri);
      const after = applyTextEdits(STACK, edits);
      assert.doesNotThrow(() => JSON.parse(after), action.title);
      assert.deepEqual(parseTerraform(after, '/x/main.tf.json').diagnostics, [], action.title);
    }
    const preferred = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(preferred, JSON.stringify(actions.map((a) => a.title)));
    const { edits } = editsFor(preferred.edit, uri);
    const fixed = applyTextEdits(STACK, edits);
    assert.equal(fixed, STACK.replace('"monitoring": false', '"monitoring": true'));

    // Applied, the finding goes.
    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await server.waitForDiagnostics(uri, (p) => p.version === 2, from, WAIT_MS);
    assert.ok(!after.diagnostics.some((d) => d.code === 'PAL-AWS-EC2-005'), JSON.stringify(after.diagnostics));

    // A broken edit: the JSON error where the comma went missing.
    const before = server.published.length;
    await server.change(uri, 3, [{ range: { start: { line: 5, character: 35 }, end: { line: 5, character: 36 } }, text: '' }]);
    const broken = await server.waitForDiagnostics(uri, (p) => p.version === 3, before, WAIT_MS);
    const syntax = broken.diagnostics.find((d) => d.code === 'json-syntax');
    assert.ok(syntax, JSON.stringify(broken.diagnostics));
    assert.equal(syntax.range.start.line, MONITORING_LINE);
  });
});

test('an open .tf.json: the suppression action writes a "//" property that silences the finding', async () => {
  await withOpenStack({ 'app/main.tf.json': STACK }, async ({ server, uri, published, finding }) => {
    const suppress = ((await codeActions(server, uri, finding.range, [finding])) ?? []).find((a) => a.title.startsWith('Suppress PAL-AWS-EC2-005'));
    assert.ok(suppress?.edit);
    const { edits } = editsFor(suppress.edit, uri);
    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await server.waitForDiagnostics(uri, (p) => p.version === 2, from, WAIT_MS);
    const codes = after.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('PAL-AWS-EC2-005'), JSON.stringify(after.diagnostics));
    // No reason typed yet: the suppression itself is marked until one is.
    const noReason = after.diagnostics.find((d) => d.code === 'PAL-SUPPRESS-NO-REASON');
    assert.ok(noReason, JSON.stringify(codes));
    assert.equal(noReason.range.start.line, 4);
    const others = published.diagnostics.map((d) => d.code).filter((c) => c !== 'PAL-AWS-EC2-005');
    assert.ok(others.length > 0);
    assert.deepEqual(codes.filter((c) => c !== 'PAL-SUPPRESS-NO-REASON'), others, 'the other rules still report on the instance');
  });
});
