// The data documents of a workspace folder for the editor's test runs and "Evaluate", loaded as
// `palisade test <root>…` loads them (rego layer `data-documents.ts`): every .json/.yaml/.yml file
// under each data root, placed under `data` by its directory relative to that root. The roots are
// Regal's `project.roots` when the folder's `.regal/config.yaml` (or `.regal.yaml`) names them —
// the directories CI passes to `palisade test` — else the folder itself, as `opa test <folder>`
// would (a repository's package.json then counts as data, as it does for OPA). Open buffers win
// over disk, so an unsaved data.json counts. The folder is listed and its files read on every load
// (JSON/YAML files are not watched, so a cached listing could go stale), but a file is parsed again
// only when its text changed, and the merge is redone only when a parse changed.
import type { FileHost } from '../iac/model';
import { dataDocumentPrefix, isDataDocumentPath, mergeDataDocuments, parseDataDocument, type DataDocument, type RegoValue } from '../rego/index';
import { loadConfig } from '../lint/index';
import { isInside, joinPath } from './paths';
import { findLintConfig } from './rego-analysis';

/** Bounds on the walk, so a huge folder cannot stall a test run. */
const MAX_DIRS = 2000;
const MAX_ENTRIES = 50_000;
const MAX_DATA_FILES = 1000;
/** Never data for policies, and often huge. Hidden names are skipped as `palisade test` skips them. */
const SKIPPED_DIRS = new Set(['node_modules']);

export interface DataDocumentsHost {
  /** The text of an open buffer. */
  bufferText(path: string): string | undefined;
  /** Disk, read fresh (data files are not watched, so a cached read could be stale). */
  disk: FileHost;
  openPaths(): Iterable<string>;
}

export interface DataProblem {
  /** Absolute path of the data document. */
  path: string;
  /** `config/data.json: …`, the file relative to the folder. */
  message: string;
}

export interface FolderData {
  data: RegoValue;
  /** Data documents that do not parse or do not merge: runs and evaluations in the folder error with them. */
  problems: DataProblem[];
  /** The data documents found (absolute paths) and where each goes under `data`. */
  documents: { path: string; prefix: string[] }[];
}

export class FolderDataDocuments {
  /** Per absolute path, the last parse and the text it came from. */
  private readonly parsed = new Map<string, { text: string; dataRoot: string; doc: DataDocument }>();
  /** Per folder, the last merge and the parses it came from. */
  private readonly merged = new Map<string, { docs: DataDocument[]; result: FolderData }>();
  /** Parses done so far (for tests: unchanged files are not parsed again). */
  parses = 0;

  constructor(private readonly host: DataDocumentsHost) {}

  load(root: string): FolderData {
    const open = new Set(this.host.openPaths());
    const docs: DataDocument[] = [];
    const seen = new Set<string>();
    for (const dataRoot of this.dataRoots(root)) {
      for (const path of this.listFiles(dataRoot, open)) {
        const text = open.has(path) ? this.host.bufferText(path) : this.host.disk.readFile(path);
        if (text === undefined || seen.has(path)) continue;
        seen.add(path);
        docs.push(this.parse(path, text, root, dataRoot));
      }
    }
    for (const path of [...this.parsed.keys()]) if (isInside(path, root) && !seen.has(path)) this.parsed.delete(path);
    const last = this.merged.get(root);
    if (last && last.docs.length === docs.length && last.docs.every((d, i) => d === docs[i])) return last.result;
    const merged = mergeDataDocuments(docs);
    const result: FolderData = {
      data: merged.data,
      problems: merged.problems.map((p) => ({ path: joinPath(root, p.path), message: `${p.path}: ${p.message}` })),
      documents: docs.map((d) => ({ path: joinPath(root, d.path), prefix: d.prefix })),
    };
    this.merged.set(root, { docs, result });
    return result;
  }

  /** Regal's `project.roots` of the folder's config (inside the folder), else the folder. */
  private dataRoots(folder: string): string[] {
    const found = findLintConfig(this.host.disk, folder, folder);
    const roots = found ? loadConfig(found.text).config.roots : [];
    const inside = roots
      .map((r) => joinPath(found!.projectRoot, r.replace(/^\.\/?/, '').replace(/\/+$/, '')))
      .filter((r) => r === folder || isInside(r, folder));
    return inside.length > 0 ? [...new Set(inside)] : [folder];
  }

  /** `path` relative to the folder names it in messages; its place under `data` is relative to its data root. */
  private parse(path: string, text: string, folder: string, dataRoot: string): DataDocument {
    const hit = this.parsed.get(path);
    if (hit && hit.text === text && hit.dataRoot === dataRoot) return hit.doc;
    this.parses++;
    const relative = path.slice(folder.length).replace(/^\/+/, '');
    const doc = parseDataDocument(relative, text, dataDocumentPrefix(path, dataRoot));
    this.parsed.set(path, { text, dataRoot, doc });
    return doc;
  }

  /** Data documents under `root`, sorted as `palisade test` walks (names sorted, depth first), open buffers included. */
  private listFiles(root: string, open: ReadonlySet<string>): string[] {
    const out: string[] = [];
    let dirs = 0;
    let entries = 0;
    const visit = (dir: string): void => {
      if (dirs >= MAX_DIRS || entries >= MAX_ENTRIES || out.length >= MAX_DATA_FILES) return;
      // Names are all a host gives: listing a file yields nothing.
      const names = this.host.disk.listDir(dir);
      if (!names) return;
      dirs++;
      for (const name of [...names].sort()) {
        if (name.startsWith('.') || out.length >= MAX_DATA_FILES || ++entries > MAX_ENTRIES) continue;
        const path = joinPath(dir, name);
        if (isDataDocumentPath(name) && (open.has(path) || this.host.disk.listDir(path) === undefined)) out.push(path);
        else if (!SKIPPED_DIRS.has(name)) visit(path);
      }
    };
    visit(root);
    const found = new Set(out);
    for (const path of open) {
      if (found.has(path) || !isDataDocumentPath(path) || !isInside(path, root) || path === root) continue;
      const rel = path.slice(root.length + 1);
      if (rel.split('/').some((part) => part.startsWith('.') || SKIPPED_DIRS.has(part))) continue;
      out.push(path);
    }
    return out.sort(walkOrder);
  }
}

/** Depth-first order of a sorted walk: compare path segment by segment. */
function walkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return pa.length - pb.length;
}

/** One message for a folder's data problems (each names its file). */
export function dataProblemsMessage(problems: readonly DataProblem[]): string {
  return problems.map((p) => p.message).join('\n');
}
