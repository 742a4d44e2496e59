// Rego evaluation benchmark.
// Usage: node out/bench/rego-eval.js
//  1. A 50-rule deny pack (attribute checks, iteration over nested blocks, sprintf messages,
//     regex and set membership — the shapes real IaC rules have) over an input of 1,000
//     resources: ms per full evaluation (all 50 `deny` sets), p50/p95 over 30 runs.
//  2. A single-rule microbenchmark: evaluations per second of one small rule over a small input.
import { evalRule, fromJS, prepare } from '../server/src/rego';

function ruleModule(i: number): string {
  const kinds = [
    // attribute is false
    `deny contains msg if {\n\tr := input.resources[_]\n\tr.type == "aws_s3_bucket"\n\tr.config.versioning_${i} == false\n\tmsg := sprintf("bucket %s has versioning_${i} disabled", [r.address])\n}`,
    // iterate nested blocks, open CIDR
    `deny contains msg if {\n\tsome r in input.resources\n\tr.type == "aws_security_group"\n\tsome rule in r.config.ingress\n\t"0.0.0.0/0" in rule.cidr_blocks\n\trule.from_port <= ${i}\n\tmsg := sprintf("%s allows port ${i} from anywhere", [r.address])\n}`,
    // regex on names
    `deny contains msg if {\n\tsome r in input.resources\n\tregex.match(\`^tmp-${i}-\`, r.name)\n\tmsg := sprintf("%s: temporary name", [r.address])\n}`,
    // missing attribute
    `deny contains msg if {\n\tsome r in input.resources\n\tr.type == "aws_instance"\n\tnot r.config.metadata_options_${i}\n\tmsg := concat(" ", [r.address, "has no metadata options"])\n}`,
    // helper function + object.get
    `allowed := {"t2.micro", "t3.micro", "m5.large"}\n\ndeny contains msg if {\n\tsome r in input.resources\n\tr.type == "aws_instance"\n\tt := object.get(r.config, "instance_type", "")\n\tnot allowed[t]\n\tmsg := sprintf("%s uses %s (${i})", [r.address, t])\n}`,
  ];
  return `package bench.r${i}\n\n${kinds[i % kinds.length]}\n`;
}

function makeInput(n: number): unknown {
  const resources: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const type = ['aws_s3_bucket', 'aws_security_group', 'aws_instance'][i % 3];
    const config: Record<string, unknown> = { name: `res-${i}`, tags: { env: 'prod', owner: `team-${i % 7}` } };
    if (type === 'aws_s3_bucket') for (let k = 0; k < 50; k += 5) config[`versioning_${k}`] = i % 2 === 0;
    if (type === 'aws_security_group') config.ingress = [{ from_port: 22, to_port: 22, cidr_blocks: i % 4 === 0 ? ['0.0.0.0/0'] : ['10.0.0.0/8'] }, { from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }];
    if (type === 'aws_instance') config.instance_type = i % 5 === 0 ? 'x1.32xlarge' : 't3.micro';
    resources.push({ address: `${type}.r${i}`, type, name: i % 10 === 0 ? `tmp-${i % 50}-x` : `r${i}`, config });
  }
  return { format: 'terraform', resources };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

const modules = Array.from({ length: 50 }, (_, i) => ({ file: `r${i}.rego`, text: ruleModule(i) }));
const { policy, errors } = prepare(modules);
if (!policy) {
  console.error('pack failed to prepare:', errors.map((e) => `${e.file}:${e.row}: ${e.message}`).join('\n'));
  process.exit(1);
}
const input = fromJS(makeInput(1000));

function fullEvaluation(): number {
  let findings = 0;
  for (let i = 0; i < 50; i++) {
    const v = evalRule(policy!, `data.bench.r${i}.deny`, { input });
    if (v && typeof v === 'object' && 'size' in v) findings += (v as { size: number }).size;
  }
  return findings;
}

let findings = 0;
for (let i = 0; i < 3; i++) findings = fullEvaluation(); // warm-up
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  fullEvaluation();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`50-rule deny pack over 1,000 resources (${findings} findings): p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms per full evaluation`);

const single = prepare([{ file: 'one.rego', text: 'package one\n\ndeny contains msg if {\n\tinput.config.acl == "public-read"\n\tmsg := sprintf("%s is public", [input.address])\n}\n' }]);
const smallInput = fromJS({ address: 'aws_s3_bucket.b', config: { acl: 'public-read' } });
const n = 20000;
for (let i = 0; i < 2000; i++) evalRule(single.policy!, 'data.one.deny', { input: smallInput });
const t0 = performance.now();
for (let i = 0; i < n; i++) evalRule(single.policy!, 'data.one.deny', { input: smallInput });
const secs = (performance.now() - t0) / 1000;
console.log(`single-rule evaluation: ${(n / secs).toFixed(0)} evals/s`);
console.log(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
