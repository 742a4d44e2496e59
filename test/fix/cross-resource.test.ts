// Fix capabilities the module-level rules need (docs/fixes.md): an operation on another resource
// than the finding's (`resource`), several new top-level blocks in one fix (`add_resource`,
// `add_data`, `add_variable`), replacing a reference the rule has judged (`replaces`), and the
// verification's rule for Terraform errors (a new message, not a second copy of an old one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, explainFixes, type FixContext } from '../../server/src/fix';
import { renderOperations } from '../../server/src/fix/terraform-render';
import { blockAt } from '../../server/src/fix/terraform-locate';
import { parseTerraform } from '../../server/src/iac/terraform';
import { DEFAULT_CONFIG, scanTerraformUnit, type FixOperation, type RulePack } from '../../server/src/policy';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

function rule(id: string, type: string, cond: string, fix: string) {
  return {
    path: `${id}.rego`,
    text: ruleModule({
      id,
      pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`,
      body: `deny contains {"msg": "${id} fires", "resource": r.address, "path": [], "fix": ${fix}} if {\n\tsome r in input.resources\n\tr.type == "${type}"\n\t${cond}\n}`,
    }),
  };
}

async function setup(pack: RulePack, text: string) {
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  return { context, findings: scan.findings };
}

test('an operation naming another resource edits that resource; add_resource after it', async () => {
  // The finding sits on the alarm; the fix completes the filter it names and adds a second alarm.
  const text = [
    'resource "aws_cloudwatch_metric_alarm" "a" {',
    '  metric_name = "m"',
    '}',
    '',
    'resource "aws_cloudwatch_log_metric_filter" "f" {',
    '  pattern = "partial" # the pattern',
    '}',
    '',
  ].join('\n');
  const fix = `[{"op": "set", "resource": "aws_cloudwatch_log_metric_filter.f", "path": ["pattern"], "value": "complete"}, {"op": "add_resource", "resource": "aws_cloudwatch_log_metric_filter.f", "type": "aws_cloudwatch_metric_alarm", "name": "b", "config": {"metric_name": {"$expr": "aws_cloudwatch_log_metric_filter.f.id"}}}]`;
  const r = rule('T-CIS', 'aws_cloudwatch_metric_alarm', 'not some_filter_complete\n}\n\nsome_filter_complete if {\n\tsome f in input.resources\n\tf.config.pattern == "complete"', fix);
  const { context, findings } = await setup(packOf(r), text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].resource, 'aws_cloudwatch_metric_alarm.a');
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.rejected, []);
  assert.equal(
    applyEdits(text, report.fixes[0].edits),
    text.replace('"partial" # the pattern\n}', '"complete" # the pattern\n}\n\nresource "aws_cloudwatch_metric_alarm" "b" {\n  metric_name = aws_cloudwatch_log_metric_filter.f.id\n}'),
  );
});

test('an operation naming a resource the unit does not have is rejected with the reason', async () => {
  const r = rule('T-GONE', 'aws_kms_key', 'true', '[{"op": "set", "resource": "aws_s3_bucket.nowhere", "path": ["x"], "value": 1}]');
  const { context, findings } = await setup(packOf(r), 'resource "aws_kms_key" "k" {\n}\n');
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /aws_s3_bucket\.nowhere is not in this unit/);
});

function render(text: string, ops: FixOperation[]): { text?: string; reason?: string } {
  const file = parseTerraform(text, '/ws/main.tf');
  const block = blockAt(file, file.body.items[0].start)!;
  const r = renderOperations({ file, block, address: 'aws_x.y' }, ops);
  return r.ok ? { text: applyEdits(text, r.edits.map((e) => ({ file: 'main.tf', ...e }))) } : { reason: r.reason };
}

test('add_data and add_variable write top-level blocks after the target, in operation order', () => {
  const out = render('resource "aws_x" "y" {\n  a = 1\n}\n', [
    { op: 'add_data', type: 'aws_region', name: 'current', config: {} },
    { op: 'add_variable', name: 'cert', config: { description: 'The certificate', type: { $expr: 'string' } } },
  ]);
  assert.equal(out.text, 'resource "aws_x" "y" {\n  a = 1\n}\n\ndata "aws_region" "current" {\n}\n\nvariable "cert" {\n  description = "The certificate"\n  type        = string\n}\n');
  assert.match(render('resource "aws_x" "y" {\n}\n', [{ op: 'add_variable', name: 'bad name' }]).reason ?? '', /valid name/);
  assert.match(render('resource "aws_x" "y" {\n}\n', [{ op: 'add_data', type: 'aws_region' }]).reason ?? '', /data source type and a valid name/);
});

test('set with `replaces` replaces a data-source reference only while it reads exactly that', () => {
  const text = 'resource "aws_x" "y" {\n  key = data.aws_kms_key.managed.arn\n}\n';
  const judged = render(text, [{ op: 'set', path: ['key'], value: { $expr: 'aws_kms_key.y.arn' }, replaces: 'data.aws_kms_key.managed.arn' }]);
  assert.equal(judged.text, text.replace('data.aws_kms_key.managed.arn', 'aws_kms_key.y.arn'));
  const stale = render(text, [{ op: 'set', path: ['key'], value: 'k', replaces: 'data.aws_kms_key.other.arn' }]);
  assert.match(stale.reason ?? '', /comes from data\.aws_kms_key\.managed\.arn/);
  assert.match(render(text, [{ op: 'set', path: ['key'], value: 'k' }]).reason ?? '', /change it where it is defined/);
});

test('verification: another reference to an already undeclared resource is no new error; a new undeclared one is', async () => {
  const text = 'resource "aws_cloudwatch_log_metric_filter" "f" {\n  log_group_name = aws_cloudwatch_log_group.trail.name\n}\n';
  const same = rule('T-SAME', 'aws_cloudwatch_log_metric_filter', 'not other_filter\n}\n\nother_filter if {\n\tsome g in input.resources\n\tg.address == "aws_cloudwatch_log_metric_filter.g"', '[{"op": "add_resource", "type": "aws_cloudwatch_log_metric_filter", "name": "g", "config": {"log_group_name": {"$expr": "aws_cloudwatch_log_group.trail.name"}}}]');
  const a = await setup(packOf(same), text);
  const ok = await explainFixes(a.findings[0], a.context);
  assert.deepEqual(ok.rejected, []);
  assert.equal(ok.fixes.length, 1);
  const other = rule('T-NEW', 'aws_cloudwatch_log_metric_filter', 'not other_filter\n}\n\nother_filter if {\n\tsome g in input.resources\n\tg.address == "aws_cloudwatch_log_metric_filter.g"', '[{"op": "add_resource", "type": "aws_cloudwatch_log_metric_filter", "name": "g", "config": {"log_group_name": {"$expr": "aws_cloudwatch_log_group.elsewhere.name"}}}]');
  const b = await setup(packOf(other), text);
  const rejected = await explainFixes(b.findings[0], b.context);
  assert.deepEqual(rejected.fixes, []);
  assert.match(rejected.rejected[0].reason, /new Terraform error: .*elsewhere/);
});
