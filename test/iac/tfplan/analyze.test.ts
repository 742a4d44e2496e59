// The plan/state front end on small fixtures (test/fixtures/tfplan) and on the KICS plan samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTerraformPlan, detectTerraformJson } from '../../../server/src/iac/tfplan';
import { analyzeTerraformModule } from '../../../server/src/iac/terraform';
import type { ModelValue } from '../../../server/src/iac/model';
import { DiskHost } from '../../../server/src/workspace/disk-host';
import { corpus, REPO_ROOT } from '../../helpers/corpora';

const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/tfplan');
const read = (path: string) => readFileSync(path, 'utf8');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

test('a plan becomes the model: module addresses, nested blocks as lists, unknowns, references', () => {
  const text = read(`${FIXTURES}/with-source/plan.json`);
  const { kind, model, diagnostics, sourceMaps } = analyzeTerraformPlan(text, 'with-source/plan.json');
  assert.equal(kind, 'plan');
  assert.deepEqual(diagnostics, []);
  assert.equal(model.format, 'terraform-plan');
  assert.deepEqual(model.resources.map((r) => r.address), ['aws_security_group.web', 'aws_instance.app', 'module.store.aws_s3_bucket.this', 'module.store.aws_s3_bucket_public_access_block.this']);
  const [sg, app, bucket, pab] = model.resources;
  assert.equal(bucket.module, 'module.store');
  assert.equal(sg.module, undefined);
  assert.deepEqual(sg.config.ingress, [{ cidr_blocks: ['0.0.0.0/0'], description: 'ssh', from_port: 22, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: 22 }]);
  assert.equal('tags' in sg.config, false, 'null attributes are absent, as in the HCL model');
  // Set in the configuration but not known yet: unknown, named by the expression's reference.
  assert.deepEqual(app.config.vpc_security_group_ids, { $unknown: 'aws_security_group.web.id' });
  // Computed by the provider and not configured: absent, as in the HCL model.
  assert.equal('metadata_options' in app.config, false);
  assert.equal('arn' in app.config, false);
  assert.deepEqual(pab.config.bucket, { $unknown: 'aws_s3_bucket.this.id' });
  assert.deepEqual(app.references, [{ path: ['vpc_security_group_ids'], target: 'aws_security_group.web', attribute: 'id' }]);
  assert.deepEqual(pab.references, [{ path: ['bucket'], target: 'module.store.aws_s3_bucket.this', attribute: 'id' }]);
  assert.deepEqual(bucket.references, [], 'var.name is not a resource reference');
  // Source map: the value of each attribute and list element.
  const cidr = sourceMaps.get('aws_security_group.web')?.fields?.ingress.items?.[0].fields?.cidr_blocks.items?.[0];
  assert.ok(cidr?.valueRange);
  assert.equal(text.slice(cidr.valueRange.start, cidr.valueRange.end), '"0.0.0.0/0"');
  const monitoring = sourceMaps.get('aws_instance.app')?.fields?.monitoring;
  assert.equal(text.slice(monitoring!.nameRange!.start, monitoring!.valueRange!.end), '"monitoring": false');
});

test('the plan model agrees with the HCL model of the same configuration', () => {
  const plan = analyzeTerraformPlan(read(`${FIXTURES}/with-source/plan.json`), 'plan.json').model;
  const hcl = analyzeTerraformModule(new DiskHost(), { dir: `${FIXTURES}/with-source`.split('\\').join('/'), root: FIXTURES.split('\\').join('/') }).model;
  assert.deepEqual(plan.resources.map((r) => r.address), hcl.resources.map((r) => r.address));
  for (const h of hcl.resources) {
    const p = plan.resources.find((r) => r.address === h.address)!;
    assert.equal(p.type, h.type);
    assert.equal(subsetMismatch(p.config, h.config), undefined, h.address);
    // A plan's configuration names references per attribute, not per list element: compare the
    // attribute (the first path step; nested blocks keep their full path).
    const targets = (refs: typeof h.references) => refs.map((r) => `${JSON.stringify(typeof r.path.at(-1) === 'number' ? r.path.slice(0, -1) : r.path)}>${r.target}.${r.attribute ?? ''}`).sort();
    assert.deepEqual(targets(p.references), targets(h.references), h.address);
    assert.ok(h.references.length === 0 || p.references.length > 0);
  }
});

/** Where a known HCL value is missing or different in the plan value (the plan may add attributes). */
function subsetMismatch(plan: ModelValue | undefined, hcl: ModelValue, path = ''): string | undefined {
  const unknown = (v: ModelValue | undefined) => !!v && typeof v === 'object' && !Array.isArray(v) && '$unknown' in v;
  // Unknown on either side agrees with anything (a set with one unknown element is wholly unknown in a plan).
  if (unknown(hcl) || unknown(plan)) return undefined;
  if (Array.isArray(hcl)) {
    if (!Array.isArray(plan) || plan.length !== hcl.length) return path;
    for (let i = 0; i < hcl.length; i++) {
      const m = subsetMismatch(plan[i], hcl[i], `${path}[${i}]`);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  if (hcl && typeof hcl === 'object') {
    if (!plan || typeof plan !== 'object' || Array.isArray(plan)) return path;
    for (const [k, v] of Object.entries(hcl)) {
      const m = subsetMismatch(plan[k], v, `${path}.${k}`);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  return plan === hcl ? undefined : path;
}

test('provider configurations of a plan become the model\'s providers: constants, references as unknowns, blocks, module path', () => {
  const text = read(`${FIXTURES}/providers/plan.json`);
  const { model, sourceMaps, diagnostics } = analyzeTerraformPlan(text, 'plan.json');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(model.providers, [
    { address: 'provider.aws', name: 'aws', file: 'plan.json', config: { access_key: 'AKIAIOSFODNN7EXAMPLE', region: 'us-east-1', secret_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } },
    { address: 'provider.aws.west', name: 'aws', alias: 'west', file: 'plan.json', config: { alias: 'west', access_key: { $unknown: 'var.west_key' }, assume_role: [{ role_arn: 'arn:aws:iam::111122223333:role/deploy' }], region: 'us-west-2' } },
    { address: 'module.child.provider.aws', name: 'aws', file: 'plan.json', config: { region: 'eu-west-1' } },
  ]);
  // The source map of a provider attribute is its constant's text; the provider's own range names its key.
  const key = sourceMaps.get('provider.aws')!;
  assert.equal(text.slice(key.fields!.access_key.valueRange!.start, key.fields!.access_key.valueRange!.end), '"AKIAIOSFODNN7EXAMPLE"');
  assert.equal(text.slice(key.nameRange!.start, key.nameRange!.end), '"aws"');
  const role = sourceMaps.get('provider.aws.west')!.fields!.assume_role.items![0].fields!.role_arn;
  assert.equal(text.slice(role.valueRange!.start, role.valueRange!.end), '"arn:aws:iam::111122223333:role/deploy"');
  // The HCL model of the same configuration has the same providers (its unknown names the variable too).
  const hcl = analyzeTerraformModule(new DiskHost(), { dir: `${FIXTURES}/providers`.split('\\').join('/'), root: FIXTURES.split('\\').join('/') }).model;
  assert.deepEqual(hcl.providers!.map((p) => p.address), model.providers!.map((p) => p.address));
  for (const p of model.providers!) assert.equal(subsetMismatch(p.config, hcl.providers!.find((h) => h.address === p.address)!.config), undefined, p.address);
});

test('a state file becomes the model: instance keys, module, references from dependencies by value', () => {
  const text = read(`${FIXTURES}/state/terraform.tfstate`);
  const { kind, model, diagnostics, sourceMaps } = analyzeTerraformPlan(text, 'terraform.tfstate');
  assert.equal(kind, 'state');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(model.resources.map((r) => r.address), ['aws_instance.worker[0]', 'aws_instance.worker[1]', 'module.logs.aws_s3_bucket.this', 'module.logs.aws_s3_bucket_public_access_block.this']);
  assert.deepEqual(model.resources.map((r) => r.index), [0, 1, undefined, undefined]);
  assert.equal(model.resources[2].module, 'module.logs');
  assert.deepEqual(model.resources[3].references, [
    { path: ['bucket'], target: 'module.logs.aws_s3_bucket.this', attribute: 'id' },
  ]);
  const header = sourceMaps.get('aws_instance.worker[1]')!.nameRange!;
  assert.equal(text.slice(header.start, header.end), '"attributes"');
});

test('detection by content: plans and states yes; other JSON, CDKTF JSON and broken text no', () => {
  assert.equal(detectTerraformJson(read(`${FIXTURES}/with-source/plan.json`)), 'plan');
  assert.equal(detectTerraformJson(read(`${FIXTURES}/state/terraform.tfstate`)), 'state');
  assert.equal(detectTerraformJson(read(`${FIXTURES}/broken/plan.json`)), undefined);
  assert.equal(detectTerraformJson('{"version": 4, "resources": []}'), undefined, 'a state also names terraform_version');
  assert.equal(detectTerraformJson(read(resolve(REPO_ROOT, 'package.json'))), undefined);
});

test('a broken plan gives a json-syntax diagnostic and an empty model', () => {
  const text = read(`${FIXTURES}/broken/plan.json`);
  const result = analyzeTerraformPlan(text, 'broken/plan.json');
  assert.equal(result.kind, undefined);
  assert.deepEqual(result.model.resources, []);
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity, d.start]), [['json-syntax', 'error', text.length]]);
  const other = analyzeTerraformPlan('{"hello": 1}', 'x.json');
  assert.deepEqual(other.diagnostics.map((d) => d.code), ['tfplan-unrecognised']);
});

const kics = corpus('kics-terraform-aws');
test('KICS plan samples: resources, values and the lines KICS reports', { skip: kics ? false : 'PALISADE_SKIP_CORPORA=1' }, () => {
  const dir = `${kics}/api_gateway_deployment_without_api_gateway_usage_plan_associated/test`;
  const text = read(`${dir}/positive2.json`);
  const { kind, model, sourceMaps, diagnostics } = analyzeTerraformPlan(text, 'positive2.json');
  assert.equal(kind, 'plan');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(model.resources.map((r) => r.address), ['aws_api_gateway_deployment.positive1', 'aws_api_gateway_deployment.positive2', 'aws_api_gateway_usage_plan.positive3']);
  assert.deepEqual(model.resources[0].config, { rest_api_id: 'some rest api id', stage_name: 'some name' });
  assert.deepEqual(model.resources[2].config.api_stages, [{ api_id: 'another id', stage: 'development' }]);
  // positive_expected_result.json: lines 14 and 31, the deployments' "values" keys.
  const lines = ['aws_api_gateway_deployment.positive1', 'aws_api_gateway_deployment.positive2'].map((a) => lineOf(text, sourceMaps.get(a)!.nameRange!.start));
  assert.deepEqual(lines, [14, 31]);
  const negative = analyzeTerraformPlan(read(`${dir}/negative2.json`), 'negative2.json');
  assert.equal(negative.kind, 'plan');
  assert.deepEqual(negative.diagnostics, []);
  assert.ok(negative.model.resources.some((r) => r.type === 'aws_api_gateway_usage_plan'));
  // ec2_instance_monitoring_disabled's JSON samples are CDKTF configuration (Terraform JSON syntax), not plans.
  const cdktf = read(`${kics}/ec2_instance_monitoring_disabled/test/positive5.json`);
  assert.equal(detectTerraformJson(cdktf), undefined);
  assert.deepEqual(analyzeTerraformPlan(cdktf, 'positive5.json').diagnostics.map((d) => d.code), ['tfplan-unrecognised']);
});
