// The workspace the e2e suites open: the bundled example (examples/terraform-basic, the same the
// walkthrough opens) with the e2e-only files of test/e2e/workspace laid over it.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/corpora';

const LAYERS = [join(REPO_ROOT, 'examples'), join(REPO_ROOT, 'test', 'e2e', 'workspace')];

export function copyWorkspace(target: string): void {
  for (const layer of LAYERS) cpSync(layer, target, { recursive: true });
}

/** The text a workspace file had when the run started (the top-most layer holding it). */
export function pristinePath(relative: string): string {
  for (const layer of [...LAYERS].reverse()) {
    const candidate = join(layer, relative);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${relative} is in no e2e workspace layer`);
}
