// Temporary folders for tests that are removed when the test process exits (node --test runs each
// test file in its own process), so repeated runs do not fill the temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

/** A new empty folder under the OS temp directory, named `<prefix>XXXXXX`, gone after the process. */
export function tempDirRemovedAtExit(prefix: string): string {
  if (created.length === 0) process.once('exit', removeAll);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function removeAll(): void {
  for (const dir of created) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder still in use (Windows) is left behind: cleanup must never fail a test run.
    }
  }
}
