// Text rendering of an accuracy report: a header with the mapping counts, one row per query
// (with the misses, false positives and fix failures under it when verbose), the overall figures,
// and the closing `N passed, M failed` line.
import { posix } from 'node:path';
import type { AccuracyReport, FixOutcome, QueryReport } from './measure';

export function formatReport(report: AccuracyReport, verbose: boolean): string {
  const out: string[] = [];
  const { pack } = report;
  out.push(
    `KICS corpus ${report.corpus}: ${report.totalQueries} queries${report.selectedQueries !== report.totalQueries ? ` (${report.selectedQueries} selected)` : ''}; ` +
      `${report.queries.length} mapped by the pack's references.kics`,
  );
  out.push(
    `rules: ${pack.rules} in the pack, ${pack.fixableRules} fixable (${pct(pack.fixableRules, pack.rules)}); ` +
      `${pack.mappedRules} mapped to a KICS query, ${pack.mappedFixableRules} of them fixable (${pct(pack.mappedFixableRules, pack.mappedRules)})`,
  );
  for (const p of pack.problems) out.push(`pack problem: ${p}`);
  // Rules name KICS queries of other corpora too (docs/heldout.md): one line, the list when verbose.
  if (report.unknownKicsIds.length > 0) {
    out.push(`note: ${report.unknownKicsIds.length} KICS id(s) that rules reference are not in this corpus${verbose ? ':' : ' (--verbose lists them)'}`);
    if (verbose) for (const u of report.unknownKicsIds) out.push(`  ${u.ruleId} references ${u.kicsId}`);
  }
  if (!report.fixLayer.available) out.push(`fix success: n/a (${report.fixLayer.note})`);
  const planSamples = report.queries.reduce((n, q) => n + q.planSamples.length, 0);
  if (planSamples > 0) out.push(`note: ${planSamples} Terraform plan/state JSON sample(s) scanned through scanTerraformPlan`);
  const configJsonSamples = report.queries.reduce((n, q) => n + (q.configJsonSamples?.length ?? 0), 0);
  if (configJsonSamples > 0) out.push(`note: ${configJsonSamples} Terraform JSON configuration sample(s) scanned as their module's configuration`);
  if (report.totals.unsupportedSamples > 0) {
    out.push(
      `note: ${report.totals.unsupportedSamples} sample(s) in a format no front end reads are not scanned; ` +
        `their ${report.totals.unsupportedLocations} expected location(s) count as misses`,
    );
  }
  out.push('');
  out.push(`${'status'.padEnd(6)}  ${'recall'.padEnd(14)}  ${'FP files'.padEnd(8)}  ${'fix'.padEnd(9)}  query (rules)`);
  for (const q of report.queries) {
    out.push(`${(q.passed ? 'PASS' : 'FAIL').padEnd(6)}  ${recallCell(q).padEnd(14)}  ${`${q.falsePositives.length}/${q.negativeSamples}`.padEnd(8)}  ${fixCell(q).padEnd(9)}  ${q.dir} (${q.rules.join(', ')})`);
    if (verbose) out.push(...details(q));
  }
  out.push('');
  const t = report.totals;
  out.push(`line-exact recall: ${t.hits}/${t.locations} expected locations (${pct(t.hits, t.locations)})${t.unsupportedLocations ? `, ${t.unsupportedLocations} of the misses in unsupported formats` : ''}`);
  out.push(`false-positive files: ${t.falsePositiveFiles} of ${t.negativeSamples} negative samples`);
  out.push(`fix success: ${totalFixText(t.fix, report)}`);
  out.push(`time: ${(report.elapsedMs / 1000).toFixed(1)} s`);
  out.push(`${report.passed} passed, ${report.failed} failed`);
  return out.join('\n') + '\n';
}

function recallCell(q: QueryReport): string {
  return `${`${q.hits}/${q.locations}`.padEnd(6)} ${pct(q.hits, q.locations).padStart(7)}`;
}

function fixCell(q: QueryReport): string {
  if (q.fix) return `${q.fix.fixedFiles}/${q.fix.attemptedFiles}`;
  return q.fixNote === 'no fixable mapped rule' ? '-' : 'n/a';
}

function totalFixText(fix: FixOutcome | null, report: AccuracyReport): string {
  if (!fix) return report.fixLayer.available ? 'no fixable findings' : 'n/a';
  const excused = fix.withoutHonestFix > 0 ? `; ${fix.withoutHonestFix} without an honest fix (listed in no-honest-fix.ts)` : '';
  return `${fix.fixedFiles}/${fix.attemptedFiles} positive samples (${pct(fix.fixedFiles, fix.attemptedFiles)}), ${fix.fixedFindings}/${fix.fixableFindings} findings${excused}`;
}

function details(q: QueryReport): string[] {
  const out: string[] = [];
  for (const m of q.misses) {
    const where = m.file ? posix.basename(m.file) : 'any positive file';
    const why = m.unsupported ? 'format not supported' : m.foundLines.length ? `found lines ${m.foundLines.join(', ')}` : 'nothing found';
    out.push(`        miss ${where}:${m.line} (${why})`);
  }
  for (const fp of q.falsePositives) {
    out.push(`        FP   ${posix.basename(fp.file)}: ${fp.findings.map((f) => `${f.ruleId} line ${f.line}`).join('; ')}`);
  }
  for (const f of q.fix?.failures ?? []) out.push(`        fix  ${posix.basename(f.file)}: ${f.reason}`);
  for (const s of q.unsupportedSamples) out.push(`        skip ${posix.basename(s)} (${q.unsupportedWhy[s] ?? 'format not supported'})`);
  for (const p of q.problems) out.push(`        problem ${p}`);
  return out;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 1)} %`;
}
