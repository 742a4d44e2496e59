// `--format junit`: one <testsuite> per rule, one <testcase> per rule × resource. A case fails
// when the rule has an unsuppressed finding on that resource; suppressed findings and findings
// known to the baseline are <skipped>; resources the rule evaluated without a finding pass.
// Findings placed on a unit rather than a resource get one case per file.
import type { RuleMetadata } from '../../policy';
import type { ReportFinding, ScanReport } from '../scan-report';

interface TestCase {
  name: string;
  file: string;
  failures: ReportFinding[];
  skipped: { finding: ReportFinding; why: string }[];
}

export function formatJunit(report: ScanReport): string {
  const rulesById = new Map<string, RuleMetadata>(report.rules.map((r) => [r.id, r]));
  const suites = new Map<string, Map<string, TestCase>>();
  const caseFor = (ruleId: string, name: string, file: string): TestCase => {
    let suite = suites.get(ruleId);
    if (!suite) suites.set(ruleId, (suite = new Map()));
    // Two units may each have an `aws_s3_bucket.logs`: a case is a resource in a file.
    const key = `${file}\u0000${name}`;
    let c = suite.get(key);
    if (!c) suite.set(key, (c = { name, file, failures: [], skipped: [] }));
    return c;
  };
  for (const e of report.evaluated) caseFor(e.ruleId, e.resource, e.file);
  for (const f of report.findings) {
    const c = caseFor(f.ruleId, f.resource ?? f.location.file, f.location.file);
    if (f.suppressed) c.skipped.push({ finding: f, why: `suppressed: ${f.suppressed.reason ?? f.suppressed.by}` });
    else c.failures.push(f);
  }
  for (const f of report.known) caseFor(f.ruleId, f.resource ?? f.location.file, f.location.file).skipped.push({ finding: f, why: 'known in the baseline' });

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = [...suites.values()].flatMap((s) => [...s.values()]);
  out.push(`<testsuites name="palisade" tests="${all.length}" failures="${all.filter(failed).length}" errors="0" skipped="${all.filter(skipped).length}" time="${seconds(report.timing.totalMs)}">`);
  for (const ruleId of [...suites.keys()].sort()) {
    const cases = [...(suites.get(ruleId) as Map<string, TestCase>).values()].sort((a, b) => compare(a.name, b.name) || compare(a.file, b.file));
    const rule = rulesById.get(ruleId);
    const title = rule ? `${ruleId}: ${rule.title}` : ruleId;
    out.push(`  <testsuite name="${attr(title)}" tests="${cases.length}" failures="${cases.filter(failed).length}" errors="0" skipped="${cases.filter(skipped).length}" time="0">`);
    if (rule) {
      out.push('    <properties>');
      out.push(`      <property name="severity" value="${attr(rule.severity)}"/>`);
      out.push(`      <property name="helpUri" value="${attr(rule.docsUrl)}"/>`);
      out.push('    </properties>');
    }
    for (const c of cases) out.push(...testCase(ruleId, c));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testCase(ruleId: string, c: TestCase): string[] {
  const open = `    <testcase name="${attr(c.name)}" classname="${attr(ruleId)}" file="${attr(c.file)}" time="0"`;
  if (c.failures.length > 0) {
    const first = c.failures[0];
    const body = c.failures.map((f) => `${f.location.file}:${f.location.startLine}:${f.location.startColumn} ${f.severity} ${f.ruleId} ${f.message}`).join('\n');
    return [`${open}>`, `      <failure message="${attr(first.message)}" type="${attr(first.severity)}">${text(body)}</failure>`, '    </testcase>'];
  }
  if (c.skipped.length > 0) return [`${open}>`, `      <skipped message="${attr(c.skipped[0].why)}"/>`, '    </testcase>'];
  return [`${open}/>`];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const failed = (c: TestCase) => c.failures.length > 0;
const skipped = (c: TestCase) => c.failures.length === 0 && c.skipped.length > 0;

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
