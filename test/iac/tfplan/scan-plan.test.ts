// scanTerraformPlan (policy layer): the built-in rules on plan and state JSON, findings placed on
// the .tf source when it is beside the plan, else on the JSON; suppressions only on .tf source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scanTerraformPlan, scanTerraformUnit, type Finding } from '../../../server/src/policy';
import { loadBuiltinPack } from '../../../server/src/cli/scan-engine';
import { DiskHost } from '../../../server/src/workspace/disk-host';
import { MemoryHost } from '../../policy/helpers';
import { corpus, REPO_ROOT } from '../../helpers/corpora';

const ROOT = REPO_ROOT.split('\\').join('/');
const FIXTURES = `${ROOT}/test/fixtures/tfplan`;
const pack = loadBuiltinPack().pack!;
const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.resource} ${JSON.stringify(f.path)} ${f.range.file}@${f.range.start}-${f.range.end}`);

test('with the .tf source beside the plan, findings are exactly those of the HCL scan, on the same ranges', async () => {
  const host = new DiskHost();
  const plan = await scanTerraformPlan(host, { file: `${FIXTURES}/with-source/plan.json`, root: ROOT, pack });
  const unit = await scanTerraformUnit(host, { dir: `${FIXTURES}/with-source`, root: ROOT, pack });
  assert.deepEqual(plan.diagnostics, []);
  assert.deepEqual(plan.source, { dir: `${FIXTURES}/with-source`, matchedResources: 4 });
  assert.ok(plan.findings.length >= 5, summary(plan.findings).join('\n'));
  assert.deepEqual(summary(plan.findings), summary(unit.findings));
  assert.deepEqual(plan.findings.map((f) => f.fingerprint), unit.findings.map((f) => f.fingerprint));
});

test('without source, findings sit on the plan JSON values', async () => {
  const file = `${FIXTURES}/with-source/plan.json`;
  const text = readFileSync(file, 'utf8');
  const scan = await scanTerraformPlan(new DiskHost(), { file, root: ROOT, pack, sourceDir: null });
  assert.equal(scan.source, undefined);
  assert.ok(scan.findings.every((f) => f.range.file === 'test/fixtures/tfplan/with-source/plan.json'));
  const at = (ruleId: string) => {
    const f = scan.findings.find((x) => x.ruleId === ruleId)!;
    return text.slice(f.range.start, f.range.end);
  };
  assert.equal(at('PAL-AWS-EC2-005'), 'false');
  assert.equal(at('PAL-AWS-VPC-001'), '"0.0.0.0/0"');
  assert.equal(at('PAL-AWS-S3-002'), 'false');
  assert.equal(at('PAL-AWS-S3-007'), '"values"', 'a whole-resource finding lands on the values key');
});

test('suppressions apply to findings placed on .tf source, not to the JSON', async () => {
  const files: Record<string, string> = {};
  for (const name of ['main.tf', 'modules/store/main.tf', 'plan.json']) files[`/ws/${name}`] = readFileSync(`${FIXTURES}/with-source/${name}`, 'utf8');
  files['/ws/main.tf'] = files['/ws/main.tf'].replace('  monitoring ', '  # palisade:ignore PAL-AWS-EC2-005 batch host, metrics every 5 minutes are enough\n  monitoring ');
  const host = new MemoryHost(files);
  const onSource = await scanTerraformPlan(host, { file: '/ws/plan.json', root: '/ws', pack });
  const monitoring = onSource.findings.find((f) => f.ruleId === 'PAL-AWS-EC2-005')!;
  assert.equal(monitoring.range.file, 'main.tf');
  assert.equal(monitoring.suppressed?.reason, 'batch host, metrics every 5 minutes are enough');
  const onJson = await scanTerraformPlan(host, { file: '/ws/plan.json', root: '/ws', pack, sourceDir: null });
  assert.equal(onJson.findings.find((f) => f.ruleId === 'PAL-AWS-EC2-005')!.suppressed, undefined);
});

test('source written as .tf.json: findings are placed on the JSON source, and its "//" suppressions apply', async () => {
  const files: Record<string, string> = {};
  for (const name of ['modules/store/main.tf', 'plan.json']) files[`/ws/${name}`] = readFileSync(`${FIXTURES}/with-source/${name}`, 'utf8');
  // main.tf of the fixture, in Terraform's JSON syntax.
  const main = {
    resource: {
      aws_security_group: { web: { name: 'web', description: 'web servers', ingress: [{ description: 'ssh', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } },
      aws_instance: { app: { '//': 'palisade:ignore PAL-AWS-EC2-005 batch host', ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', monitoring: false, vpc_security_group_ids: ['${aws_security_group.web.id}'] } },
    },
    module: { store: { source: './modules/store', name: 'corp-data' } },
  };
  files['/ws/main.tf.json'] = JSON.stringify(main, null, 2);
  const host = new MemoryHost(files);
  const scan = await scanTerraformPlan(host, { file: '/ws/plan.json', root: '/ws', pack });
  assert.equal(scan.source?.dir, '/ws');
  const ssh = scan.findings.find((f) => f.ruleId === 'PAL-AWS-VPC-001')!;
  assert.equal(ssh.range.file, 'main.tf.json');
  assert.equal(files['/ws/main.tf.json'].slice(ssh.range.start, ssh.range.end), '"0.0.0.0/0"');
  const monitoring = scan.findings.find((f) => f.ruleId === 'PAL-AWS-EC2-005')!;
  assert.equal(monitoring.range.file, 'main.tf.json');
  assert.equal(monitoring.suppressed?.reason, 'batch host');
  assert.equal(ssh.suppressed, undefined);
});

test('a provider with written keys in a plan is reported, on the JSON or on its .tf block', async () => {
  const file = `${FIXTURES}/providers/plan.json`;
  const text = readFileSync(file, 'utf8');
  const onJson = await scanTerraformPlan(new DiskHost(), { file, root: ROOT, pack, sourceDir: null });
  const keys = onJson.findings.filter((f) => f.ruleId === 'PAL-AWS-CREDENTIALS-003');
  // The aliased provider's key comes from a variable, unknown in the plan's configuration: not reported.
  assert.deepEqual(keys.map((f) => f.resource), ['provider.aws']);
  assert.equal(text.slice(keys[0].range.start, keys[0].range.end), '"AKIAIOSFODNN7EXAMPLE"');
  const onSource = await scanTerraformPlan(new DiskHost(), { file, root: ROOT, pack });
  const unit = await scanTerraformUnit(new DiskHost(), { dir: `${FIXTURES}/providers`, root: ROOT, pack });
  const pick = (findings: Finding[]) => summary(findings.filter((f) => f.ruleId === 'PAL-AWS-CREDENTIALS-003'));
  assert.deepEqual(pick(onSource.findings), pick(unit.findings));
  assert.equal(pick(unit.findings).length, 1);
});

test('a state file is scanned with the same rules; configuration applies', async () => {
  const file = `${FIXTURES}/state/terraform.tfstate`;
  const scan = await scanTerraformPlan(new DiskHost(), { file, root: ROOT, pack });
  assert.deepEqual(scan.diagnostics, []);
  const ids = scan.findings.map((f) => `${f.ruleId} ${f.resource}`);
  assert.ok(ids.includes('PAL-AWS-EC2-005 aws_instance.worker[0]'));
  assert.ok(!ids.some((i) => i.endsWith('aws_instance.worker[1]') && i.startsWith('PAL-AWS-EC2-005')), 'monitoring = true passes');
  assert.ok(ids.includes('PAL-AWS-S3-011 module.logs.aws_s3_bucket_public_access_block.this'));
  assert.ok(!ids.some((i) => i.startsWith('PAL-AWS-S3-003 ')), 'the public access block is found through its bucket reference');
  const config = { ...(await import('../../../server/src/policy')).DEFAULT_CONFIG, rules: { 'PAL-AWS-EC2-005': { enabled: false } } };
  const filtered = await scanTerraformPlan(new DiskHost(), { file, root: ROOT, pack, config });
  assert.ok(!filtered.findings.some((f) => f.ruleId === 'PAL-AWS-EC2-005'));
});

test('a file that is not a plan gives its diagnostic and no findings', async () => {
  const scan = await scanTerraformPlan(new DiskHost(), { file: `${FIXTURES}/broken/plan.json`, root: ROOT, pack });
  assert.deepEqual(scan.findings, []);
  assert.deepEqual(scan.analysis.diagnostics.map((d) => d.code), ['json-syntax']);
  const missing = await scanTerraformPlan(new DiskHost(), { file: `${FIXTURES}/nope.json`, root: ROOT, pack });
  assert.deepEqual(missing.analysis.diagnostics.map((d) => d.code), ['tfplan-unreadable']);
});

const kics = corpus('kics-terraform-aws');
test('KICS plan samples scan without rule errors', { skip: kics ? false : 'PALISADE_SKIP_CORPORA=1' }, async () => {
  const dir = `${kics!.split('\\').join('/')}/api_gateway_deployment_without_api_gateway_usage_plan_associated/test`;
  for (const name of ['positive2.json', 'negative2.json']) {
    const scan = await scanTerraformPlan(new DiskHost(), { file: `${dir}/${name}`, root: dir, pack, sourceDir: null });
    assert.equal(scan.analysis.kind, 'plan', name);
    assert.deepEqual(scan.diagnostics, [], name);
    // A deployment's stage_name creates a stage; in no usage plan, APIGATEWAY-010 reports it (the plan
    // holds both positives' deployments; the negative's stage is in a usage plan).
    const deployments = scan.findings.filter((f) => f.resource?.startsWith('aws_api_gateway_deployment.') && f.ruleId === 'PAL-AWS-APIGATEWAY-010').map((f) => f.resource);
    assert.deepEqual(deployments.sort(), name.startsWith('positive') ? ['aws_api_gateway_deployment.positive1', 'aws_api_gateway_deployment.positive2'] : [], name);
  }
});
