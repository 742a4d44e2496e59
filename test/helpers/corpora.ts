// Locates the optional third-party corpora (../shared/corpora or $PALISADE_CORPORA).
// A test that needs them fails loudly when they are missing; set PALISADE_SKIP_CORPORA=1 to
// skip those tests visibly instead (the runner's summary then counts them as skipped).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Compiled tests run from out/test/helpers (three levels below the root); `npx tsx --test` runs
// them from test/helpers (two levels).
export const REPO_ROOT = existsSync(resolve(__dirname, '..', '..', 'package.json'))
  ? resolve(__dirname, '..', '..')
  : resolve(__dirname, '..', '..', '..');

export function corporaDir(): string {
  return process.env.PALISADE_CORPORA ?? resolve(REPO_ROOT, '..', 'shared', 'corpora');
}

/** Path of one corpus, or throws with a clear message. Returns undefined only when skipping is requested. */
export function corpus(name: string): string | undefined {
  const dir = resolve(corporaDir(), name);
  if (existsSync(dir)) return dir;
  if (process.env.PALISADE_SKIP_CORPORA === '1') return undefined;
  throw new Error(
    `corpus '${name}' not found at ${dir}; set PALISADE_CORPORA to the corpora folder ` +
      `(or PALISADE_SKIP_CORPORA=1 to skip corpus tests)`,
  );
}
