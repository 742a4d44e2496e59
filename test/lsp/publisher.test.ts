import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { FrontEndDiagnostic } from '../../server/src/iac/model';
import { DiagnosticsPublisher } from '../../server/src/lsp/publisher';

function setup(texts: Record<string, string>, versions: Record<string, number> = {}) {
  const sent: PublishDiagnosticsParams[] = [];
  const publisher = new DiagnosticsPublisher((p) => sent.push(p), {
    textOf: (path) => texts[path],
    versionOf: (path) => versions[path],
  });
  return { sent, publisher };
}

const diag = (file: string, start: number, end: number, message = 'bad'): FrontEndDiagnostic => ({
  file, start, end, message, severity: 'error', code: 'hcl-syntax',
});

test('diagnostics are converted to ranges and published per file, with the open version', () => {
  const { sent, publisher } = setup({ '/w/a.tf': 'x = \ny = )\n', '/w/b.tf': 'ok = 1\n' }, { '/w/a.tf': 7 });
  publisher.publishUnit('/w', ['/w/a.tf', '/w/b.tf'], [diag('/w/a.tf', 9, 10, 'second'), diag('/w/a.tf', 3, 4, 'first')]);
  assert.equal(sent.length, 1, 'a closed file without problems and never published is not sent');
  assert.equal(sent[0].uri, 'file:///w/a.tf');
  assert.equal(sent[0].version, 7);
  assert.deepEqual(sent[0].diagnostics.map((d) => [d.message, d.range.start.line, d.range.start.character]), [
    ['first', 0, 3],
    ['second', 1, 4],
  ]);
});

test('identical republishing is skipped; a fixed file is cleared; a dropped unit clears its files', () => {
  const { sent, publisher } = setup({ '/w/a.tf': 'x = \n' });
  publisher.publishUnit('/w', ['/w/a.tf'], [diag('/w/a.tf', 3, 4)]);
  publisher.publishUnit('/w', ['/w/a.tf'], [diag('/w/a.tf', 3, 4)]);
  assert.equal(sent.length, 1);
  publisher.publishUnit('/w', ['/w/a.tf'], []);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1].diagnostics, []);
  publisher.publishUnit('/w', ['/w/a.tf'], [diag('/w/a.tf', 3, 4)]);
  publisher.clearUnit('/w');
  assert.deepEqual(sent.at(-1), { uri: 'file:///w/a.tf', diagnostics: [] });
});

test('a file read by two units shows the union of both', () => {
  const { sent, publisher } = setup({ '/w/shared.tfvars': 'a = \nb = \n' });
  publisher.publishUnit('/w/one', ['/w/shared.tfvars'], [diag('/w/shared.tfvars', 4, 5, 'from one')]);
  publisher.publishUnit('/w/two', ['/w/shared.tfvars'], [diag('/w/shared.tfvars', 9, 10, 'from two')]);
  assert.deepEqual(sent.at(-1)!.diagnostics.map((d) => d.message), ['from one', 'from two']);
  publisher.publishUnit('/w/one', [], []);
  assert.deepEqual(sent.at(-1)!.diagnostics.map((d) => d.message), ['from two']);
});
