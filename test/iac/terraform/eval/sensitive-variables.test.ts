// The variables declared `sensitive = true` reach the model (`sensitive_variables`) by address, in
// the root and in every module instance, so a rule can tell that a value unknown to the scan comes
// from a secret by its author's declaration (PAL-AWS-CREDENTIALS-002).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

test('sensitive_variables: literal true only, root and module instances by address', () => {
  const r = analyze({
    'main.tf': `variable "db_pass" {
  type      = string
  sensitive = true
}
variable "stage" {
  sensitive = false
}
variable "maybe" {
  sensitive = var.stage == "prod"
}
module "app" {
  source   = "./app"
  count    = 2
  password = var.db_pass
}
`,
    'app/main.tf': 'variable "password" {\n  sensitive = true\n}\nvariable "name" {\n  default = "x"\n}\n',
  });
  assert.deepEqual(r.model.sensitive_variables, ['var.db_pass', 'module.app[0].var.password', 'module.app[1].var.password']);
});

test('sensitive_variables is absent when no variable is sensitive, and read in JSON syntax', () => {
  assert.equal(analyze({ 'main.tf': 'variable "x" {}\n' }).model.sensitive_variables, undefined);
  const r = analyze({ 'main.tf.json': JSON.stringify({ variable: { token: { type: 'string', sensitive: true } } }) });
  assert.deepEqual(r.model.sensitive_variables, ['var.token']);
});
