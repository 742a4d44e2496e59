// In-process tests of the code-action provider and its edit helpers: the suppression line's text,
// offset → LSP conversion, and that fixes computed against a result that went stale are dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileHost } from '../../server/src/iac/model';
import type { UnitAnalysis } from '../../server/src/lsp/analysis';
import { CodeActionProvider, type CodeActionEnv } from '../../server/src/lsp/code-actions';
import { PolicySupport } from '../../server/src/lsp/policy-support';
import { suppressionEdit, toWorkspaceEdit } from '../../server/src/lsp/workspace-edits';

test('the suppression comment copies the indentation of the finding line and flattens the reason', () => {
  const text = 'resource "a" "b" {\n\t  enabled = false\n}\n';
  const offset = text.indexOf('false');
  assert.deepEqual(suppressionEdit('/w/main.tf', text, offset, 'PAL-X-001', '  accepted:\n reviewed  by sec '), {
    path: '/w/main.tf',
    start: text.indexOf('\t'),
    end: text.indexOf('\t'),
    newText: '\t  # palisade:ignore PAL-X-001 accepted: reviewed by sec\n',
  });
});

test('the suppression comment keeps CRLF line endings and works on the first line', () => {
  const text = 'resource "a" "b" {\r\n  x = 1\r\n}\r\n';
  assert.deepEqual(suppressionEdit('/w/m.tf', text, 3, 'PAL-X-002'), { path: '/w/m.tf', start: 0, end: 0, newText: '# palisade:ignore PAL-X-002\r\n' });
  const second = suppressionEdit('/w/m.tf', text, text.indexOf('x ='), 'PAL-X-002', '   ');
  assert.ok(second);
  assert.equal(second.start, text.indexOf('  x'));
  assert.equal(second.newText, '  # palisade:ignore PAL-X-002\r\n', 'a blank reason is no reason');
});

test('in a .tf.json file the suppression is the "//" property of the resource holding the finding', () => {
  const text = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "logs": {\n        "bucket": "x",\n        "acl": "public-read"\n      }\n    }\n  }\n}\n';
  // On an attribute and on the resource's name key alike, the property goes first in the resource body.
  for (const offset of [text.indexOf('"acl"'), text.indexOf('"logs"')]) {
    const edit = suppressionEdit('/w/main.tf.json', text, offset, 'PAL-X-003', 'reviewed "ok"');
    assert.ok(edit);
    const edited = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    assert.equal(edit.start, text.indexOf('"logs": {') + '"logs": {'.length);
    assert.equal(edit.newText, '\n        "//": "palisade:ignore PAL-X-003 reviewed \\"ok\\"",');
    assert.equal((JSON.parse(edited) as any).resource.aws_s3_bucket.logs['//'], 'palisade:ignore PAL-X-003 reviewed "ok"');
  }
  const oneLine = '{"resource": {"aws_s3_bucket": {"a": {}, "b": {"acl": "private"}}}}';
  const empty = suppressionEdit('/w/m.tf.json', oneLine, oneLine.indexOf('"a"'), 'PAL-X-004');
  assert.deepEqual(empty && JSON.parse(oneLine.slice(0, empty.start) + empty.newText + oneLine.slice(empty.end)).resource.aws_s3_bucket.a, { '//': 'palisade:ignore PAL-X-004' });
  const inline = suppressionEdit('/w/m.tf.json', oneLine, oneLine.indexOf('"private"'), 'PAL-X-004');
  assert.deepEqual(inline && JSON.parse(oneLine.slice(0, inline.start) + inline.newText + oneLine.slice(inline.end)).resource.aws_s3_bucket.b, { '//': 'palisade:ignore PAL-X-004', acl: 'private' });
});

test('no suppression edit where none can be written: other JSON, a body with a "//" already, outside any resource', () => {
  const text = '{"resource": {"aws_s3_bucket": {"a": {"//": "note", "acl": "public-read"}}}, "provider": {"aws": {"region": "x"}}}';
  assert.equal(suppressionEdit('/w/template.json', text, text.indexOf('"acl"'), 'PAL-X-005'), undefined);
  assert.equal(suppressionEdit('/w/m.tf.json', text, text.indexOf('"acl"'), 'PAL-X-005'), undefined);
  assert.equal(suppressionEdit('/w/m.tf.json', text, text.indexOf('"region"'), 'PAL-X-005'), undefined);
  assert.equal(suppressionEdit('/w/m.tf.json', '{"resource": ', 3, 'PAL-X-005'), undefined, 'malformed JSON');
});

test('workspace edits are versioned document changes when the client supports them, plain changes otherwise', () => {
  const texts: Record<string, string> = { '/w/a.tf': 'ab\ncd\n' };
  const target = { textOf: (p: string) => texts[p], versionOf: (p: string) => (p === '/w/a.tf' ? 7 : undefined) };
  const edits = [
    { path: '/w/a.tf', start: 3, end: 5, newText: 'XY' },
    { path: '/w/new.tf', start: 0, end: 0, newText: 'resource {}\n' },
  ];
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } };
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.deepEqual(toWorkspaceEdit(edits, target, true), {
    documentChanges: [
      { textDocument: { uri: 'file:///w/a.tf', version: 7 }, edits: [{ range, newText: 'XY' }] },
      { kind: 'create', uri: 'file:///w/new.tf', options: { ignoreIfExists: true } },
      { textDocument: { uri: 'file:///w/new.tf', version: null }, edits: [{ range: zero, newText: 'resource {}\n' }] },
    ],
  });
  assert.deepEqual(toWorkspaceEdit(edits.slice(0, 1), target, false), { changes: { 'file:///w/a.tf': [{ range, newText: 'XY' }] } });
});

const MAIN = 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = "corp-logs"\n  block_public_acls       = false\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n';

function memoryHost(files: Record<string, string>): FileHost {
  return {
    readFile: (p) => files[p],
    listDir: (dir) => {
      const names = Object.keys(files).filter((f) => f.startsWith(dir + '/')).map((f) => f.slice(dir.length + 1));
      return names.length > 0 ? names : undefined;
    },
  };
}

test('fixes computed while an open document changed are dropped, and computed again once the text is still', async () => {
  const host = memoryHost({ '/w/main.tf': MAIN });
  const policy = new PolicySupport({ error: (m) => assert.fail(m) });
  const result = await policy.analyze(host, { dir: '/w', root: '/w', varFiles: [], isCancelled: () => false });
  const flagged = result.diagnostics.find((d) => d.start === MAIN.indexOf('false'))! as { data?: { fingerprint: string }; code?: string };
  assert.ok(flagged?.data, 'block_public_acls is flagged');
  const diagnostic = { range: { start: { line: 2, character: 28 }, end: { line: 2, character: 33 } }, message: '', source: 'palisade', code: flagged.code, data: flagged.data };
  const params = { textDocument: { uri: 'file:///w/main.tf' }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } };

  let typing = true;
  let keystrokes = 0;
  const env: CodeActionEnv = {
    currentResult: async (): Promise<UnitAnalysis> => result,
    host,
    versionOf: () => undefined,
    // While "typing", every look at the documents sees a new version.
    documentsKey: () => (typing ? `v${keystrokes++}` : 'settled'),
  };
  const provider = new CodeActionProvider(env, { documentChanges: false, resolveEdits: false, promptsForReason: false });
  const whileTyping = await provider.provide(params);
  assert.deepEqual(whileTyping.filter((a) => !a.title.startsWith('Suppress')), [], 'no fix from a stale computation');

  // The edits were elsewhere (the unit's result is still current): the next request starts over.
  typing = false;
  const settled = await provider.provide(params);
  const fix = settled.find((a) => a.isPreferred);
  assert.ok(fix?.edit?.changes?.['file:///w/main.tf'], 'the fix once the text is still');
  assert.deepEqual(await provider.provide(params), settled, 'a repeated request answers the same');
});
