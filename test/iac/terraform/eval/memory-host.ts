// An in-memory FileHost for evaluator tests: files given as { "/abs/path": "text" }.
import type { FileHost } from '../../../../server/src/iac/model';
import { analyzeTerraformModule } from '../../../../server/src/iac/terraform';
import type { TerraformUnitOptions, TerraformUnitResult } from '../../../../server/src/iac/terraform/api';

export class MemoryHost implements FileHost {
  readonly reads: string[] = [];
  constructor(private readonly files: Record<string, string>) {}

  readFile(path: string): string | undefined {
    this.reads.push(path);
    return this.files[path];
  }

  listDir(path: string): string[] | undefined {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = new Set<string>();
    for (const p of Object.keys(this.files)) {
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return names.size > 0 ? [...names] : undefined;
  }
}

/** Analyse `/ws` built from files relative to it (`{"main.tf": "…"}`). */
export function analyze(files: Record<string, string>, options: Partial<TerraformUnitOptions> = {}): TerraformUnitResult {
  const abs: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) abs[`/ws/${k}`] = v;
  return analyzeTerraformModule(new MemoryHost(abs), { dir: '/ws', root: '/ws', ...options });
}

/** Offset of the `nth` occurrence of `needle` in `text` (throws when absent, so tests fail loudly). */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return at;
}
