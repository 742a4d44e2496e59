// A FileHost that shows one KICS sample as a Terraform unit of its own: the sample's folder lists
// the sample and the query's other fixtures (.pem files, terraform.tfvars) but not its sibling
// samples, which KICS scans separately too. Texts are read once and kept in memory.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { FileHost } from '../../server/src/iac/model';

export class CorpusTexts {
  private readonly texts = new Map<string, string | undefined>();

  /** `root`: absolute, `/`-separated corpus folder. */
  constructor(readonly root: string) {}

  /** Text of a corpus-relative path, or undefined when it cannot be read. */
  text(relative: string): string | undefined {
    if (!this.texts.has(relative)) {
      let text: string | undefined;
      try {
        text = readFileSync(posix.join(this.root, relative), 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(relative, text);
    }
    return this.texts.get(relative);
  }
}

export class SampleHost implements FileHost {
  /** Absolute path → text, for the sample and the fixtures beside it. */
  private readonly files = new Map<string, string>();
  private readonly dirEntries = new Map<string, Set<string>>();

  /**
   * @param sample corpus-relative path of the sample
   * @param fixtures corpus-relative paths of the query's other files
   * @param overrides corpus-relative path → text (an edited sample when checking a fix)
   */
  constructor(texts: CorpusTexts, sample: string, fixtures: string[], overrides: Map<string, string> = new Map()) {
    for (const relative of [sample, ...fixtures]) {
      const text = overrides.get(relative) ?? texts.text(relative);
      if (text === undefined) continue;
      const absolute = posix.join(texts.root, relative);
      this.files.set(absolute, text);
      this.addEntry(absolute);
    }
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }

  listDir(path: string): string[] | undefined {
    const entries = this.dirEntries.get(path.replace(/\/+$/, '') || '/');
    return entries ? [...entries] : undefined;
  }

  /** Registers the file under its folder and every folder above it, so upward searches work. */
  private addEntry(absolute: string): void {
    let child = absolute;
    let dir = posix.dirname(absolute);
    for (;;) {
      const set = this.dirEntries.get(dir) ?? new Set<string>();
      set.add(posix.basename(child));
      this.dirEntries.set(dir, set);
      if (dir === '/' || posix.dirname(dir) === dir) break;
      child = dir;
      dir = posix.dirname(dir);
    }
  }
}
