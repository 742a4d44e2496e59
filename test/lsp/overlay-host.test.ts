import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileHost } from '../../server/src/iac/model';
import { OverlayHost } from '../../server/src/lsp/overlay-host';

function fakeDisk(files: Record<string, string>) {
  let reads = 0;
  const disk: FileHost = {
    readFile: (p) => {
      reads++;
      return files[p];
    },
    listDir: (p) => {
      const names = Object.keys(files).filter((f) => f.startsWith(p + '/') && !f.slice(p.length + 1).includes('/'));
      return names.length ? names.map((f) => f.slice(p.length + 1)) : undefined;
    },
  };
  return { disk, files, reads: () => reads };
}

test('open buffers override disk and join their directory listing', () => {
  const { disk } = fakeDisk({ '/w/a.tf': 'disk a', '/w/b.tf': 'disk b' });
  const buffers = new Map([['/w/a.tf', 'buffer a'], ['/w/new.tf', 'buffer new']]);
  const host = new OverlayHost(disk, { textOf: (p) => buffers.get(p), openPaths: () => buffers.keys() });
  assert.equal(host.readFile('/w/a.tf'), 'buffer a');
  assert.equal(host.readDisk('/w/a.tf'), 'disk a');
  assert.equal(host.readFile('/w/b.tf'), 'disk b');
  assert.deepEqual(host.listDir('/w')!.sort(), ['a.tf', 'b.tf', 'new.tf']);
  assert.deepEqual(host.listDir('/elsewhere'), undefined);
});

test('disk reads are cached only while file events arrive, and invalidation forgets them', () => {
  const fake = fakeDisk({ '/w/a.tf': 'one' });
  const host = new OverlayHost(fake.disk, { textOf: () => undefined, openPaths: () => [] });
  host.readFile('/w/a.tf');
  host.readFile('/w/a.tf');
  assert.equal(fake.reads(), 2, 'no caching without file events');
  host.cacheDisk = true;
  host.readFile('/w/a.tf');
  fake.files['/w/a.tf'] = 'two';
  assert.equal(host.readFile('/w/a.tf'), 'one', 'cached until told otherwise');
  host.invalidate('/w/a.tf');
  assert.equal(host.readFile('/w/a.tf'), 'two');
});

test('a host that throws is treated as a missing file', () => {
  const throwing: FileHost = { readFile: () => { throw new Error('EACCES'); }, listDir: () => { throw new Error('EACCES'); } };
  const host = new OverlayHost(throwing, { textOf: () => undefined, openPaths: () => [] });
  assert.equal(host.readFile('/w/a.tf'), undefined);
  assert.equal(host.listDir('/w'), undefined);
});
