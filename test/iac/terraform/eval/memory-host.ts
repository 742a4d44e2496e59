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

/** A new host holding files relative to `/ws` (results are cached per host: a new one always evaluates). */
export function wsHost(files: Record<string, string>): MemoryHost {
  const abs: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) abs[`/ws/${k}`] = v;
  return new MemoryHost(abs);
}

/** Analyse `/ws` built from files relative to it (`{"main.tf": "…"}`). */
export function analyze(files: Record<string, string>, options: Partial<TerraformUnitOptions> = {}): TerraformUnitResult {
  return analyzeTerraformModule(wsHost(files), { dir: '/ws', root: '/ws', ...options });
}

/** What two analyses of the same files must agree on: model, source maps and diagnostics (in any order). */
export function comparable(r: TerraformUnitResult) {
  return { model: r.model, sourceMaps: [...r.sourceMaps.entries()], diagnostics: r.diagnostics.map((d) => JSON.stringify(d)).sort() };
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
