// The start-up timeline of `palisade scan`, for the bench (bench/cli.ts) and whoever works on it:
// with PALISADE_SCAN_TIMELINE=1 in the environment, each thread writes one stderr line per step,
// `palisade-timeline <thread> <step> <epoch ms>` (the bench subtracts the moment it spawned the
// process). Without the variable nothing is written and a mark costs one boolean test.
import { isMainThread, threadId } from 'node:worker_threads';

const enabled = process.env.PALISADE_SCAN_TIMELINE === '1';
const thread = isMainThread ? 'main' : `worker${threadId}`;
const marked = new Set<string>();

/** Records `step` for this thread; a step already recorded by this thread is ignored (so "first unit" is the first). */
export function markTimeline(step: string): void {
  if (!enabled || marked.has(step)) return;
  marked.add(step);
  process.stderr.write(`palisade-timeline ${thread} ${step} ${(performance.timeOrigin + performance.now()).toFixed(1)}\n`);
}
