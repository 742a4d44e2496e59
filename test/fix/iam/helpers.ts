// Shared setup for the least-privilege fix tests: a pack of the policy library plus the IAM and
// security-group rules whose findings these providers fix, and a scanned in-memory unit.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FixContext } from '../../../server/src/fix';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type Finding, type PalisadeConfig, type RulePack } from '../../../server/src/policy';
import { REPO_ROOT } from '../../helpers/corpora';
import { MemoryHost } from '../../policy/helpers';

const RULES = [
  'aws/iam/policy_wildcard_resource.rego',
  'aws/iam/policy_service_wildcard.rego',
  'aws/iam/policy_passrole_wildcard.rego',
  'aws/vpc/sg_ingress_public_ssh.rego',
];

let pack: RulePack | undefined;

/** The library and the rules above, loaded once. */
export function fixPack(): RulePack {
  if (!pack) {
    const root = resolve(REPO_ROOT, 'policies');
    const lib = readdirSync(join(root, 'lib')).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego')).map((f) => `lib/${f}`);
    pack = loadPack([...lib, ...RULES].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })), { name: 'fix-test' });
  }
  return pack;
}

export interface Unit {
  host: MemoryHost;
  context: FixContext;
  findings: Finding[];
}

/** Files relative to the module directory /ws/mod (root /ws). */
export async function scanUnit(files: Record<string, string>, config: PalisadeConfig = DEFAULT_CONFIG): Promise<Unit> {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/ws/mod/${p}`, t])));
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack: fixPack(), config };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: fixPack(), config });
  return { host, context, findings: scan.findings.filter((f) => !f.suppressed) };
}

export function configWith(trustedCidrs: string[]): PalisadeConfig {
  return { ...DEFAULT_CONFIG, fix: { trustedCidrs } };
}
