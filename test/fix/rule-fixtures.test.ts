// The fix harness of the built-in pack: for every rule whose metadata says `fixable: true`,
// its fixtures/<rule>/invalid.tf is fixed with the preferred verified fixes (as `palisade fix`
// and "Fix all" do) and the result must parse and hold none of the findings a fix was offered
// for: the rule's own operations, or a preferred candidate of a fix provider (PAL-AWS-IAM-017's
// trust-policy fix is one), whatever produced it. A rule that says fixable but yields no verified
// fix fails here, with the reasons. Data-driven over whatever rules the pack holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyEdits, explainFixes, fixAllInFile, type FixContext } from '../../server/src/fix';
import { DEFAULT_PROVIDERS } from '../../server/src/fix/providers';
import { parseTerraform } from '../../server/src/iac/terraform';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type Finding, type RuleMetadata, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost } from '../policy/helpers';

const POLICIES = resolve(REPO_ROOT, 'policies');
const FILE = 'unit/main.tf';
const ABS = `/fixture/${FILE}`;

let packCache: RulePack | undefined;
function builtinPack(): RulePack {
  packCache ??= loadPack(readPackFiles(POLICIES), { name: 'builtin', check: false });
  return packCache;
}

/** policies/aws/s3/bucket_x.rego → policies/aws/s3/fixtures/bucket_x/invalid.tf */
function invalidFixture(rule: RuleMetadata): string {
  const rel = rule.file.replace(/\\/g, '/');
  const dir = rel.slice(0, rel.lastIndexOf('/'));
  const name = rel.slice(rel.lastIndexOf('/') + 1).replace(/\.rego$/, '');
  return resolve(POLICIES, dir, 'fixtures', name, 'invalid.tf');
}

async function scan(text: string) {
  const host = new MemoryHost({ [ABS]: text });
  const result = await scanTerraformUnit(host, { dir: '/fixture/unit', root: '/fixture', pack: builtinPack() });
  return { host, result };
}

const fixable = builtinPack().rules.filter((r) => r.fixable);

function contextOf(scanned: Awaited<ReturnType<typeof scan>>): FixContext {
  const { host, result } = scanned;
  return { host, root: '/fixture', dir: '/fixture/unit', pack: builtinPack(), config: DEFAULT_CONFIG, unitFindings: result.findings };
}

/** The rule's findings a fix is offered for: with rule operations, or a preferred provider candidate. */
async function offeredFor(rule: RuleMetadata, scanned: Awaited<ReturnType<typeof scan>>): Promise<Finding[]> {
  const context = contextOf(scanned);
  const out: Finding[] = [];
  for (const f of scanned.result.findings) {
    if (f.ruleId !== rule.id || f.suppressed) continue;
    if (f.fix && f.fix.length > 0) out.push(f);
    else {
      for (const provider of DEFAULT_PROVIDERS) {
        if ((await provider(f, context)).some((c) => c.preferred)) {
          out.push(f);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Rules whose fix the verification rejects today, with the reason. The test asserts that they
 * still fail this way, so when the cause is gone the entry must be removed (never a silent skip).
 */
const KNOWN_UNVERIFIED: Record<string, RegExp> = {
  // Empty since PAL-AWS-S3-008 declares `follows: [PAL-AWS-S3-005]`: enabling versioning reveals
  // the MFA-delete advisory instead of introducing it (docs/fixes.md, "Revealed findings").
};

test('the pack has fixable rules', () => {
  assert.ok(fixable.length > 0);
});

for (const rule of fixable) {
  test(`fix ${rule.id} (${rule.packagePath})`, async () => {
    const path = invalidFixture(rule);
    assert.ok(existsSync(path), `${rule.id} says fixable but has no ${path}`);
    let text = readFileSync(path, 'utf8');
    const offered = await offeredFor(rule, await scan(text));
    assert.ok(offered.length > 0, `${rule.id} says fixable but none of its findings in invalid.tf carries fix operations or a preferred provider fix`);
    // Rounds, like `palisade fix`: fixes that overlap one another land in a later round.
    const known = KNOWN_UNVERIFIED[rule.id];
    let knownFailure = false;
    for (let round = 0; round < 3 && !knownFailure; round++) {
      const scanned = await scan(text);
      const mine = await offeredFor(rule, scanned);
      if (mine.length === 0) break;
      const context = contextOf(scanned);
      const all = await fixAllInFile(FILE, mine, context);
      if (all.edits.length === 0) {
        const reasons = await Promise.all(mine.map(async (f) => `${f.resource} ${JSON.stringify(f.path)}: ${(await explainFixes(f, context)).rejected.map((r) => r.reason).join('; ')}`));
        if (known && reasons.every((r) => known.test(r))) knownFailure = true;
        else assert.fail(`${rule.id}: no verified fix\n  ${reasons.join('\n  ')}`);
      }
      text = applyEdits(text, all.edits);
    }
    if (known) assert.ok(knownFailure, `${rule.id} is fixed now: remove it from KNOWN_UNVERIFIED`);
    const errors = parseTerraform(text, ABS).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((e) => e.message), [], 'the fixed file parses');
    if (knownFailure) return;
    const left = await offeredFor(rule, await scan(text));
    assert.deepEqual(left.map((f) => `${f.resource} ${JSON.stringify(f.path)}`), [], `${rule.id} findings left after fixing:\n${text}`);
  });
}
