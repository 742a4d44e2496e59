// Document links for .rego documents: each `import data.a.b` links to the file defining package
// `a.b` (or, for an import of a rule, the package holding it) among the folder tree's files; each
// schema reference in a METADATA `schemas:` block links to the schema file it resolves to
// (rego-schemas.ts). Unresolvable imports and schemas get no link (lint reports them).
import type { DocumentLink } from 'vscode-languageserver';
import { LineIndex } from './line-index';
import { pathToUri } from './paths';
import { resolveSchemaFile, schemaDecls } from './rego-schemas';
import { isPathPrefix, staticRefPath, type ParsedFile } from './rego-workspace';

export function documentLinks(doc: ParsedFile, files: ParsedFile[], root: string | undefined, exists: (path: string) => boolean): DocumentLink[] {
  const module = doc.module;
  if (!module) return [];
  const index = new LineIndex(doc.text);
  const out: DocumentLink[] = [];
  for (const imp of module.imports) {
    if (imp.path.value.type !== 'ref') continue;
    const path = staticRefPath(imp.path.value.terms);
    if (!path.startsWith('data.')) continue;
    const target = packageFileFor(path, files);
    if (!target) continue;
    const count = files.filter((f) => f.pkg === target.pkg).length;
    out.push({
      range: index.rangeOf(imp.path.loc.start, imp.path.loc.end),
      target: pathToUri(target.path),
      tooltip: `package ${target.pkg.replace(/^data\./, '')}${count > 1 ? ` (${count} files)` : ''}`,
    });
  }
  for (const decl of schemaDecls(doc)) {
    if (!decl.ref || !decl.refLoc) continue;
    const file = resolveSchemaFile(decl.ref, doc.path, root, exists);
    if (file) out.push({ range: index.rangeOf(decl.refLoc.start, decl.refLoc.end), target: pathToUri(file), tooltip: `schema for ${decl.target}` });
  }
  return out;
}

/** The first file (by path) of the deepest package that is `path` or encloses it. */
function packageFileFor(path: string, files: ParsedFile[]): ParsedFile | undefined {
  let best: ParsedFile | undefined;
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!f.module || !isPathPrefix(f.pkg, path)) continue;
    if (!best || f.pkg.length > best.pkg.length) best = f;
  }
  return best;
}
