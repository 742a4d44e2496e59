import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigCache, configForUnit, findConfigFile, globToRegExp, isExcluded, loadPack, parseConfig } from '../../server/src/policy';
import { ruleOverride } from '../../server/src/policy/config';
import { MemoryHost, ruleModule, scanFiles } from './helpers';

const TF = 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n';

function pack() {
  const rule = (id: string, severity: string, path: string) =>
    ({ path: `${id}.rego`, text: ruleModule({ id, severity, pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`, body: `deny contains {"msg": "m", "resource": r.address, "path": ${path}} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n}` }) });
  return loadPack([rule('T-HIGH', 'high', '["acl"]'), rule('T-LOW', 'low', '["versioning"]'), rule('T-MED', 'medium', '["logging"]')]);
}

test('a full config parses, with var files resolved against the config directory', () => {
  const text = [
    'rules:',
    '  T-HIGH: {severity: low}',
    '  T-LOW:',
    '    enabled: false',
    'severity_threshold: medium',
    'exclude: ["modules/legacy/**", "*.generated.tf"]',
    'var_files: [env/prod.tfvars]',
    'packs: [./team-pack]',
    'fix:',
    '  trusted_cidrs: [10.0.0.0/8]',
  ].join('\n');
  const { config, diagnostics } = parseConfig(text, '/ws/.palisade.yaml');
  assert.deepEqual(diagnostics, []);
  assert.ok(config);
  assert.deepEqual(config.rules, { 'T-HIGH': { severity: 'low' }, 'T-LOW': { enabled: false } });
  assert.equal(config.severityThreshold, 'medium');
  assert.deepEqual(config.varFiles, ['/ws/env/prod.tfvars']);
  assert.deepEqual(config.packs, ['./team-pack']);
  assert.deepEqual(config.fix.trustedCidrs, ['10.0.0.0/8']);
  assert.equal(isExcluded(config, '/ws/modules/legacy/a/main.tf'), true);
  assert.equal(isExcluded(config, '/ws/mod/x.generated.tf'), true);
  assert.equal(isExcluded(config, '/ws/mod/main.tf'), false);
});

test('rule overrides, disabling and the severity threshold change what a scan reports', async () => {
  const files = { 'main.tf': TF };
  const plain = await scanFiles(pack(), files);
  assert.deepEqual(plain.findings.map((f) => `${f.ruleId}:${f.severity}`).sort(), ['T-HIGH:high', 'T-LOW:low', 'T-MED:medium']);
  const { config } = parseConfig('rules:\n  T-HIGH: {severity: critical}\n  T-MED: {enabled: false}\nseverity_threshold: low\n', '/ws/.palisade.yaml');
  const configured = await scanFiles(pack(), files, config);
  assert.deepEqual(configured.findings.map((f) => `${f.ruleId}:${f.severity}`).sort(), ['T-HIGH:critical', 'T-LOW:low']);
  const { config: strict } = parseConfig('severity_threshold: high\n', '/ws/.palisade.yaml');
  assert.deepEqual((await scanFiles(pack(), files, strict)).findings.map((f) => f.ruleId), ['T-HIGH']);
  const { config: excluded } = parseConfig('exclude: [mod]\n', '/ws/.palisade.yaml');
  assert.deepEqual((await scanFiles(pack(), files, excluded)).findings, []);
});

test('malformed config: a diagnostic with a range, and the last good config stays in force', () => {
  const cache = new ConfigCache();
  const good = cache.resolve('/ws/.palisade.yaml', 'rules:\n  T-LOW: {enabled: false}\n');
  assert.deepEqual(good.diagnostics, []);
  assert.deepEqual(good.config.rules, { 'T-LOW': { enabled: false } });

  const broken = 'rules:\n  T-LOW: {enabled: false\n';
  const syntax = cache.resolve('/ws/.palisade.yaml', broken);
  assert.equal(syntax.diagnostics.length > 0, true);
  assert.equal(syntax.diagnostics[0].code, 'config-error');
  assert.equal(syntax.diagnostics[0].file, '/ws/.palisade.yaml');
  assert.ok(typeof syntax.diagnostics[0].start === 'number' && syntax.diagnostics[0].start >= 0);
  assert.deepEqual(syntax.config.rules, { 'T-LOW': { enabled: false } }, 'last good config kept');

  const badValue = 'rules:\n  T-LOW: {severity: severe}\n';
  const schema = cache.resolve('/ws/.palisade.yaml', badValue);
  assert.equal(schema.diagnostics.length, 1);
  assert.match(schema.diagnostics[0].message, /severity must be one of/);
  assert.equal(badValue.slice(schema.diagnostics[0].start, schema.diagnostics[0].end), 'severe');
  assert.deepEqual(schema.config.rules, { 'T-LOW': { enabled: false } });

  const fresh = new ConfigCache().resolve('/ws/.palisade.yaml', 'exclude: 3\n');
  assert.deepEqual(fresh.config.rules, {}, 'no good config yet: the defaults');
  assert.match(fresh.diagnostics[0].message, /exclude must be a list/);
});

test('a config text is parsed once per file until it changes, and a broken edit still keeps the last good', () => {
  const cache = new ConfigCache();
  const file = '/ws/.palisade.yaml';
  const first = cache.resolve(file, 'rules:\n  T-LOW: {enabled: false}\n');
  assert.equal(cache.resolve(file, 'rules:\n  T-LOW: {enabled: false}\n'), first, 'the same text: the same answer, not parsed again');
  const other = cache.resolve(file, 'rules:\n  T-MED: {enabled: false}\n');
  assert.notEqual(other, first);
  assert.deepEqual(other.config.rules, { 'T-MED': { enabled: false } });
  const broken = cache.resolve(file, 'rules:\n  T-LOW: {enabled: false\n');
  assert.deepEqual(broken.config.rules, { 'T-MED': { enabled: false } }, 'the last good config, not the first');
  assert.equal(broken.diagnostics[0].code, 'config-error');
  cache.forget(file);
  assert.notEqual(cache.resolve(file, 'rules:\n  T-MED: {enabled: false}\n'), other, 'forgotten: parsed again');
});

test('ruleOverride answers from the rules of the config only, never from an object prototype', () => {
  const config = new ConfigCache().resolve('/ws/.palisade.yaml', 'rules:\n  T-LOW: {enabled: false}\n  T-HIGH: {severity: low}\n').config;
  assert.deepEqual(ruleOverride(config, 'T-LOW'), { enabled: false });
  assert.deepEqual(ruleOverride(config, 'T-HIGH'), { severity: 'low' });
  for (const id of ['T-MED', 'constructor', 'toString', '__proto__']) assert.equal(ruleOverride(config, id), undefined, id);
});

test('unknown settings are warnings, not errors', () => {
  const { config, diagnostics } = parseConfig('rulez: {}\n', '/ws/.palisade.yaml');
  assert.ok(config);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.deepEqual([diagnostics[0].start, diagnostics[0].end], [0, 5]);
});

test('the config is found upward from the unit directory, not above the workspace root', () => {
  const host = new MemoryHost({ '/ws/.palisade.yaml': 'severity_threshold: high\n', '/ws/a/b/main.tf': '', '/other/x/main.tf': '', '/.palisade.yaml': 'x: 1\n' });
  assert.equal(findConfigFile(host, '/ws/a/b', '/ws'), '/ws/.palisade.yaml');
  assert.equal(findConfigFile(host, '/ws/a/b', '/ws/a'), undefined);
  assert.equal(findConfigFile(host, '/other/x', '/ws'), '/.palisade.yaml');
  const found = configForUnit(host, '/ws/a/b', '/ws', new ConfigCache());
  assert.equal(found.file, '/ws/.palisade.yaml');
  assert.equal(found.config.severityThreshold, 'high');
});

test('globs: *, ?, ** and directory patterns', () => {
  assert.ok(globToRegExp('*.tf').test('a/b/c.tf'));
  assert.ok(!globToRegExp('a/*.tf').test('a/b/c.tf'));
  assert.ok(globToRegExp('a/**/c.tf').test('a/b/x/c.tf'));
  assert.ok(globToRegExp('a/**/c.tf').test('a/c.tf'));
  assert.ok(globToRegExp('legacy').test('x/legacy/main.tf'));
  assert.ok(globToRegExp('m?.tf').test('m1.tf'));
  assert.ok(!globToRegExp('m?.tf').test('m12.tf'));
});

// Found by the mutation sweep (session 13): each of these threw out of parseConfig (yaml's toJS on
// an alias, the regexp engine on a glob, yaml's parser on deep brackets), so every scan under the
// file failed with an internal error, instead of the file getting a diagnostic.
test('hostile or mistyped configs are config errors with a range, never exceptions', () => {
  const cache = new ConfigCache();
  const file = '/ws/.palisade.yaml';
  cache.resolve(file, 'rules:\n  T-LOW: {enabled: false}\n');
  const cases: [text: string, message: RegExp, at?: string][] = [
    // A glob written unquoted: `*…` is a YAML alias.
    ['exclude:\n  - */examples/**\n', /^\*\/examples\/\*\* is a YAML alias with no &\/examples\/\*\* anchor; quote a value that starts with \*/, '*/examples/**'],
    ['exclude: [*a]\n', /YAML alias/, '*a'],
    [`exclude:\n  - modules/${'x'.repeat(100000)}\n`, /^exclude pattern 1 cannot be used: Regular expression too large/],
    [`rules: ${'['.repeat(20000)}1${']'.repeat(20000)}\n`, /^nested more than 100 levels deep \(brackets, indentation and `- ` items\)/, '['],
    [`exclude: ${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}\n`, /^nested more than 100 levels deep/, '{'],
    // 40 KB of `- - - …`: yaml overflowed its stack on it, and after a few parses V8 aborted the process.
    [`exclude:\n${'  - '.repeat(10000)}x\n`, /^nested more than 100 levels deep/],
    // `x ? x ? … 1 : 1 : …` on one line: yaml threw its stack overflow out of parseDocument.
    [`rules:\n  "*":\n    en${'x ? '.repeat(5000)}1${' : 1'.repeat(5000)}led: true\n`, /^nested more than 100 levels deep/],
    [`rules:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`, /^nested more than 100 levels deep/],
    [`exclude: []\n# ${'x'.repeat(1_000_001)}\n`, /^\.palisade\.yaml is 1000016 characters long/],
    ['a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n', /Excessive alias count/],
  ];
  for (const [text, message, at] of cases) {
    const resolved = cache.resolve(file, text);
    assert.equal(resolved.diagnostics[0]?.code, 'config-error', text.slice(0, 40));
    assert.match(resolved.diagnostics[0].message, message);
    assert.match(resolved.diagnostics[0].message, /the last valid configuration stays in force/);
    if (at !== undefined) assert.equal(text.slice(resolved.diagnostics[0].start, resolved.diagnostics[0].end), at);
    assert.deepEqual(resolved.config.rules, { 'T-LOW': { enabled: false } }, 'the last good config stays');
  }
  // The process survives many parses of the text that once aborted it.
  for (let i = 0; i < 20; i++) assert.equal(parseConfig(`exclude:\n${'  - '.repeat(10000)}x\n`, `/ws${i}/.palisade.yaml`).diagnostics.length, 1);
  // Anchors that resolve, a quoted glob and modest nesting are fine.
  assert.match(parseConfig('rules: {A: {enabled: [[[true]]]}}\n', file).diagnostics[0].message, /^rules\.A\.enabled must be true or false/);
  assert.deepEqual(parseConfig('x: &g "*/examples/**"\nexclude:\n  - *g\n  - "*.tf"\n', file).config?.exclude, ['*/examples/**', '*.tf']);
});
