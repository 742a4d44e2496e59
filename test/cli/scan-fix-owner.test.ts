// A module scanned through several callers reports each finding once: the report keeps the first
// unit's (unit order). UnitScanner verifies fixes only where that unit can be the one kept, and the
// report must not change for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinPack, reportKeyOf, UnitScanner, type ScanSettings, type UnitOutcome } from '../../server/src/cli/scan-engine';
import { buildReport } from '../../server/src/cli/scan-report';
import { DiskHost } from '../../server/src/workspace/disk-host';

const MODULE = `variable "size" {
  type    = number
  default = 8
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = var.size
  encrypted         = false
}
`;
const caller = (size: number) => `module "disk" {
  source = "../mod"
  size   = ${size}
}
`;

/** Three units in unit order: two callers of ../mod, then mod itself. */
function tree(): { root: string; dirs: string[]; done: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'palisade-owner-')).split('\\').join('/');
  for (const [dir, text] of [['a', caller(10)], ['b', caller(20)], ['mod', MODULE]] as const) {
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, 'main.tf'), text);
  }
  return { root, dirs: ['a', 'b', 'mod'].map((d) => `${root}/${d}`), done: () => rmSync(root, { recursive: true, force: true }) };
}

function settingsFor(cwd: string): ScanSettings {
  return { cwd, varFiles: [], rules: ['PAL-AWS-EC2-004'], skipRules: [], verifyFixes: true, gitignore: false, gitignoreScope: { roots: [cwd], exempt: [] } };
}

async function scanAll(cwd: string, dirs: string[], scanOrder: number[], withOrder: boolean): Promise<UnitOutcome[]> {
  const { pack } = loadBuiltinPack();
  assert.ok(pack);
  const scanner = new UnitScanner(pack, settingsFor(cwd), new DiskHost({ snapshot: true }));
  const outcomes: UnitOutcome[] = new Array(dirs.length);
  for (const i of scanOrder) outcomes[i] = await scanner.scan(dirs[i], withOrder ? i : undefined);
  return outcomes;
}

function report(cwd: string, outcomes: UnitOutcome[]) {
  const { pack, packDir } = loadBuiltinPack();
  const built = buildReport({ outcomes, rules: pack!.rules, packDiagnostics: [], packDir: packDir!, cwd, host: new DiskHost(), fixesVerified: true, version: 'test' });
  return { ...built, timing: undefined };
}

test('fixes are verified once, by the first unit in unit order that reports the finding', async () => {
  const t = tree();
  try {
    const outcomes = await scanAll(t.root, t.dirs, [0, 1, 2], true);
    const keys = outcomes.map((o) => o.findings.filter((f) => f.ruleId === 'PAL-AWS-EC2-004').map(reportKeyOf));
    assert.equal(keys[0].length, 1, 'the first caller reports the unencrypted volume');
    assert.deepEqual(keys[1], keys[0], 'the second caller reports the same finding');
    assert.deepEqual(keys[2], keys[0], 'the module scanned alone too');
    const fixed = outcomes.map((o) => o.findings.filter((f) => (o.fixes[f.fingerprint] ?? []).length > 0).length);
    assert.deepEqual(fixed, [1, 0, 0]);
  } finally {
    t.done();
  }
});

test('a later unit scanned first still verifies: the report is the same in any scan order', async () => {
  const t = tree();
  try {
    const everything = report(t.root, await scanAll(t.root, t.dirs, [0, 1, 2], false));
    assert.equal(everything.findings.length, 1);
    assert.ok(everything.findings[0].fixes.length > 0, 'the finding has a verified fix');
    for (const scanOrder of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      const outcomes = await scanAll(t.root, t.dirs, scanOrder, true);
      assert.deepEqual(report(t.root, outcomes), everything, `scan order ${scanOrder.join(',')}`);
    }
    // Scanned last, the owner still verifies although later units reported the key before it.
    const reversed = await scanAll(t.root, t.dirs, [2, 1, 0], true);
    assert.ok(reversed[0].findings.every((f) => (reversed[0].fixes[f.fingerprint] ?? []).length > 0));
  } finally {
    t.done();
  }
});
