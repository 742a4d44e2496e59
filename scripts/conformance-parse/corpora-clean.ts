// Modules that must parse without error: every opa-fmt input/messy/expected file and every module of
// every opa-cases case, except the texts OPA 1.5.0 itself rejects (opa-fmt index.json `rejected`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RegoVersion } from '../../server/src/rego/syntax';

export interface CorpusModule {
  source: string;
  text: string;
  regoVersion: RegoVersion;
  /** OPA 1.5.0 rejects this text (keyword refs, string interpolation …). */
  rejectedByOpa: boolean;
}

interface FmtIndex {
  entries: { id: string; input: string; expected: string; messy: string | null; v0: boolean }[];
  rejected: { sha256: string; source: string; note: string; error: string }[];
}

export function fmtModules(fmtDir: string): CorpusModule[] {
  const index = JSON.parse(readFileSync(join(fmtDir, 'index.json'), 'utf8')) as FmtIndex;
  const out: CorpusModule[] = [];
  for (const e of index.entries) {
    for (const f of [e.input, e.messy, e.expected]) {
      if (!f) continue;
      out.push({ source: `opa-fmt/${f}`, text: readFileSync(join(fmtDir, f), 'utf8'), regoVersion: e.v0 ? 'v0' : 'v1', rejectedByOpa: false });
    }
  }
  return out;
}

export function rejectedHashes(fmtDir: string): Set<string> {
  const index = JSON.parse(readFileSync(join(fmtDir, 'index.json'), 'utf8')) as FmtIndex & { entries: { sha256: string }[] };
  return new Set(index.rejected.map((r) => r.sha256));
}

/** Texts OPA 1.5.0 only accepts as v0 (`package foo.contains.bar`): opa-fmt's `--v0-compatible` entries. */
export function v0OnlyHashes(fmtDir: string): Set<string> {
  const index = JSON.parse(readFileSync(join(fmtDir, 'index.json'), 'utf8')) as { entries: { sha256: string; v0: boolean }[] };
  return new Set(index.entries.filter((e) => e.v0).map((e) => e.sha256));
}

function yamlFiles(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) yamlFiles(p, acc);
    else if (name.name.endsWith('.yaml') || name.name.endsWith('.yml')) acc.push(p);
  }
  return acc.sort();
}

export function caseModules(casesDir: string, rejected: Set<string>, v0Only: Set<string>): CorpusModule[] {
  const out: CorpusModule[] = [];
  for (const file of yamlFiles(casesDir)) {
    const doc = parseYaml(readFileSync(file, 'utf8')) as { cases?: { note?: string; modules?: string[] }[] };
    for (const c of doc.cases ?? []) {
      (c.modules ?? []).forEach((text, i) => {
        const sha = createHash('sha256').update(text).digest('hex');
        out.push({ source: `${file.slice(casesDir.length + 1)} "${c.note}" #${i}`, text, regoVersion: v0Only.has(sha) ? 'v0' : 'v1', rejectedByOpa: rejected.has(sha) });
      });
    }
  }
  return out;
}
