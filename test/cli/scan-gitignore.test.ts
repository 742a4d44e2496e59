// The gitignore matcher behind `palisade scan`'s directory walk, on an in-memory file host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileHost } from '../../server/src/iac/model';
import { GitignoreMatcher, parseGitignore } from '../../server/src/cli/scan-gitignore';
import { discoverUnits, onlyFilesHost } from '../../server/src/cli/units';

function memoryHost(files: Record<string, string>): FileHost {
  return {
    readFile: (path) => files[path],
    listDir: (path) => {
      const prefix = path === '/' ? '/' : `${path}/`;
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

test('gitignore patterns: floating, anchored, directory-only, negation, ** and classes', () => {
  const host = memoryHost({
    '/r/.git/HEAD': '',
    '/r/.gitignore': ['# comment', '', 'build/', '/top.tf', '*.gen.tf', '!keep.gen.tf', 'docs/**/draft', 'tmp[0-9]', '\\#hash.tf'].join('\n'),
    '/r/sub/.gitignore': 'local.tf\n!/top.tf\n',
  });
  assert.equal(GitignoreMatcher.repositoryRoot(host, '/r/sub'), '/r');
  const m = new GitignoreMatcher(host, '/r');
  const cases: [string, boolean, boolean][] = [
    ['/r/build', true, true],
    ['/r/build', false, false], // a file named build is not a build/ directory
    ['/r/a/build/x.tf', false, true], // inside an ignored directory
    ['/r/top.tf', false, true],
    ['/r/a/top.tf', false, false], // anchored to the root
    ['/r/a/x.gen.tf', false, true],
    ['/r/a/keep.gen.tf', false, false],
    ['/r/docs/a/b/draft', false, true],
    ['/r/docs/draft', false, true],
    ['/r/tmp7', true, true],
    ['/r/tmpx', true, false],
    ['/r/#hash.tf', false, true],
    ['/r/sub/local.tf', false, true],
    ['/r/local.tf', false, false], // sub/.gitignore applies only below sub/
    ['/r/sub/top.tf', false, false],
  ];
  for (const [path, isDir, expected] of cases) assert.equal(m.isIgnored(path, isDir), expected, path);
  assert.deepEqual(parseGitignore('\n# x\n  \n'), []);
});

test('a listing needs no per-entry question only where no .gitignore applies', () => {
  const host = memoryHost({
    '/r/.git/HEAD': '',
    '/r/a/b/main.tf': '',
    '/r/c/.gitignore': 'local.tf\n',
    '/r/c/d/local.tf': '',
  });
  const m = new GitignoreMatcher(host, '/r');
  assert.equal(m.mayIgnoreIn('/r'), false);
  assert.equal(m.mayIgnoreIn('/r/a/b'), false);
  assert.equal(m.mayIgnoreIn('/r/c'), true);
  assert.equal(m.mayIgnoreIn('/r/c/d/'), true);
  assert.equal(m.mayIgnoreIn('/elsewhere'), false);
  assert.equal(m.isIgnored('/r/c/d/local.tf', false), true);
  // With a .gitignore at the top, every directory may hide entries.
  const top = new GitignoreMatcher(memoryHost({ '/r/.gitignore': 'x\n', '/r/a/main.tf': '' }), '/r');
  assert.equal(top.mayIgnoreIn('/r/a'), true);
});

test('discoverUnits skips hidden folders, .terraform and node_modules, and hides ignored files from units', () => {
  const host = memoryHost({
    '/w/.git/HEAD': '',
    '/w/.gitignore': 'gen.tf\nout/\n',
    '/w/main.tf': '',
    '/w/gen.tf': '',
    '/w/out/main.tf': '',
    '/w/.terraform/modules/m/main.tf': '',
    '/w/.hidden/main.tf': '',
    '/w/node_modules/x/main.tf': '',
    '/w/mod/a/main.tf': '',
    '/w/mod/a/vars.tfvars': '',
  });
  const found = discoverUnits(host, ['/w']);
  assert.deepEqual(found.dirs, ['/w', '/w/mod/a']);
  assert.deepEqual(found.host.listDir('/w')?.sort(), ['.git', '.gitignore', '.hidden', '.terraform', 'main.tf', 'mod', 'node_modules']);
  assert.deepEqual(discoverUnits(host, ['/w/out/main.tf']).dirs, ['/w/out'], 'a named file is taken even when ignored');
  assert.deepEqual(discoverUnits(host, ['/w/out/main.tf']).host.listDir('/w/out'), ['main.tf']);
  assert.deepEqual(discoverUnits(host, ['/w/nope']).missing, ['/w/nope']);
  assert.deepEqual(discoverUnits(host, ['/w/mod/a/vars.tfvars', '/w/main.tf']).dirs, ['/w/mod/a', '/w'], 'a .tfvars file names its module');
  // What is reported: a named .tf file only its own findings; a .tfvars file, a directory or a walk the whole unit.
  assert.deepEqual(discoverUnits(host, ['/w/mod/a/vars.tfvars', '/w/main.tf', '/w/gen.tf']).namedFiles, { '/w': ['/w/main.tf', '/w/gen.tf'] });
  assert.deepEqual(discoverUnits(host, ['/w/mod/a/main.tf', '/w/mod/a/vars.tfvars']).namedFiles, {});
  assert.deepEqual(discoverUnits(host, ['/w/main.tf', '/w']).namedFiles, {});
  const alone = onlyFilesHost(host, '/w', ['/w/gen.tf']);
  assert.deepEqual(alone.listDir('/w')?.sort(), ['.git', '.gitignore', '.hidden', '.terraform', 'gen.tf', 'mod', 'node_modules', 'out'], 'the other configuration files are hidden, folders are not');
  assert.deepEqual(alone.listDir('/w/mod/a')?.sort(), ['main.tf', 'vars.tfvars']);
});
