// Corpus test: every .tf file of the real-world and KICS corpora parses without a diagnostic,
// without throwing, and with every node's span inside the file and inside its parent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpus } from '../../helpers/corpora';
import { parseTerraform } from '../../../server/src/iac/terraform/parser';
import { spanProblems } from '../../../server/src/iac/terraform/parser-dump';

/**
 * KICS samples that are not valid HCL, with the reason. Empty today: every sample at the pinned
 * commit parses; add an entry here (never a blanket skip) if a genuinely invalid sample appears.
 */
const KNOWN_INVALID: Record<string, string> = {};

function collectTf(dir: string, acc: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collectTf(p, acc);
    else if (name.endsWith('.tf')) acc.push(p);
  }
  return acc;
}

for (const [name, minFiles] of [
  ['real-terraform', 900],
  ['kics-terraform-aws', 700],
] as const) {
  const dir = corpus(name);
  test(`every .tf file in ${name} parses cleanly`, { skip: dir ? false : 'corpora not available' }, () => {
    const files = collectTf(dir as string, []);
    assert.ok(files.length >= minFiles, `expected at least ${minFiles} .tf files in ${dir}, found ${files.length}`);
    const failures: string[] = [];
    for (const path of files) {
      const rel = relative(dir as string, path);
      const text = readFileSync(path, 'utf8');
      const file = parseTerraform(text, path);
      const problems = spanProblems(file);
      if (problems.length > 0) failures.push(`${rel}: ${problems[0]}`);
      if (rel in KNOWN_INVALID) {
        if (file.diagnostics.length === 0) failures.push(`${rel}: listed as invalid (${KNOWN_INVALID[rel]}) but parses cleanly`);
        continue;
      }
      for (const d of file.diagnostics.slice(0, 2)) {
        const line = text.slice(0, d.start).split('\n').length;
        failures.push(`${rel}:${line}: ${d.message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
