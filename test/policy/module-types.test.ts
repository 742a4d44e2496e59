import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleTypes } from '../../server/src/policy/evaluate';

// Rules that judge opaque terraform-aws-modules calls name `module:terraform-aws-modules/<name>/aws`
// in resource_types; submodule and GitHub-sourced calls of the same module must count as it too.
test('module calls count as their registry module, whatever the source form', () => {
  assert.deepEqual(new Set(moduleTypes('terraform-aws-modules/s3-bucket/aws')), new Set(['module:terraform-aws-modules/s3-bucket/aws']));
  assert.ok(moduleTypes('registry.terraform.io/terraform-aws-modules/rds/aws').includes('module:terraform-aws-modules/rds/aws'));
  const sub = moduleTypes('terraform-aws-modules/cloudwatch/aws//modules/log-group');
  assert.ok(sub.includes('module:terraform-aws-modules/cloudwatch/aws//modules/log-group'));
  assert.ok(sub.includes('module:terraform-aws-modules/cloudwatch/aws'));
  const git = moduleTypes('git::https://github.com/terraform-aws-modules/terraform-aws-s3-bucket.git?ref=v4.1.0');
  assert.ok(git.includes('module:terraform-aws-modules/s3-bucket/aws'));
  const gitSub = moduleTypes('github.com/terraform-aws-modules/terraform-aws-security-group//modules/ssh?ref=v5.1.0');
  assert.ok(gitSub.includes('module:terraform-aws-modules/security-group/aws'));
  assert.ok(gitSub.includes('module:terraform-aws-modules/security-group/aws//modules/ssh'));
  assert.deepEqual(moduleTypes('./modules/network'), ['module:./modules/network']);
  assert.deepEqual(moduleTypes('cloudposse/label/null'), ['module:cloudposse/label/null']);
});
