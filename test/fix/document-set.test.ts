// A rule's scalar `set` inside a JSON document attribute (fix/document-set.ts): rendered where the
// source map places the value, in jsonencode, heredoc and quoted JSON; refused when the value is
// not literal there or the document is not the attribute's own text. With PAL-AWS-ECS-001's fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { applyEdits, explainFixes, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost } from '../policy/helpers';

let packCache: RulePack | undefined;
function builtinPack(): RulePack {
  packCache ??= loadPack(readPackFiles(resolve(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  return packCache;
}

async function fixOf(defs: string, files: Record<string, string> = {}) {
  const text = `variable "privileged" {\n  default = true\n}\n\nresource "aws_ecs_task_definition" "t" {\n  family                = "t"\n  container_definitions = ${defs}\n}\n`;
  const host = new MemoryHost({ '/ws/mod/main.tf': text, ...files });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack: builtinPack(), config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: builtinPack() });
  const finding = scan.findings.find((f) => f.ruleId === 'PAL-AWS-ECS-001');
  assert.ok(finding?.fix, 'a finding with fix operations');
  const report = await explainFixes(finding, context);
  return { text, report, fixed: report.fixes[0] ? applyEdits(text, report.fixes[0].edits) : undefined };
}

test('jsonencode, heredoc and quoted JSON: the literal value is replaced in place', async () => {
  const encoded = await fixOf('jsonencode([{ name = "app", image = "nginx", privileged = true }])');
  assert.equal(encoded.fixed, encoded.text.replace('privileged = true', 'privileged = false'));
  const heredoc = await fixOf('<<EOF\n[{"name": "app", "privileged": true}]\nEOF');
  assert.equal(heredoc.fixed, heredoc.text.replace('"privileged": true', '"privileged": false'));
  const quoted = await fixOf('"[{\\"name\\": \\"app\\", \\"privileged\\": true}]"');
  assert.equal(quoted.fixed, quoted.text.replace('\\"privileged\\": true', '\\"privileged\\": false'));
});

test('a value from a variable, or a document read from a file: refused', async () => {
  const fromVar = await fixOf('jsonencode([{ name = "app", privileged = var.privileged }])');
  assert.deepEqual(fromVar.report.fixes, []);
  assert.match(fromVar.report.rejected.map((r) => r.reason).join('\n'), /privileged is var\.privileged in the document, not a literal value/);
  const fromFile = await fixOf('file("${path.module}/defs.json")', { '/ws/mod/defs.json': '[{"name": "app", "privileged": true}]' });
  assert.deepEqual(fromFile.report.fixes, []);
});
