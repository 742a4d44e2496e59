import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, toSettings } from '../../server/src/shared/settings';
import { SettingsStore } from '../../server/src/lsp/settings';

test('toSettings keeps valid var files and defaults the rest', () => {
  assert.deepEqual(toSettings(null), DEFAULT_SETTINGS);
  assert.deepEqual(toSettings({ terraform: { varFiles: 'prod.tfvars' } }), DEFAULT_SETTINGS);
  assert.deepEqual(toSettings({ terraform: { varFiles: ['a.tfvars', 3, '', 'b.tfvars'] } }), { terraform: { varFiles: ['a.tfvars', 'b.tfvars'] } });
});

test('settings are pulled once per folder, cleared on change, and default when pulling fails', async () => {
  const pulls: string[] = [];
  let answer: unknown = { terraform: { varFiles: ['one.tfvars'] } };
  const errors: string[] = [];
  const store = new SettingsStore(async (scope) => {
    pulls.push(scope);
    if (answer instanceof Error) throw answer;
    return answer;
  }, { error: (m) => void errors.push(m) });
  assert.deepEqual((await store.get('/w', 'file:///w/a')).terraform.varFiles, ['one.tfvars']);
  await store.get('/w', 'file:///w/b');
  assert.equal(pulls.length, 1, 'cached per folder');
  answer = { terraform: { varFiles: ['two.tfvars'] } };
  store.changed(undefined);
  assert.deepEqual((await store.get('/w', 'file:///w/a')).terraform.varFiles, ['two.tfvars']);
  answer = new Error('client gone');
  store.changed(undefined);
  assert.deepEqual(await store.get('/w', 'file:///w/a'), DEFAULT_SETTINGS);
  assert.equal(errors.length, 1);
});

test('without the configuration capability, pushed settings (or defaults) apply', async () => {
  const store = new SettingsStore(undefined, { error: () => undefined });
  assert.deepEqual(await store.get('/w', 'file:///w'), DEFAULT_SETTINGS);
  store.changed({ terraform: { varFiles: ['pushed.tfvars'] } });
  assert.deepEqual((await store.get('/w', 'file:///w')).terraform.varFiles, ['pushed.tfvars']);
});
