// The order `palisade scan --jobs N` hands out units (cli/scan-order.ts): every unit once, units
// that share a local module kept together and in unit order, the larger family first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnitQueue, unitQueue } from '../../server/src/cli/scan-order';
import { DiskHost } from '../../server/src/workspace/disk-host';

function drain(queue: UnitQueue, from: ('front' | 'back')[]): number[] {
  const out: number[] = [];
  for (let i = 0; queue.remaining > 0; i++) {
    const index = from[i % from.length] === 'front' ? queue.takeFront() : queue.takeBack();
    assert.notEqual(index, undefined, 'a unit is left while the queue says so');
    out.push(index!);
  }
  assert.equal(queue.takeFront(), undefined);
  assert.equal(queue.takeBack(), undefined);
  return out;
}

test('each family is taken in its order from either end, and each unit exactly once', () => {
  // Families: [0, 1, 2] (largest), [3], [4, 5].
  const order = [0, 1, 2, 3, 4, 5];
  assert.deepEqual(drain(new UnitQueue(order, [0, 3, 4]), ['front']), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(drain(new UnitQueue(order, [0, 3, 4]), ['back']), [4, 5, 3, 0, 1, 2]);
  // Front and back meet inside the largest family without taking a unit twice.
  assert.deepEqual(drain(new UnitQueue(order, [0, 3, 4]), ['front', 'back']), [0, 4, 1, 5, 2, 3]);
  assert.deepEqual(drain(new UnitQueue([], []), ['front', 'back']), []);
});

test('units that call the same module form one family, larger families first, in unit order', () => {
  const root = mkdtempSync(join(tmpdir(), 'palisade-order-')).split('\\').join('/');
  try {
    const write = (dir: string, text: string) => {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, 'main.tf'), text);
    };
    write('alone', 'resource "aws_s3_bucket" "b" {}\n');
    write('mod', `resource "aws_ebs_volume" "v" {\n  size = 8\n${'  # padding\n'.repeat(40)}}\n`);
    write('mod/examples/a', 'module "m" {\n  source = "../.."\n}\n');
    write('mod/examples/b', 'module "m" {\n  source = "../../"\n}\n');
    write('other/examples/c', 'module "m" {\n  source = "../../../mod"\n}\n');
    const dirs = ['alone', 'mod', 'mod/examples/a', 'mod/examples/b', 'other/examples/c'].map((d) => `${root}/${d}`);
    const queue = unitQueue(dirs, new DiskHost());
    assert.deepEqual(drain(queue, ['front']), [1, 2, 3, 4, 0]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('threads sharing the queue take every unit exactly once', async () => {
  // Three threads drain one large queue at once (two from the front, one from the back); without
  // the lock they would take some units twice or skip some.
  const { Worker } = await import('node:worker_threads');
  const units = 400_000;
  const order = Array.from({ length: units }, (_, i) => i);
  const starts = Array.from({ length: units / 10 }, (_, i) => i * 10);
  const queue = new UnitQueue(order, starts);
  const module = require.resolve('../../server/src/cli/scan-order');
  // A barrier, so that all three start taking at the same moment (a worker takes ~100 ms to start).
  const barrier = new Int32Array(new SharedArrayBuffer(4));
  const arrive = (b: Int32Array) => {
    Atomics.add(b, 0, 1);
    while (Atomics.load(b, 0) < 3);
  };
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const queue = require(${JSON.stringify(module)}).UnitQueue.attach(workerData.queue);
    const barrier = new Int32Array(workerData.barrier);
    (${arrive.toString()})(barrier);
    const taken = [];
    for (let i = queue.takeFront(); i !== undefined; i = queue.takeFront()) taken.push(i);
    parentPort.postMessage(taken);`;
  const fromWorker = () =>
    new Promise<number[]>((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: { queue: queue.shared, barrier: barrier.buffer } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const workers = [fromWorker(), fromWorker()];
  const here: number[] = [];
  arrive(barrier);
  for (let i = queue.takeBack(); i !== undefined; i = queue.takeBack()) here.push(i);
  const all = [here, ...(await Promise.all(workers))];
  const seen = new Uint8Array(units);
  for (const taken of all) for (const i of taken) seen[i]++;
  assert.equal(seen.filter((n) => n !== 1).length, 0, 'a unit was taken twice or never');
  assert.equal(queue.remaining, 0);
  assert.ok(all.every((taken) => taken.length > 0), 'every thread took units');
  // Within each family the units still go out in order, whichever thread takes them.
  for (const taken of all) for (let k = 1; k < taken.length; k++) if (Math.floor(taken[k] / 10) === Math.floor(taken[k - 1] / 10)) assert.ok(taken[k] > taken[k - 1]);
});
