// `palisade scan` outputs end to end: JSON shape, SARIF 2.1.0 (validated against the official
// schema as shipped in @microsoft/jest-sarif), JUnit (parsed by a strict XML parser), text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from '../helpers/corpora';
import { json, scan, scratch, TREE } from './scan-run';

const APP = 'test/fixtures/scan/tree/app/main.tf';
const SCHEMA_FILE = resolve(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

// One run per format, shared by the tests below (each spawn loads the whole rule pack).
const out = scratch(false);
const multi = scan([TREE, '--format', 'json,sarif,junit', '--format', 'text', '--output-dir', out.dir, '--jobs', '1']);
const read = (name: string) => readFileSync(join(out.dir, name), 'utf8');
process.on('exit', out.done);

test('several formats at once need --output-dir and write one file each', () => {
  assert.equal(multi.code, 1, multi.stderr);
  assert.equal(multi.stdout, '');
  for (const name of ['palisade.json', 'palisade.sarif', 'palisade.junit.xml', 'palisade.txt']) assert.ok(existsSync(join(out.dir, name)), name);
  const r = scan([TREE, '--format', 'json,sarif']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /several formats need --output-dir/);
});

test('json: findings with a 1-based location, fixable only with a verified fix, fingerprints and suppressions', () => {
  const report = JSON.parse(read('palisade.json')) as ReturnType<typeof json>;
  const byRule = (id: string, resource: string) => report.findings.find((f) => f.ruleId === id && f.resource === resource);
  const pab = byRule('PAL-AWS-S3-002', 'aws_s3_bucket_public_access_block.data');
  assert.ok(pab);
  assert.deepEqual(pab.location, { file: APP, startLine: 4, startColumn: 29, endLine: 4, endColumn: 34 });
  assert.equal(pab.fixable, true);
  assert.equal(pab.fixes?.[0].edits[0].newText, 'true');
  assert.match(pab.fingerprint, /^[0-9a-f]{16}$/);
  const admin = byRule('PAL-AWS-IAM-001', 'aws_iam_policy.admin');
  assert.ok(admin);
  assert.equal(admin.fixable, false, 'no rule op or provider fixes a full-admin policy');
  const legacy = byRule('PAL-AWS-S3-002', 'aws_s3_bucket_public_access_block.legacy');
  assert.equal(legacy?.suppressed?.reason, 'the legacy bucket serves a public website behind CloudFront');
  assert.equal(legacy?.fixable, false, 'suppressed findings are not verified');
  assert.equal(report.summary.units, 3);
  assert.equal(report.summary.suppressed, 1);
  assert.equal(report.summary.findings, report.findings.length - 1);
  // Nothing from excluded/, .hidden/ or .terraform/ (each holds an open SSH rule).
  assert.deepEqual(report.findings.filter((f) => /excluded|\.hidden|\.terraform/.test(f.location.file)), []);
});

test('sarif: valid against the SARIF 2.1.0 schema, with what GitHub code scanning reads', () => {
  const log = JSON.parse(read('palisade.sarif'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  assert.ok(validate(log as object), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run = log.runs[0];
  const rules = run.tool.driver.rules as { id: string; helpUri: string; properties: { 'security-severity': string; tags: string[] }; defaultConfiguration: { level: string } }[];
  assert.ok(rules.length >= 100, 'every rule of the pack is described');
  for (const rule of rules) {
    assert.match(rule.helpUri, /^https:\/\//);
    assert.ok(Number(rule.properties['security-severity']) > 0, rule.id);
    assert.ok(rule.properties.tags.includes('security'));
  }
  const results = run.results as Record<string, any>[];
  for (const r of results) {
    assert.equal(rules[r.ruleIndex].id, r.ruleId, 'ruleIndex points at the rule');
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!r.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'), 'relative uri');
    assert.match(r.partialFingerprints['palisade/v1'], /^[0-9a-f]{16}$/);
  }
  const pab = results.find((r) => r.properties.resource === 'aws_s3_bucket_public_access_block.data');
  assert.deepEqual(pab?.locations[0].physicalLocation.region, { startLine: 4, startColumn: 29, endLine: 4, endColumn: 34 });
  assert.equal(pab?.level, 'error');
  assert.deepEqual(pab?.fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { startLine: 4, startColumn: 29, endLine: 4, endColumn: 34 }, insertedContent: { text: 'true' } });
  const legacy = results.find((r) => r.properties.resource === 'aws_s3_bucket_public_access_block.legacy');
  assert.deepEqual(legacy?.suppressions.map((s: { kind: string; justification: string }) => [s.kind, s.justification]), [['inSource', 'the legacy bucket serves a public website behind CloudFront']]);
  const admin = results.find((r) => r.ruleId === 'PAL-AWS-IAM-001');
  assert.ok(admin?.relatedLocations?.length > 0, 'the statement that grants "*" is a related location');
});

test('junit: well-formed XML, one suite per rule, one case per rule x resource', () => {
  const xml = read('palisade.junit.xml');
  const tree = parseXml(xml);
  assert.equal(tree.name, 'testsuites');
  const suites = tree.children.filter((c) => c.name === 'testsuite');
  const suite = (id: string) => suites.find((s) => s.attributes.name.startsWith(`${id}:`));
  const s3 = suite('PAL-AWS-S3-002');
  assert.ok(s3);
  const cases = s3.children.filter((c) => c.name === 'testcase');
  assert.deepEqual(cases.map((c) => c.attributes.name), ['aws_s3_bucket_public_access_block.data', 'aws_s3_bucket_public_access_block.legacy']);
  assert.equal(cases[0].children[0].name, 'failure');
  assert.match(cases[0].children[0].text, /app\/main\.tf:4:29 high PAL-AWS-S3-002/);
  assert.equal(cases[1].children[0].name, 'skipped', 'suppressed');
  assert.equal(s3.attributes.failures, '1');
  // A rule that evaluated a resource without finding anything passes it.
  const ssh = suite('PAL-AWS-VPC-001')?.children.filter((c) => c.name === 'testcase') ?? [];
  assert.deepEqual(ssh.map((c) => [c.attributes.name, c.attributes.file, c.children.map((x) => x.name)]), [
    ['aws_security_group.egress', 'test/fixtures/scan/tree/network/main.tf', []],
    ['aws_security_group.ssh', APP, ['failure']],
  ]);
  const total = suites.reduce((n, s) => n + Number(s.attributes.failures), 0);
  assert.equal(Number(tree.attributes.failures), total);
});

test('text: grouped by file, a code frame with carets under each finding, plain unless colour is forced', () => {
  const text = read('palisade.txt');
  assert.doesNotMatch(text, /\x1b\[/, 'no ANSI codes in a file');
  assert.match(text, new RegExp(`^${APP.replace(/\./g, '\\.')}$`, 'm'));
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  ${APP}:4:29 high PAL-AWS-S3-002`));
  assert.ok(at >= 0, text);
  assert.equal(lines[at + 1], '      3 | ');
  assert.equal(lines[at + 2], '    > 4 |   block_public_acls       = false');
  assert.equal(lines[at + 3], '        |                             ^^^^^');
  assert.equal(lines[at + 4], '    fix available: Set block_public_acls = true');
  assert.match(text, /\n\d+ findings \((\d+ (critical|high|medium|low|info)(, )?)+\), 1 suppressed; 3 units, 3 files in \d+\.\d s\n$/);

  const coloured = scan([join(TREE, 'network'), '--no-fixes'], REPO_ROOT, { FORCE_COLOR: '1' });
  assert.match(coloured.stdout, /\x1b\[/);
  const noColour = scan([join(TREE, 'network'), '--no-fixes'], REPO_ROOT, { NO_COLOR: '1' });
  assert.doesNotMatch(noColour.stdout, /\x1b\[/);
  assert.equal(noColour.code, 0, 'only low and info findings: below the default --fail-on high');
});

test('--output writes one format to a file; --progress reports on stderr', () => {
  const target = join(out.dir, 'single.sarif');
  const r = scan([join(TREE, 'network'), '--format', 'sarif', '--output', target, '--no-fixes', '--progress']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'palisade: scanned 1/1 units\n', '--progress off a TTY: plain lines on stderr');
  const results = JSON.parse(readFileSync(target, 'utf8')).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  assert.ok(results.some((r) => r.ruleId === 'PAL-AWS-VPC-005'));
  assert.ok(results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'test/fixtures/scan/tree/network/main.tf'));
});

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses with sax in strict mode: any well-formedness error throws. */
function parseXml(xml: string): XmlNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sax = require('sax') as { parser(strict: boolean): SaxParser };
  const parser = sax.parser(true);
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parser.onerror = (err: Error) => {
    throw err;
  };
  parser.onopentag = (node: { name: string; attributes: Record<string, string> }) => {
    const element: XmlNode = { name: node.name, attributes: node.attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  };
  parser.ontext = (t: string) => {
    stack[stack.length - 1].text += t;
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  assert.equal(root.children.length, 1);
  return root.children[0];
}

interface SaxParser {
  onerror: (err: Error) => void;
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  ontext: (text: string) => void;
  onclosetag: () => void;
  write(s: string): SaxParser;
  close(): void;
}
