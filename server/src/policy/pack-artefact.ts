// A prepared form of a rule pack: every policy file's parsed module (METADATA already decoded),
// keyed by path and a digest of the text it was parsed from. `npm run build` writes the built-in
// pack's artefact (dist/builtin-pack.json, scripts/build.mjs); loadPack reuses a module only when
// the file's text still hashes to the recorded digest, so an edited rule is parsed afresh and a
// stale artefact can cost time but never change a result.
//
// The text is read by every scan thread, which needs all modules' package and METADATA but the
// rules of only the modules its units evaluate. So it is a header line (JSON: per file its digest,
// package, annotations, the outline of its rules and where its body is) followed by one line per
// module body (JSON: imports, rules, comments), parsed when something first reads them. The header
// also records whether the whole pack compiled cleanly, which lets loadPack compile lazily.
import { createHash } from 'node:crypto';
import { parseModule, ruleOutlines, type Module, type RuleOutline } from '../rego';
import { isPolicyFile, loadPack } from './pack';

/** Bumped whenever the artefact's shape or the parser's output shape changes. */
export const PACK_ARTEFACT_FORMAT = 'palisade-parsed-pack/2';

/** File name of the built-in pack's artefact in dist/ (written by scripts/build.mjs). */
export const BUILTIN_PACK_ARTEFACT = 'builtin-pack.json';

/** The parts of a module every load reads (package METADATA → rule metadata; package → rule tree). */
type ModuleHead = Pick<Module, 'package' | 'annotations' | 'regoVersion' | 'loc'>;
/** The parts only compiling the module's rules reads. */
type ModuleBody = Pick<Module, 'imports' | 'rules' | 'comments'>;
const BODY_KEYS = ['imports', 'rules', 'comments'] as const;

export interface PackArtefactFile {
  path: string;
  /** sha256 (hex) of the text the module was parsed from. */
  digest: string;
  /** The `regoVersion` the file was parsed with (absent: the parser's default). */
  regoVersion?: 'v0' | 'v1';
  /** The parsed module; its body (imports, rules, comments) is decoded on first read. */
  module: Module;
  outline: RuleOutline[];
}

export interface PackArtefact {
  format: typeof PACK_ARTEFACT_FORMAT;
  /** Every file parsed, passed loadPack's metadata checks and compiled without an issue (checks off), as one pack. */
  compiles: boolean;
  files: PackArtefactFile[];
}

interface HeaderFile {
  path: string;
  digest: string;
  regoVersion?: 'v0' | 'v1';
  head: ModuleHead;
  outline: RuleOutline[];
  /** [start, end) of the body's JSON in the text after the header line. */
  body: [number, number];
}

interface Header {
  format: typeof PACK_ARTEFACT_FORMAT;
  compiles: boolean;
  files: HeaderFile[];
  /** Length of the text after the header line (a truncated artefact is refused). */
  bodiesLength: number;
}

interface ArtefactInput {
  path: string;
  text: string;
  regoVersion?: 'v0' | 'v1';
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The artefact text of the given policy files; files that do not parse cleanly are left out
 * (loadPack reports them). ASCII only: Node reads such text faster, and the offsets hold as written.
 */
export function writePackArtefact(files: ArtefactInput[]): string {
  const headerFiles: HeaderFile[] = [];
  const bodies: string[] = [];
  let offset = 0;
  for (const file of files) {
    const parsed = parseModule(file.text, { file: file.path, ...(file.regoVersion ? { regoVersion: file.regoVersion } : {}) });
    if (!parsed.module || parsed.errors.length > 0) continue;
    const { imports, rules, comments, ...head } = parsed.module;
    const body = asciiJson({ imports, rules, comments } satisfies ModuleBody);
    headerFiles.push({
      path: file.path,
      digest: textDigest(file.text),
      ...(file.regoVersion ? { regoVersion: file.regoVersion } : {}),
      head,
      outline: ruleOutlines(parsed.module),
      body: [offset, offset + body.length],
    });
    bodies.push(body);
    offset += body.length + 1;
  }
  const loaded = loadPack(files, { check: false });
  const compiles = loaded.policy !== undefined && loaded.diagnostics.length === 0 && headerFiles.length === files.filter((f) => isPolicyFile(f.path)).length;
  const bodiesText = bodies.map((b) => `${b}\n`).join('');
  const header: Header = { format: PACK_ARTEFACT_FORMAT, compiles, files: headerFiles, bodiesLength: bodiesText.length };
  return `${asciiJson(header)}\n${bodiesText}`;
}

/**
 * The artefact's text as a reader holds it: the header line, and the text after it, which is read
 * in pieces as module bodies are first needed (a scan thread reads only the bodies it compiles).
 */
export interface ArtefactText {
  header: string;
  /** Length of the text after the header line's newline. */
  bodiesLength: number;
  /** [start, end) of the text after the header line's newline (may throw when it cannot be read). */
  bodies(start: number, end: number): string;
}

/** The artefact text as a header and its bodies (undefined without a header line). */
export function splitArtefactText(text: string): ArtefactText | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  return { header: text.slice(0, newline), bodiesLength: text.length - newline - 1, bodies: (start, end) => text.slice(newline + 1 + start, newline + 1 + end) };
}

/** The artefact in `text`, or undefined when it is not one of this format or is cut short (never throws). */
export function readPackArtefact(text: string | ArtefactText): PackArtefact | undefined {
  try {
    const source = typeof text === 'string' ? splitArtefactText(text) : text;
    if (!source) return undefined;
    const header = JSON.parse(source.header) as Partial<Header> | null;
    if (!header || header.format !== PACK_ARTEFACT_FORMAT || !Array.isArray(header.files)) return undefined;
    if (source.bodiesLength !== header.bodiesLength) return undefined;
    const files: PackArtefactFile[] = [];
    for (const f of header.files) {
      if (!validHeaderFile(f, header.bodiesLength)) return undefined;
      const [start, end] = f.body;
      const module = lazyModule(f.head, () => source.bodies(start, end));
      files.push({ path: f.path, digest: f.digest, ...(f.regoVersion ? { regoVersion: f.regoVersion } : {}), module, outline: f.outline });
    }
    return { format: PACK_ARTEFACT_FORMAT, compiles: header.compiles === true, files };
  } catch {
    return undefined;
  }
}

function validHeaderFile(f: HeaderFile, bodiesLength: number): boolean {
  if (!f || typeof f.path !== 'string' || typeof f.digest !== 'string' || !f.head || typeof f.head !== 'object' || !Array.isArray(f.outline)) return false;
  const body = f.body;
  return Array.isArray(body) && Number.isInteger(body[0]) && Number.isInteger(body[1]) && 0 <= body[0] && body[0] <= body[1] && body[1] <= bodiesLength;
}

/** A module whose body keys decode `bodyText` on first read (each then becomes a plain property). */
function lazyModule(head: ModuleHead, bodyText: () => string): Module {
  let body: ModuleBody | undefined;
  const module = { ...head } as Module;
  for (const key of BODY_KEYS) {
    Object.defineProperty(module, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = (body ??= JSON.parse(bodyText()) as ModuleBody)[key];
        Object.defineProperty(module, key, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return module;
}

/** JSON with every non-ASCII UTF-16 unit written `\uXXXX` (the same value). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Lookup of an artefact's modules; `moduleFor` answers only for an unchanged text. */
export class ArtefactModules {
  private readonly byPath = new Map<string, PackArtefactFile>();
  private readonly outlines = new WeakMap<Module, RuleOutline[]>();
  private readonly compiles: boolean;
  /** Files whose recorded module was reused (for tests and benches). */
  reused = 0;

  constructor(artefact: PackArtefact) {
    this.compiles = artefact.compiles;
    for (const f of artefact.files) {
      this.byPath.set(f.path, f);
      this.outlines.set(f.module, f.outline);
    }
  }

  moduleFor(file: ArtefactInput): Module | undefined {
    const hit = this.byPath.get(file.path);
    if (!hit || hit.regoVersion !== file.regoVersion) return undefined;
    if (hit.digest !== textDigest(file.text)) return undefined;
    this.reused++;
    return hit.module;
  }

  /** The outline of the rules of a module this artefact gave out. */
  outlineOf(module: Module): RuleOutline[] | undefined {
    return this.outlines.get(module);
  }

  /**
   * True when `sources` are exactly the files of an artefact that compiled cleanly, each as this
   * artefact gave it out (so with the recorded text): compiling them again cannot raise an issue.
   */
  vouchesFor(sources: readonly { file: string; parsed?: Module }[]): boolean {
    return this.compiles && sources.length === this.byPath.size && sources.every((s) => s.parsed !== undefined && this.byPath.get(s.file)?.module === s.parsed);
  }
}
