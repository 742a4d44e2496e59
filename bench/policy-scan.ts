// Full scan of the real-terraform corpus with the built-in rule pack, the way `palisade scan` runs
// it: one disk snapshot, the pack loaded once, then every module directory (.tf files) of
// $PALISADE_CORPORA/real-terraform scanned as a unit through scanTerraformUnit.
// The pack is loaded with the build's parsed-pack artefact when there is one, as the CLI does.
// Reports wall time (pack load included), the front-end/policy split, findings, rule problems
// and RSS. Target: full scan ≤ 3 s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPackArtefact } from '../server/src/cli/scan-engine';
import { findModuleDirs } from '../server/src/iac/terraform';
import { loadPack, scanTerraformUnit } from '../server/src/policy';
import { DiskHost, toHostPath } from '../server/src/workspace/disk-host';
import { builtinPackDir, readPackFiles } from '../server/src/workspace/policy-files';

const TARGET_MS = 3000;

function peakRss(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const ms = (n: number) => `${n.toFixed(0)} ms`;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export async function run(): Promise<void> {
  const corpusDir = toHostPath(join(process.env.PALISADE_CORPORA ?? '/work/shared/corpora', 'real-terraform'));
  const packDir = builtinPackDir();
  if (!packDir) throw new Error('the built-in rule pack (policies/) was not found');

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  // The build's parsed-pack artefact (dist/builtin-pack.json), as `palisade scan` loads it.
  const parsed = builtinPackArtefact(packDir);
  const pack = loadPack(readPackFiles(packDir), { name: 'builtin', check: false, parsed });
  const packLoaded = performance.now();
  const packCpu = process.cpuUsage(cpuStart);
  const host = new DiskHost({ snapshot: true });
  const dirs = findModuleDirs(host, corpusDir);
  let frontEndMs = 0;
  let policyMs = 0;
  let findings = 0;
  let suppressed = 0;
  const ruleProblems = new Map<string, number>();
  const perUnit: { dir: string; ms: number }[] = [];
  for (const dir of dirs) {
    const unitStart = performance.now();
    const scan = await scanTerraformUnit(host, { dir, root: corpusDir, pack });
    perUnit.push({ dir, ms: performance.now() - unitStart });
    frontEndMs += scan.timing.frontEndMs;
    policyMs += scan.timing.policyMs;
    findings += scan.findings.filter((f) => !f.suppressed).length;
    suppressed += scan.findings.filter((f) => f.suppressed).length;
    for (const d of scan.diagnostics) ruleProblems.set(d.code, (ruleProblems.get(d.code) ?? 0) + 1);
  }
  const total = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);

  const slowest = perUnit.sort((a, b) => b.ms - a.ms).slice(0, 3);
  const lines = [
    `policy-scan: ${dirs.length} module directories of ${corpusDir}, ${pack.rules.length} rules`,
    `  full scan ${ms(total)} (target ≤ ${TARGET_MS} ms): pack load ${ms(packLoaded - started)} (${parsed ? `${parsed.reused} files from dist/builtin-pack.json` : 'no artefact: run `npm run build`'}), front end ${ms(frontEndMs)}, rules ${ms(policyMs)}, rest ${ms(total - (packLoaded - started) - frontEndMs - policyMs)}`,
    `  CPU time ${ms(cpuMs(cpu))} (pack load ${ms(cpuMs(packCpu))}); on a busy machine wall time exceeds CPU time by the wait for a core (see \`uptime\`)`,
    `  findings ${findings} (${suppressed} suppressed); rule problems: ${ruleProblems.size === 0 ? 'none' : [...ruleProblems].map(([code, n]) => `${code} ×${n}`).join(', ')}`,
    `  slowest units: ${slowest.map((u) => `${u.dir.slice(corpusDir.length + 1) || '.'} ${ms(u.ms)}`).join(', ')}`,
    `  RSS ${mb(process.memoryUsage().rss)} (peak ${mb(peakRss())}, heap used ${mb(process.memoryUsage().heapUsed)})`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  run().catch((err) => {
    process.stderr.write(`policy-scan: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
