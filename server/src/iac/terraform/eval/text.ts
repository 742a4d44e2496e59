// Path and address helpers shared by the evaluator's parts.

/** Join `/`-separated path segments, resolving `.` and `..` (paths here are always absolute). */
export function joinPath(base: string, rel: string): string {
  const parts = (rel.startsWith('/') ? rel : `${base}/${rel}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** `path` relative to `from` (both absolute, `/`-separated); "." when equal. */
export function relativePath(from: string, path: string): string {
  // The common case, a path below `from` with no empty segments on either side: its tail.
  if (path.charCodeAt(from.length) === 47 && path.startsWith(from) && isPlainPath(from, false)) {
    const tail = path.slice(from.length + 1);
    if (tail !== '' && tail.charCodeAt(0) !== 47 && isPlainPath(tail, true)) return tail;
  }
  const a = from.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ups = a.slice(i).map(() => '..');
  const rest = b.slice(i);
  const joined = [...ups, ...rest].join('/');
  return joined === '' ? '.' : joined;
}

/** No `//` and no trailing `/` (and, for `from`, not the bare root), so splitting drops nothing. */
function isPlainPath(p: string, emptyOk: boolean): boolean {
  return (emptyOk || p.length > 1) && p.charCodeAt(p.length - 1) !== 47 && !p.includes('//');
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Instance key as Terraform prints it in an address: `[0]` or `["logs"]`. */
export function instanceKeySuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
