// The last few analysis results per FileHost, reused when every file text and directory listing
// the analysis read is still the same. One CLI unit is analysed by the scan, again to compute the
// fix layer's before-state and again by IAM fix providers; an editor pulls diagnostics for several
// files of one unchanged unit. Evaluation is deterministic in what it reads, so an unchanged
// read set gives an identical result. Results are shared, so callers must not mutate them.
import type { FileHost } from '../../model';
import type { TerraformUnitOptions, TerraformUnitResult } from '../api';

/** Results kept per host: a CLI run scans units one after another, an editor a few at a time. */
const ENTRIES_PER_HOST = 4;

interface Entry {
  key: string;
  result: TerraformUnitResult;
  texts: Map<string, string | undefined>;
  listings: Map<string, string[] | undefined>;
}

const byHost = new WeakMap<FileHost, Entry[]>();

/** Records every read, so a result can later be checked against the host. */
export class RecordingHost implements FileHost {
  readonly texts = new Map<string, string | undefined>();
  readonly listings = new Map<string, string[] | undefined>();

  constructor(private readonly host: FileHost) {}

  readFile(path: string): string | undefined {
    const text = this.host.readFile(path);
    if (!this.texts.has(path)) this.texts.set(path, text);
    return text;
  }

  listDir(path: string): string[] | undefined {
    const names = this.host.listDir(path);
    if (!this.listings.has(path)) this.listings.set(path, names?.slice());
    return names;
  }
}

function keyOf(options: TerraformUnitOptions): string {
  return JSON.stringify([options.dir, options.root, options.varFiles ?? []]);
}

/** A cached result for these options whose reads the host still answers the same way. */
export function cachedAnalysis(host: FileHost, options: TerraformUnitOptions): TerraformUnitResult | undefined {
  const entries = byHost.get(host);
  if (!entries) return undefined;
  const key = keyOf(options);
  const at = entries.findIndex((e) => e.key === key);
  if (at < 0) return undefined;
  const entry = entries[at];
  if (!unchanged(host, entry)) {
    entries.splice(at, 1);
    return undefined;
  }
  return entry.result;
}

export function rememberAnalysis(host: FileHost, options: TerraformUnitOptions, result: TerraformUnitResult, reads: RecordingHost): void {
  if (result.cancelled) return;
  let entries = byHost.get(host);
  if (!entries) byHost.set(host, (entries = []));
  const key = keyOf(options);
  const at = entries.findIndex((e) => e.key === key);
  if (at >= 0) entries.splice(at, 1);
  entries.push({ key, result, texts: reads.texts, listings: reads.listings });
  if (entries.length > ENTRIES_PER_HOST) entries.shift();
}

function unchanged(host: FileHost, entry: Entry): boolean {
  for (const [path, text] of entry.texts) if (host.readFile(path) !== text) return false;
  for (const [path, names] of entry.listings) {
    const now = host.listDir(path);
    if (now === undefined || names === undefined ? now !== names : !sameNames(now, names)) return false;
  }
  return true;
}

function sameNames(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
