// The root module's `required_providers` reach the model (`required_providers`), so a rule can tell
// whether the configuration may use a provider argument added in a given release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

test('required_providers: source and version by name, the legacy string form, across terraform blocks', () => {
  const r = analyze({
    'versions.tf': `terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.8, < 7.0"
    }
    random = "~> 3.0"
  }
}
`,
    'more.tf': 'terraform {\n  required_providers {\n    tls = { source = "hashicorp/tls" }\n  }\n}\n',
  });
  assert.deepEqual(r.model.required_providers, {
    tls: { source: 'hashicorp/tls' },
    aws: { source: 'hashicorp/aws', version: '>= 6.8, < 7.0' },
    random: { version: '~> 3.0' },
  });
});

test('required_providers: absent without a block; a child module\'s are not the root\'s', () => {
  const r = analyze({
    'main.tf': 'module "m" {\n  source = "./mod"\n}\n',
    'mod/main.tf': 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = ">= 6.8" }\n  }\n}\n',
  });
  assert.equal(r.model.required_providers, undefined);
});

test('required_providers in Terraform JSON syntax', () => {
  const r = analyze({
    'main.tf.json': JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '~> 6.10' } } } }),
  });
  assert.deepEqual(r.model.required_providers, { aws: { source: 'hashicorp/aws', version: '~> 6.10' } });
});
