// The registry: names, arity checks, unknown propagation, provider and impure functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FunctionError, callFunction, functionNames, hasFunction } from '../../../../server/src/iac/terraform/functions';
import { Unknown } from '../../../../server/src/iac/terraform/values';
import { makeContext } from './context';

// Every pure built-in the Terraform 1.x documentation lists, minus those the evaluator handles
// (try, can, templatestring, type).
const DOCUMENTED = `abs ceil floor log max min parseint pow signum chomp endswith format formatlist indent join
lower regex regexall replace split startswith strcontains strrev substr title trim trimprefix trimsuffix
trimspace upper alltrue anytrue chunklist coalesce coalescelist compact concat contains distinct element
flatten index keys length lookup matchkeys merge one range reverse setintersection setproduct
setsubtract setunion slice sort sum transpose values zipmap base64decode base64encode base64gzip
csvdecode jsondecode jsonencode textdecodebase64 textencodebase64 urlencode yamldecode yamlencode abspath
dirname pathexpand basename file fileexists fileset filebase64 templatefile formatdate timeadd timecmp
timestamp plantimestamp base64sha256 base64sha512 bcrypt filebase64sha256 filebase64sha512 filemd5
filesha1 filesha256 filesha512 md5 rsadecrypt sha1 sha256 sha512 uuid uuidv5 cidrhost cidrnetmask
cidrsubnet cidrsubnets nonsensitive sensitive issensitive tobool tolist tomap tonumber toset tostring
ephemeralasnull`.split(/\s+/);

test('every documented built-in is registered', () => {
  const missing = DOCUMENTED.filter((name) => !hasFunction(name));
  assert.deepEqual(missing, []);
  assert.equal(hasFunction('core::max'), true);
  assert.equal(hasFunction('nosuchfunction'), false);
  assert.equal(hasFunction('try'), false); // the evaluator's
  assert.ok(functionNames().includes('cidrsubnet'));
});

test('arity errors name the expected count', () => {
  const ctx = makeContext();
  assert.throws(() => callFunction('upper', [], ctx), (e: unknown) => e instanceof FunctionError && /Not enough function arguments.*expects 1 argument, but got 0/.test(e.message));
  assert.throws(() => callFunction('lookup', [{}, 'a', 'b', 'c'], ctx), /expects 2 to 3 arguments, but got 4/);
  assert.throws(() => callFunction('nosuch', [], ctx), /there is no function named "nosuch"/);
});

test('an unknown argument makes the result unknown, with the call text and the union of refs', () => {
  const ctx = makeContext({}, { callText: 'upper(aws_s3_bucket.a.id)' });
  const a = new Unknown('aws_s3_bucket.a.id', ['aws_s3_bucket.a'], 'computed attribute `id`');
  const b = new Unknown('aws_s3_bucket.b.arn', ['aws_s3_bucket.b']);
  const out = callFunction('upper', [a], ctx);
  assert.ok(out instanceof Unknown);
  assert.equal(out.expr, 'upper(aws_s3_bucket.a.id)');
  assert.deepEqual(out.refs, ['aws_s3_bucket.a']);
  assert.equal(out.reason, 'computed attribute `id`');
  const nested = callFunction('join', [',', ['x', a, b]], ctx);
  assert.ok(nested instanceof Unknown);
  assert.deepEqual([...nested.refs].sort(), ['aws_s3_bucket.a', 'aws_s3_bucket.b']);
});

test('an unknown argument does not hide arity errors', () => {
  assert.throws(() => callFunction('upper', [new Unknown('x'), 'y'], makeContext()), FunctionError);
});

test('provider-defined functions are known names with unknown results', () => {
  assert.equal(hasFunction('provider::aws::arn_parse'), true);
  const out = callFunction('provider::aws::arn_parse', [new Unknown('x', ['aws_iam_role.r'])], makeContext({}, { callText: 'provider::aws::arn_parse(x)' }));
  assert.ok(out instanceof Unknown);
  assert.equal(out.expr, 'provider::aws::arn_parse(x)');
  assert.deepEqual(out.refs, ['aws_iam_role.r']);
});

test('unexpected library failures surface as FunctionError, never a crash', () => {
  // A huge newbits value would make BigInt shifts enormous; it must be rejected, not thrown raw.
  assert.throws(() => callFunction('cidrsubnet', ['10.0.0.0/8', 1e9, 0], makeContext()), FunctionError);
  assert.throws(() => callFunction('parseint', ['zzzz', 10], makeContext()), FunctionError);
});

test('every function answers odd arguments with a value or a FunctionError', () => {
  const samples = [
    [],
    [null],
    [''],
    ['x', 'y'],
    [-1, 1e300],
    [[null, [], {}], { a: null }],
    ['%', '%[9]v', '/(/'],
    [['a', 'b'], 0, 2],
    ['10.0.0.0/8', 30, 1e15],
    ['2018-01-02T23:12:01Z', 'YYYY'],
    [true, false, NaN],
  ];
  const ctx = makeContext({ '/work/mod/f.txt': 'x' });
  for (const name of functionNames()) {
    for (const args of samples) {
      try {
        const out = callFunction(name, args, ctx);
        assert.notEqual(out, undefined, `${name}(${JSON.stringify(args)}) returned undefined`);
      } catch (e) {
        assert.ok(e instanceof FunctionError, `${name}(${JSON.stringify(args)}) threw ${String(e)}`);
      }
    }
  }
});
