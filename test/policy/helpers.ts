// Shared helpers for the policy tests: an in-memory FileHost, small rule modules, and a one-call
// scan of Terraform text through the same entry point the surfaces use.
import { join } from 'node:path';
import type { FileHost } from '../../server/src/iac/model';
import { loadPack, scanTerraformUnit, type PalisadeConfig, type RulePack, type UnitScan } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';

export class MemoryHost implements FileHost {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }

  listDir(path: string): string[] | undefined {
    const prefix = path.endsWith('/') ? path : path + '/';
    const names = new Set<string>();
    for (const p of this.files.keys()) {
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return names.size > 0 ? [...names] : undefined;
  }
}

export interface RuleSpec {
  id?: string;
  severity?: string;
  pkg: string;
  body: string;
  resourceTypes?: string[];
  references?: string;
  extraCustom?: string;
}

/** A rule module with package METADATA; `body` is Rego v1 rules (imports allowed at its top). */
export function ruleModule(spec: RuleSpec): string {
  const lines = [
    '# METADATA',
    `# title: Title of ${spec.pkg}`,
    '# description: What is wrong.',
    '# related_resources:',
    '#   - ref: https://docs.example.com/rule',
    '# custom:',
  ];
  if (spec.id !== undefined) lines.push(`#   id: ${spec.id}`);
  lines.push(`#   severity: ${spec.severity ?? 'high'}`, '#   formats: [terraform]');
  if (spec.resourceTypes) lines.push(`#   resource_types: [${spec.resourceTypes.join(', ')}]`);
  if (spec.references) lines.push('#   references:', ...spec.references.split('\n').map((l) => `#     ${l}`));
  if (spec.extraCustom) lines.push(...spec.extraCustom.split('\n').map((l) => `#   ${l}`));
  lines.push('#   remediation: Do the right thing.', `package ${spec.pkg}`, '', spec.body, '');
  return lines.join('\n');
}

export function packOf(...modules: { path: string; text: string }[]): RulePack {
  return loadPack(modules, { name: 'test' });
}

/** Scans `files` (paths relative to /ws/mod) as one unit with root /ws. */
export async function scanFiles(pack: RulePack, files: Record<string, string>, config?: PalisadeConfig, extra: Partial<Parameters<typeof scanTerraformUnit>[1]> = {}): Promise<UnitScan & { host: MemoryHost }> {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [p.startsWith('/') ? p : `/ws/mod/${p}`, t])));
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, config, ...extra });
  return { ...scan, host };
}

/** The text a finding's range covers. */
export function textAt(host: MemoryHost, range: { file: string; start: number; end: number }): string {
  return (host.readFile(`/ws/${range.file}`) ?? '').slice(range.start, range.end);
}

let builtin: RulePack | undefined;
/** The built-in pack from policies/, loaded once per test file (its compile checks are the pack tests'). */
export function builtinPack(): RulePack {
  builtin ??= loadPack(readPackFiles(join(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  return builtin;
}

/**
 * An Amazon MQ broker with both log types off (PAL-AWS-MQ-002 reports both parts), after the given
 * comment lines: the per-part peer suppression tests of the CLI and the language server share it.
 */
export function mqBrokerLogsOff(comments: string[]): string {
  return [
    ...comments,
    'resource "aws_mq_broker" "b" {',
    '  broker_name        = "b"',
    '  engine_type        = "ActiveMQ"',
    '  engine_version     = "5.17.6"',
    '  host_instance_type = "mq.t3.micro"',
    '  logs {',
    '    general = false',
    '    audit   = false',
    '  }',
    '}',
    '',
  ].join('\n');
}
