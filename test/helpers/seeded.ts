// Small shared helpers of the randomised (differential) tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic pseudo-random numbers in [0, 1) (a fixed LCG), so a failure reproduces from its seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every `.rego` file under `dir` (recursively), as full paths in sorted order. */
export function regoFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...regoFilesUnder(join(dir, e.name)));
    else if (e.name.endsWith('.rego')) out.push(join(dir, e.name));
  }
  return out.sort();
}
