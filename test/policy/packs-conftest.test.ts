// Conftest-style packs and per-pack input adapters: Conftest's HCL shape for Terraform, YAML/JSON
// documents, Rego v0 and v1 policies, adapter selection (source, manifest, detection), results as
// strings or {msg, details} objects placed on the file or the resource they name, and one broken
// pack beside good ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conftestTerraformInput, loadPacks, parseConfig, scanDocumentFile, packReadsDocuments, type PackSettings, type PackSource } from '../../server/src/policy';
import { parseTerraform } from '../../server/src/iac/terraform';
import { parseDocuments } from '../../server/src/iac/documents';
import { DiskPackReader } from '../../server/src/workspace/pack-reader';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost, scanFiles } from './helpers';
import { FAKE_BUILTIN } from './packs-helpers';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'packs').split('\\').join('/');
const input = (name: string) => readFileSync(join(FIXTURES, 'inputs', name), 'utf8');
const reader = new DiskPackReader();
const folder = (name: string, extra: Partial<PackSource> = {}): PackSource => ({ kind: 'folder', name, location: `${FIXTURES}/${name}`, ...extra });
const load = (sources: PackSource[], settings: Partial<PackSettings> = {}) =>
  loadPacks({ sources, builtin: true, requireSignature: false, keys: {}, ...settings }, reader, { trusted: true, builtinFiles: () => FAKE_BUILTIN });

test('Terraform reaches Conftest packs as Conftest presents HCL: labels nest, repeats become lists, expressions stay ${…}', () => {
  const text = [
    'provider "aws" { region = "eu-west-1" }',
    'resource "aws_s3_bucket" "b" {',
    '  bucket = "logs-${var.env}"',
    '  tags   = { Name = "x", "team" = var.team }',
    '  count  = -1',
    '  policy = jsonencode({ a = 1 })',
    '  rule { id = "one" }',
    '  rule { id = "two" }',
    '  lifecycle { prevent_destroy = true }',
    '}',
    'variable "env" { default = "dev" }',
  ].join('\n');
  assert.deepEqual(conftestTerraformInput(parseTerraform(text, 'main.tf')), {
    provider: { aws: { region: 'eu-west-1' } },
    resource: {
      aws_s3_bucket: {
        b: {
          bucket: 'logs-${var.env}',
          tags: { Name: 'x', team: '${var.team}' },
          count: -1,
          policy: '${jsonencode({ a = 1 })}',
          rule: [{ id: 'one' }, { id: 'two' }],
          lifecycle: { prevent_destroy: true },
        },
      },
    },
    variable: { env: { default: 'dev' } },
  });
});

test('a YAML stream is one input per document, with its offset; bad YAML is a diagnostic, not a throw', () => {
  const parsed = parseDocuments(input('deployment.yaml'), 'deployment.yaml');
  assert.deepEqual(parsed.diagnostics, []);
  assert.deepEqual(parsed.documents.map((d) => [d.index, (d.value as { kind: string }).kind]), [[0, 'Service'], [1, 'Deployment']]);
  assert.ok(input('deployment.yaml').slice(parsed.documents[1].start).startsWith('apiVersion: apps/v1'));
  const bad = parseDocuments('a: [1, 2\nb: {', 'bad.yaml');
  assert.ok(bad.diagnostics.length > 0);
  assert.equal(bad.diagnostics[0].code, 'document-parse');
  // 40 KB of `- - - …` overflowed yaml's stack, and a few such parses aborted the process
  // (session-13 sweep): such text is refused before yaml sees it.
  for (let i = 0; i < 20; i++) {
    const deep = parseDocuments(`items:\n${'  - '.repeat(10000)}x\n`, 'deep.yaml');
    assert.deepEqual(deep.documents, []);
    assert.equal(deep.diagnostics[0].message, 'cannot parse: nested more than 400 levels deep');
  }
});

test('a Conftest v0 pack is detected (no METADATA, deny/warn in package main) and runs on each .tf file beside model rules', async () => {
  const loaded = load([folder('conftest-v0')]);
  const status = loaded.packs.find((p) => p.name === 'conftest-v0')!;
  assert.deepEqual(status.diagnostics, []);
  assert.equal(status.input, 'conftest');
  assert.deepEqual(status.ruleIds, ['conftest-v0/main']);
  assert.ok(packReadsDocuments(loaded.pack));
  const tf = input('main.tf');
  const scan = await scanFiles(loaded.pack, { 'main.tf': tf });
  assert.deepEqual(scan.diagnostics, []);
  const team = scan.findings.filter((f) => f.ruleId === 'conftest-v0/main');
  assert.deepEqual(team.map((f) => [f.kind, f.severity, f.message]).sort(), [
    ['deny', 'high', 'ALB `front` is using HTTP rather than HTTPS'],
    ['deny', 'high', 'aws_s3_bucket.public is public-read'],
    ['warn', 'low', 'bucket public has no versioning resource in this file'],
  ]);
  // The message names `aws_s3_bucket.public`: placed on that resource's header; the others on the file.
  const named = team.find((f) => f.message.startsWith('aws_s3_bucket.public'))!;
  assert.equal(named.resource, 'aws_s3_bucket.public');
  assert.equal(tf.slice(0, named.range.start).split('\n').length, 1);
  assert.ok(named.range.end > named.range.start);
  const alb = team.find((f) => f.message.startsWith('ALB'))!;
  assert.deepEqual([alb.range.file, alb.range.start, alb.resource], ['mod/main.tf', 0, undefined]);
  // The model rules of the built-in pack still run on the same unit.
  assert.ok(scan.findings.some((f) => f.ruleId === 'PAL-FAKE-001'));
});

test('a Conftest v1 pack reads {msg, details} results; a named resource places the finding on it', async () => {
  const loaded = load([folder('conftest-v1', { severity: 'critical' })]);
  const tf = 'resource "aws_s3_bucket" "plain" {\n  bucket = "plain"\n}\n\nresource "aws_s3_bucket" "safe" {\n  server_side_encryption_configuration {\n    rule {}\n  }\n}\n';
  const scan = await scanFiles(loaded.pack, { 'main.tf': tf });
  const team = scan.findings.filter((f) => f.ruleId === 'conftest-v1/main');
  assert.deepEqual(team.map((f) => [f.severity, f.message, f.resource]), [['critical', 'bucket plain is not encrypted', 'aws_s3_bucket.plain']]);
  assert.equal(tf.slice(team[0].range.start, team[0].range.end).includes('plain'), true);
});

test('YAML and JSON files are scanned by Conftest packs only: each document, v0 and v1 policies, warn as low', () => {
  const loaded = load([folder('conftest-v0'), folder('conftest-v1')]);
  const host = new MemoryHost({ '/ws/k8s/deployment.yaml': input('deployment.yaml'), '/ws/svc/service.json': input('service.json') });
  const yaml = scanDocumentFile(host, { file: '/ws/k8s/deployment.yaml', root: '/ws', pack: loaded.pack });
  assert.deepEqual(yaml.frontEnd, []);
  assert.deepEqual(yaml.findings.map((f) => [f.ruleId, f.kind, f.severity, f.message]), [
    ['conftest-v0/main', 'deny', 'high', 'Deployment web must set runAsNonRoot'],
    ['conftest-v1/main', 'warn', 'low', 'replicas below 2'],
  ]);
  // Placed at the start of the second document, not on line 1.
  const text = input('deployment.yaml');
  assert.ok(text.slice(yaml.findings[0].range.start).startsWith('apiVersion: apps/v1'));
  assert.deepEqual(yaml.rulesRun, ['conftest-v0/main', 'conftest-v1/main']);
  const json = scanDocumentFile(host, { file: '/ws/svc/service.json', root: '/ws', pack: loaded.pack });
  assert.deepEqual(json.findings.map((f) => [f.ruleId, f.message, f.range.file, f.range.start]), [['conftest-v1/main', 'the api service must not listen on port 80', 'svc/service.json', 0]]);
  // The built-in pack's model rules never look at documents.
  assert.ok(!json.rulesRun.includes('PAL-FAKE-001'));
});

test('adapter selection: manifest metadata (raw), source option, conftest: false, and plain packs unchanged', () => {
  const raw = load([folder('raw-manifest')]);
  const status = raw.packs.find((p) => p.name === 'raw-manifest')!;
  assert.deepEqual([status.input, status.ruleIds, status.diagnostics], ['raw', ['TEAM-RAW-001'], []]);
  const host = new MemoryHost({ '/ws/service.json': input('service.json'), '/ws/deployment.yaml': input('deployment.yaml') });
  const json = scanDocumentFile(host, { file: '/ws/service.json', root: '/ws', pack: raw.pack });
  assert.deepEqual(json.findings.map((f) => [f.ruleId, f.severity, f.message]), [['TEAM-RAW-001', 'medium', 'port 80 is plain HTTP']]);
  // `formats: [json, yaml]` — a Kubernetes document is format kubernetes, so the rule does not look at it.
  assert.deepEqual(scanDocumentFile(host, { file: '/ws/deployment.yaml', root: '/ws', pack: raw.pack }).rulesRun, []);

  // The source says `input: palisade`: the manifest's raw is overridden and the METADATA rule joins the model rules.
  const forced = load([folder('raw-manifest', { input: 'palisade' })]);
  assert.equal(forced.packs.find((p) => p.name === 'raw-manifest')!.input, undefined);
  assert.ok(!packReadsDocuments(forced.pack));
  // `conftest: false` turns detection off: the v0 pack is a plain pack without rules again.
  const off = load([folder('conftest-v0', { conftest: false })]);
  const offStatus = off.packs.find((p) => p.name === 'conftest-v0')!;
  assert.deepEqual([offStatus.input, offStatus.ruleCount, offStatus.diagnostics.map((d) => d.code)], [undefined, 0, ['pack-no-rules']]);
  // Namespaces: a Conftest pack in another package is found only when named.
  const other = load([folder('conftest-v0', { conftest: true, namespaces: ['kubernetes'] })]);
  assert.deepEqual(other.packs.find((p) => p.name === 'conftest-v0')!.diagnostics.map((d) => d.code), ['pack-no-rules']);
  // A plain scan with only the built-in pack reads no documents.
  assert.ok(!packReadsDocuments(load([]).pack));
});

test('.palisade.yaml source options for adapters are read and checked', () => {
  const ok = parseConfig(['packs:', '  - path: policy', '    conftest: true', '    namespaces: [main, k8s.admission]', '    severity: medium', '    warn_severity: info', '  - {path: raw, input: raw, all_namespaces: true}'].join('\n'), '/ws/.palisade.yaml');
  assert.deepEqual(ok.diagnostics, []);
  assert.deepEqual(ok.config?.packSettings.sources, [
    { kind: 'folder', name: 'policy', location: '/ws/policy', conftest: true, namespaces: ['main', 'k8s.admission'], severity: 'medium', warnSeverity: 'info' },
    { kind: 'folder', name: 'raw', location: '/ws/raw', input: 'raw', namespaces: 'all' },
  ]);
  const bad = parseConfig('packs:\n  - {path: p, input: hcl, severity: urgent}\n', '/ws/.palisade.yaml');
  assert.deepEqual(bad.diagnostics.map((d) => d.message.replace(/^.*?: /, '')).length, 2);
  assert.match(bad.diagnostics.map((d) => d.message).join('\n'), /input must be palisade, conftest or raw[\s\S]*severity must be one of/);
});

test('one broken Conftest pack beside good ones: its errors are its own, the others keep running', async () => {
  const loaded = load([folder('broken-conftest'), folder('conftest-v0'), folder('raw-manifest')]);
  const broken = loaded.packs.find((p) => p.name === 'broken-conftest')!;
  assert.equal(broken.loaded, false);
  assert.ok(broken.diagnostics.some((d) => d.severity === 'error' && d.file === 'policy/broken.rego'));
  for (const name of ['builtin', 'conftest-v0', 'raw-manifest']) {
    const status = loaded.packs.find((p) => p.name === name)!;
    assert.deepEqual([name, status.loaded, status.diagnostics], [name, true, []]);
  }
  const scan = await scanFiles(loaded.pack, { 'main.tf': input('main.tf') });
  assert.deepEqual([...new Set(scan.findings.map((f) => f.ruleId))].sort(), ['PAL-FAKE-001', 'conftest-v0/main']);
});

test('the language server publishes Conftest findings on an open YAML file only when such a pack is configured', async () => {
  const { documentDiagnostics, PolicySupport } = await import('../../server/src/lsp/policy-support');
  const { DiskHost } = await import('../../server/src/workspace/disk-host');
  const { tempDir, writeTree } = await import('./packs-helpers');
  const root = writeTree(tempDir(), { 'k8s/deployment.yaml': input('deployment.yaml'), '.palisade.yaml': `packs: [${FIXTURES}/conftest-v0]\n` });
  const policy = new PolicySupport({ error: () => undefined }, () => FAKE_BUILTIN);
  const host = new DiskHost();
  const diagnostics = documentDiagnostics(policy, host, `${root}/k8s/deployment.yaml`, root, undefined);
  assert.deepEqual(diagnostics?.map((d) => [d.file, d.code, d.severity, d.message]), [[`${root}/k8s/deployment.yaml`, 'conftest-v0/main', 'error', 'Deployment web must set runAsNonRoot']]);
  // Setting-only packs count too; with no document pack there is nothing to publish (undefined, not []).
  const plain = writeTree(tempDir(), { 'a.yaml': 'kind: Deployment\nmetadata: {name: a}\n' });
  assert.equal(documentDiagnostics(policy, host, `${plain}/a.yaml`, plain, undefined), undefined);
  assert.equal(documentDiagnostics(policy, host, `${plain}/a.yaml`, plain, [{ path: `${FIXTURES}/conftest-v0` }])?.length, 1);
});
