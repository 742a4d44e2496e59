import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

// The policy layer may skip a rule in a unit that holds none of its resource_types, so a rule that
// judges opaque registry calls must name `module:terraform-aws-modules/<name>/aws` there: without
// it the rule's own unit tests pass (they call the rule directly) while a scan of a unit whose only
// security groups are module calls never runs it (PAL-AWS-VPC-006 did that until session 14).
function ruleFiles(): { path: string; text: string }[] {
  const root = join(REPO_ROOT, 'policies', 'aws');
  const out: { path: string; text: string }[] = [];
  for (const service of readdirSync(root)) {
    let names: string[];
    try {
      names = readdirSync(join(root, service));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.rego') || name.endsWith('_test.rego')) continue;
      const path = join(root, service, name);
      out.push({ path, text: readFileSync(path, 'utf8') });
    }
  }
  return out;
}

/** The METADATA comment block: everything before the package line. */
function metadataOf(text: string): string {
  return text.split(/^package /m)[0];
}

test('rules that read opaque registry calls list the module among their resource_types', () => {
  const missing: string[] = [];
  for (const { path, text } of ruleFiles()) {
    const needed = new Set<string>();
    for (const m of text.matchAll(/modules\.opaque_calls\("([^"]+)"\)/g)) needed.add(m[1]);
    // lib/sg's rule lists include the security-group module's rule arguments.
    if (/import data\.palisade\.lib\.sg\b/.test(text) && /\bsg\.(rules|public_ingress|public_egress|public_cidrs)\b/.test(text)) {
      needed.add('security-group');
    }
    // lib/iam's identity documents include terraform-aws-modules/iam's iam-policy calls (session 24).
    const identityDocs = /\biam\.identity_(statements|policies)\b/.test(text);
    const meta = metadataOf(text);
    if (identityDocs && !meta.includes('module:terraform-aws-modules/iam/aws//modules/iam-policy')) {
      missing.push(`${path}: iam//modules/iam-policy`);
    }
    for (const name of needed) {
      if (!meta.includes(`module:terraform-aws-modules/${name}/aws`)) missing.push(`${path}: ${name}`);
    }
  }
  assert.deepEqual(missing, []);
});
