// The code-action provider and the request's cancellation token: fix verification yields to the
// event loop, so a cancelled request answers at once and the work nobody waits for stops; the
// next request verifies again and gets the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { FileHost } from '../../server/src/iac/model';
import type { UnitAnalysis } from '../../server/src/lsp/analysis';
import { CodeActionProvider, type CodeActionEnv } from '../../server/src/lsp/code-actions';
import { PolicySupport } from '../../server/src/lsp/policy-support';

const MAIN = 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = "corp-logs"\n  block_public_acls       = false\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n';

/** A host over `files` that counts directory listings: every front-end pass (and so every re-scan) lists the unit. */
function countingHost(files: Record<string, string>): FileHost & { listings: number } {
  const host = {
    listings: 0,
    readFile: (p: string) => files[p],
    listDir: (dir: string) => {
      host.listings++;
      const names = Object.keys(files).filter((f) => f.startsWith(dir + '/')).map((f) => f.slice(dir.length + 1));
      return names.length > 0 ? names : undefined;
    },
  };
  return host;
}

async function setup() {
  const host = countingHost({ '/w/main.tf': MAIN });
  const policy = new PolicySupport({ error: (m) => assert.fail(m) });
  const result = await policy.analyze(host, { dir: '/w', root: '/w', varFiles: [], isCancelled: () => false });
  const flagged = result.diagnostics.find((d) => d.start === MAIN.indexOf('false'))! as { data?: { fingerprint: string }; code?: string };
  assert.ok(flagged?.data, 'block_public_acls is flagged');
  const diagnostic = { range: { start: { line: 2, character: 28 }, end: { line: 2, character: 33 } }, message: '', source: 'palisade', code: flagged.code, data: flagged.data };
  const params = { textDocument: { uri: 'file:///w/main.tf' }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } };
  const env: CodeActionEnv = { currentResult: async (): Promise<UnitAnalysis> => result, host, versionOf: () => undefined, documentsKey: () => 'still' };
  const provider = new CodeActionProvider(env, { documentChanges: false, resolveEdits: false, promptsForReason: false });
  host.listings = 0;
  return { host, provider, params, result };
}

/** Lets the event loop run `turns` times (work that yields with setImmediate progresses). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

test('a code-action request cancelled while its fix is verified answers nothing and the verification stops; the next request verifies', async () => {
  // Reference: an uncancelled request runs the front end once for the unit state, then re-scans the fixed text.
  const reference = await setup();
  const normal = await reference.provider.provide(reference.params, new CancellationTokenSource().token);
  assert.ok(normal.find((a) => a.isPreferred)?.edit?.changes?.['file:///w/main.tf'], 'the verified fix');
  const fullListings = reference.host.listings;
  assert.ok(fullListings >= 2, `front end then re-scan (${fullListings})`);

  const { host, provider, params } = await setup();
  const source = new CancellationTokenSource();
  // The cancellation arrives on the next turn of the event loop, while the fix is being verified.
  setImmediate(() => source.cancel());
  assert.deepEqual(await provider.provide(params, source.token), []);
  await turns(2000);
  assert.ok(host.listings < fullListings, `the abandoned verification did not re-scan (${host.listings} of ${fullListings} listings)`);

  const again = await provider.provide(params, new CancellationTokenSource().token);
  assert.deepEqual(again, normal, 'the next request verifies the fix again');
});

test('a request cancelled while another waits for the same fixes leaves the work to the one still waiting', async () => {
  const { provider, params } = await setup();
  const first = new CancellationTokenSource();
  const pendingFirst = provider.provide(params, first.token);
  const pendingSecond = provider.provide(params, new CancellationTokenSource().token);
  setImmediate(() => first.cancel());
  assert.deepEqual(await pendingFirst, []);
  const second = await pendingSecond;
  assert.ok(second.find((a) => a.isPreferred)?.edit, 'the request still waiting gets the verified fix');
});

test('another document opened or closed while fixes are verified does not lose the fix or fix-all\'s edit', async () => {
  const { provider, params, env } = await setupWithKey();
  // The key changes on the next turns, while the first verification runs (VS Code disposes the
  // model of an editor it replaced at a time of its choosing, and sends didClose).
  setImmediate(() => (env.key = 'closed'));
  const actions = await provider.provide(params, new CancellationTokenSource().token);
  assert.ok(actions.find((a) => a.isPreferred)?.edit?.changes?.['file:///w/main.tf'], 'the quick fix survives the change elsewhere');

  setImmediate(() => (env.key = 'opened'));
  const resolved = await provider.resolve({ title: 'Fix all', kind: 'source.fixAll.palisade', data: { palisade: 'fixAll', uri: 'file:///w/main.tf' } }, new CancellationTokenSource().token);
  assert.ok(resolved.edit?.changes?.['file:///w/main.tf']?.length, 'fix-all resolves with its edit');
});

async function setupWithKey() {
  const base = await setup();
  const env = { key: 'open' };
  const provider = new CodeActionProvider(
    { currentResult: async () => base.result, host: base.host, versionOf: () => undefined, documentsKey: () => env.key },
    { documentChanges: false, resolveEdits: true, promptsForReason: false },
  );
  return { provider, params: base.params, env };
}
