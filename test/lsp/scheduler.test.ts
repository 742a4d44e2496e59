import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UnitAnalysis } from '../../server/src/lsp/analysis';
import { AnalysisScheduler } from '../../server/src/lsp/scheduler';

function result(tag: string): UnitAnalysis {
  return { cancelled: false, diagnostics: [], files: [tag], dependencies: ['/w/dep.tfvars'], describeAt: () => undefined, evaluated: true };
}

function setup(debounceMs = 1) {
  const analysed: number[] = [];
  const published: string[] = [];
  const errors: string[] = [];
  let state = 0;
  let onAnalyze: (() => void) | undefined;
  const scheduler = new AnalysisScheduler(
    {
      prepare: async () => undefined,
      analyze: () => {
        analysed.push(state);
        onAnalyze?.();
        return result(String(state));
      },
      publish: (_dir, r) => void published.push(r.files[0]),
      keepResult: () => true,
      log: { error: (m) => void errors.push(m) },
    },
    debounceMs,
  );
  return {
    scheduler, analysed, published, errors,
    setState: (s: number) => (state = s),
    duringAnalysis: (f: () => void) => (onAnalyze = f),
  };
}

test('a burst of changes is debounced into one analysis', async () => {
  const s = setup(5);
  for (let i = 1; i <= 5; i++) {
    s.setState(i);
    s.scheduler.touch('/w');
  }
  const r = await s.scheduler.current('/w');
  assert.equal(r?.files[0], '5');
  assert.deepEqual(s.analysed, [5]);
  assert.deepEqual(s.published, ['5']);
});

test('a result that went stale during analysis is never published; the newer state is', async () => {
  const s = setup();
  s.setState(1);
  let once = true;
  s.duringAnalysis(() => {
    if (!once) return;
    once = false;
    // A change lands while the first analysis runs (as a didChange processed at the next turn).
    setImmediate(() => {
      s.setState(2);
      s.scheduler.touch('/w');
    });
  });
  s.scheduler.touch('/w');
  const r = await s.scheduler.current('/w');
  assert.equal(r?.files[0], '2');
  assert.deepEqual(s.analysed, [1, 2]);
  assert.deepEqual(s.published, ['2'], 'the result for state 1 was dropped');
});

test('dependencies of the last result route file changes to their units; failures are logged, not thrown', async () => {
  const s = setup();
  s.scheduler.touch('/w');
  await s.scheduler.current('/w');
  assert.deepEqual(s.scheduler.unitsDependingOn('/w/dep.tfvars'), ['/w']);
  assert.deepEqual(s.scheduler.unitsDependingOn('/w/other.tfvars'), []);

  s.duringAnalysis(() => {
    throw new Error('boom');
  });
  s.scheduler.touch('/w');
  const r = await s.scheduler.current('/w');
  assert.equal(r?.files[0], '0', 'waiters get the last good result');
  assert.equal(s.errors.length, 1);
  assert.match(s.errors[0], /boom/);
});

test('with no debounce, a lone change runs at once and a burst still runs once', async () => {
  const s = setup(0);
  s.scheduler.touch('/w');
  await s.scheduler.current('/w');
  const before = s.analysed.length;
  s.setState(7);
  s.scheduler.touch('/w');
  // A lone change needs no timer: two turns of the event loop are enough to analyse and publish.
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(s.published.at(-1), '7');
  for (let i = 8; i <= 12; i++) {
    s.setState(i);
    s.scheduler.touch('/w');
  }
  assert.equal((await s.scheduler.current('/w'))?.files[0], '12');
  assert.deepEqual(s.analysed.slice(before), [7, 12]);
});
