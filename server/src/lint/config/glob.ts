// Glob patterns of `ignore.files`, as Regal matches them: `*` within a path segment, `**` across
// segments, `?` one character. A pattern matches the whole path or any trailing run of segments,
// so `foo/*.rego` matches `bundle/foo/x.rego` whatever directory the linter was started from.
const cache = new Map<string, RegExp>();

function compile(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function globMatches(glob: string, path: string): boolean {
  let re = cache.get(glob);
  if (!re) cache.set(glob, (re = compile(glob.replace(/^\.\//, ''))));
  const normalized = path.split('\\').join('/').replace(/^\.\//, '');
  if (re.test(normalized)) return true;
  for (let i = normalized.indexOf('/'); i >= 0; i = normalized.indexOf('/', i + 1)) {
    if (re.test(normalized.slice(i + 1))) return true;
  }
  return false;
}
