// Analysis results are reused per host while everything the analysis read is unchanged: file
// texts (the unit's, a local module's, var files) and directory listings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileHost } from '../../../../server/src/iac/model';
import { analyzeTerraformModule } from '../../../../server/src/iac/terraform';

/** A mutable in-memory host. */
function host(files: Record<string, string>): FileHost & { files: Record<string, string> } {
  return {
    files,
    readFile: (p) => files[p],
    listDir: (p) => {
      const prefix = `${p}/`;
      const names = new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]));
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

const MAIN = 'resource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\nmodule "m" {\n  source = "./mod"\n  n = "x"\n}\n';
const VARS = 'variable "name" {\n  default = "one"\n}\n';
const MOD = 'variable "n" {}\nresource "aws_sqs_queue" "q" {\n  name = var.n\n}\n';
const options = { dir: '/ws', root: '/ws' };

function bucketName(r: ReturnType<typeof analyzeTerraformModule>): unknown {
  return r.model.resources.find((x) => x.address === 'aws_s3_bucket.b')?.config.bucket;
}

test('an unchanged unit on the same host gives the same result object', () => {
  const h = host({ '/ws/main.tf': MAIN, '/ws/vars.tf': VARS, '/ws/mod/main.tf': MOD });
  const first = analyzeTerraformModule(h, options);
  assert.equal(analyzeTerraformModule(h, options), first);
  assert.equal(bucketName(first), 'one');
});

test('a changed file of the unit, or of a local module it calls, is analysed afresh', () => {
  const h = host({ '/ws/main.tf': MAIN, '/ws/vars.tf': VARS, '/ws/mod/main.tf': MOD });
  const first = analyzeTerraformModule(h, options);
  h.files['/ws/vars.tf'] = VARS.replace('one', 'two');
  const second = analyzeTerraformModule(h, options);
  assert.notEqual(second, first);
  assert.equal(bucketName(second), 'two');
  h.files['/ws/mod/main.tf'] = MOD.replace('aws_sqs_queue" "q"', 'aws_sqs_queue" "renamed"');
  const third = analyzeTerraformModule(h, options);
  assert.ok(third.model.resources.some((r) => r.address === 'module.m.aws_sqs_queue.renamed'));
});

test('a file added to the directory (a listing change) is analysed afresh', () => {
  const h = host({ '/ws/main.tf': MAIN, '/ws/vars.tf': VARS, '/ws/mod/main.tf': MOD });
  const first = analyzeTerraformModule(h, options);
  h.files['/ws/terraform.tfvars'] = 'name = "from-tfvars"\n';
  const second = analyzeTerraformModule(h, options);
  assert.notEqual(second, first);
  assert.equal(bucketName(second), 'from-tfvars');
});

test('other options or another host never share a result', () => {
  const files = { '/ws/main.tf': MAIN, '/ws/vars.tf': VARS, '/ws/mod/main.tf': MOD, '/ws/extra.tfvars': 'name = "extra"\n' };
  const h = host({ ...files });
  const plain = analyzeTerraformModule(h, options);
  const withVars = analyzeTerraformModule(h, { ...options, varFiles: ['/ws/extra.tfvars'] });
  assert.notEqual(withVars, plain);
  assert.equal(bucketName(withVars), 'extra');
  assert.equal(analyzeTerraformModule(h, options), plain);
  assert.notEqual(analyzeTerraformModule(host({ ...files }), options), plain);
});

test('a cancelled analysis is not kept', () => {
  const h = host({ '/ws/main.tf': MAIN, '/ws/vars.tf': VARS, '/ws/mod/main.tf': MOD });
  const cancelled = analyzeTerraformModule(h, { ...options, isCancelled: () => true });
  assert.equal(cancelled.cancelled, true);
  const next = analyzeTerraformModule(h, options);
  assert.equal(next.cancelled, false);
  assert.equal(bucketName(next), 'one');
});
