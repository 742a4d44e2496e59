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
  const a = from.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ups = a.slice(i).map(() => '..');
  const rest = b.slice(i);
  const joined = [...ups, ...rest].join('/');
  return joined === '' ? '.' : joined;
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
