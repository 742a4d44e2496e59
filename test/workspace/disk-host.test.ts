// DiskHost reads only regular files. Found by the mutation sweep (session 13): `file("/dev/zero")`
// in a scanned .tf read the device until memory ran out, and the scan (CLI or language server)
// hung; a FIFO would block the open itself. Now such a path reads as missing and the function
// call is an ordinary evaluation diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiskHost } from '../../server/src/workspace/disk-host';
import { analyzeTerraformModule } from '../../server/src/iac/terraform';
import { tempDirRemovedAtExit } from '../helpers/temp-dir';

const posix = process.platform !== 'win32';

test('devices and FIFOs read as missing, regular files as text', { skip: posix ? false : 'POSIX devices and FIFOs' }, () => {
  const dir = tempDirRemovedAtExit('palisade-disk-host-');
  writeFileSync(join(dir, 'a.txt'), 'hello');
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  const host = new DiskHost();
  assert.equal(host.readFile(`${dir}/a.txt`), 'hello');
  assert.equal(host.readFile(`${dir}/pipe`), undefined, 'a FIFO without a writer must not block');
  assert.equal(host.readFile(dir), undefined, 'a directory is not a file');
  if (existsSync('/dev/zero')) assert.equal(host.readFile('/dev/zero'), undefined, '/dev/zero never ends');
  assert.equal(host.readFile(`${dir}/missing`), undefined);
});

test('file() of a device or FIFO in a module is a diagnostic, and the module still evaluates', { skip: posix ? false : 'POSIX devices and FIFOs' }, () => {
  const dir = tempDirRemovedAtExit('palisade-disk-host-');
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  writeFileSync(join(dir, 'main.tf'), 'locals {\n  a = file("/dev/zero")\n  b = file("./pipe")\n  c = filebase64("/dev/urandom")\n  ok = 1\n}\n');
  const started = performance.now();
  const r = analyzeTerraformModule(new DiskHost({ snapshot: true }), { dir, root: dir });
  assert.ok(performance.now() - started < 5000);
  assert.equal(r.model.locals!.ok, 1);
  const messages = r.diagnostics.map((d) => d.message).join('\n');
  assert.match(messages, /no file exists at "\/dev\/zero"/);
  assert.match(messages, /no file exists at "\.\/pipe"/);
});
