// A prepared form of a rule pack: every policy file's parsed module (METADATA already decoded),
// keyed by path and a digest of the text it was parsed from. `npm run build` writes the built-in
// pack's artefact (dist/builtin-pack.json, scripts/build.mjs); loadPack reuses a module only when
// the file's text still hashes to the recorded digest, so an edited rule is parsed afresh and a
// stale artefact can cost time but never change a result. Parsing the pack's Rego and its YAML
// METADATA was most of the pack load; JSON.parse of the artefact is a small fraction of it.
import { createHash } from 'node:crypto';
import { parseModule, type Module } from '../rego';

/** Bumped whenever the artefact's shape or the parser's output shape changes. */
export const PACK_ARTEFACT_FORMAT = 'palisade-parsed-pack/1';

/** File name of the built-in pack's artefact in dist/ (written by scripts/build.mjs). */
export const BUILTIN_PACK_ARTEFACT = 'builtin-pack.json';

export interface PackArtefactFile {
  path: string;
  /** sha256 (hex) of the text the module was parsed from. */
  digest: string;
  /** The `regoVersion` the file was parsed with (absent: the parser's default). */
  regoVersion?: 'v0' | 'v1';
  module: Module;
}

export interface PackArtefact {
  format: typeof PACK_ARTEFACT_FORMAT;
  files: PackArtefactFile[];
}

interface ArtefactInput {
  path: string;
  text: string;
  regoVersion?: 'v0' | 'v1';
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses the given policy files; files that do not parse cleanly are left out (loadPack reports them). */
export function buildPackArtefact(files: ArtefactInput[]): PackArtefact {
  const out: PackArtefactFile[] = [];
  for (const file of files) {
    const parsed = parseModule(file.text, { file: file.path, ...(file.regoVersion ? { regoVersion: file.regoVersion } : {}) });
    if (!parsed.module || parsed.errors.length > 0) continue;
    out.push({ path: file.path, digest: textDigest(file.text), ...(file.regoVersion ? { regoVersion: file.regoVersion } : {}), module: parsed.module });
  }
  return { format: PACK_ARTEFACT_FORMAT, files: out };
}

/** The artefact in `json`, or undefined when it is not one of this format (never throws). */
export function readPackArtefact(json: string): PackArtefact | undefined {
  try {
    const value = JSON.parse(json) as Partial<PackArtefact> | null;
    if (!value || value.format !== PACK_ARTEFACT_FORMAT || !Array.isArray(value.files)) return undefined;
    return value as PackArtefact;
  } catch {
    return undefined;
  }
}

/** Lookup of an artefact's modules; `moduleFor` answers only for an unchanged text. */
export class ArtefactModules {
  private readonly byPath = new Map<string, PackArtefactFile>();
  /** Files whose recorded module was reused (for tests and benches). */
  reused = 0;

  constructor(artefact: PackArtefact) {
    for (const f of artefact.files) {
      if (f && typeof f.path === 'string' && typeof f.digest === 'string' && f.module && typeof f.module === 'object') this.byPath.set(f.path, f);
    }
  }

  moduleFor(file: ArtefactInput): Module | undefined {
    const hit = this.byPath.get(file.path);
    if (!hit || hit.regoVersion !== file.regoVersion) return undefined;
    if (hit.digest !== textDigest(file.text)) return undefined;
    this.reused++;
    return hit.module;
  }
}
