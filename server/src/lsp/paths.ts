// URI ↔ path conversion for the surfaces. Layers below speak absolute `/`-separated paths.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Absolute `/`-separated path of a `file:` URI, or undefined for other schemes (untitled:, …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Forward slashes, no trailing slash (except a bare root). */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return slashed.length > 1 && slashed.endsWith('/') && !/^[A-Za-z]:\/$/.test(slashed) ? slashed.slice(0, -1) : slashed;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string {
  if (isAbsolutePath(rel)) return normalizePath(rel);
  const parts = normalizePath(dir).split('/');
  for (const seg of normalizePath(rel).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/') || '/';
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

/** True when `path` is `dir` itself or inside it. */
export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

export type FileKind = 'terraform' | 'tfvars' | 'rego' | 'palisade-config' | 'other';

export function fileKind(path: string): FileKind {
  const name = baseName(path).toLowerCase();
  if (name.endsWith('.tf') || name.endsWith('.tf.json')) return 'terraform';
  if (name.endsWith('.tfvars') || name.endsWith('.tfvars.json')) return 'tfvars';
  if (name.endsWith('.rego')) return 'rego';
  if (name === '.palisade.yaml' || name === '.palisade.yml') return 'palisade-config';
  return 'other';
}
