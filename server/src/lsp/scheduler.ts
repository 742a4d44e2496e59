// Decides when each unit (module directory) is analysed. Every change to a unit bumps its
// generation; analysis is debounced briefly, runs one unit at a time, yields to the event loop
// between steps, and its result is published only if no newer change arrived meanwhile
// (a stale result is dropped and the unit runs again), so an old version is never published.
import type { Logger } from './guard';
import { errorText } from './guard';
import type { UnitAnalysis } from './analysis';

export interface SchedulerHooks {
  /** Everything the analysis needs that may be fetched asynchronously (settings). */
  prepare(dir: string): Promise<unknown>;
  /** Runs the analysis (synchronously); `isCancelled` turns true as soon as the unit changes again. */
  analyze(dir: string, prepared: unknown, isCancelled: () => boolean): UnitAnalysis | Promise<UnitAnalysis>;
  /** Called with a result that is still current. */
  publish(dir: string, result: UnitAnalysis, timing: RunTiming): void;
  /** Whether to keep the result for later requests (hover); units with no open file drop it to save memory. */
  keepResult(dir: string): boolean;
  log: Logger;
}

export interface RunTiming {
  /** Time spent in the front end. */
  analysisMs: number;
  /** From the first change this result covers to its publication (debounce, queueing and analysis). */
  sinceChangeMs: number;
}

interface UnitState {
  dir: string;
  generation: number;
  /** Generation of `result`; equal to `generation` when the result is current. */
  resultGeneration: number;
  result?: UnitAnalysis;
  timer?: { timeout?: NodeJS.Timeout; immediate?: NodeJS.Immediate };
  /** When the oldest change not yet covered by a published result arrived. */
  changedAt?: number;
  waiters: Array<(r: UnitAnalysis | undefined) => void>;
  /** Files whose change re-runs this unit (from the last result), absolute. */
  dependencies: Set<string>;
}

/** Delay used inside a burst when no longer debounce is configured. */
const BURST_DEBOUNCE_MS = 3;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AnalysisScheduler {
  private readonly units = new Map<string, UnitState>();
  private readonly queue: string[] = [];
  private pumping = false;

  constructor(
    private readonly hooks: SchedulerHooks,
    private readonly debounceMs: number,
  ) {}

  /** Marks the unit changed and schedules its analysis. */
  touch(dir: string): void {
    const unit = this.unit(dir);
    // A change that arrives while an earlier one is still unpublished is part of a burst (several
    // didOpen, a multi-file replace, fast typing on a slow unit): wait a little so the burst is
    // analysed once. A lone change runs at once, without sleeping (a sleep costs a reschedule,
    // which is what a keystroke feels).
    const inBurst = unit.resultGeneration !== unit.generation;
    unit.generation++;
    unit.changedAt ??= performance.now();
    this.cancelTimer(unit);
    const delay = inBurst ? Math.max(this.debounceMs, BURST_DEBOUNCE_MS) : this.debounceMs;
    const fire = () => {
      unit.timer = undefined;
      this.enqueue(dir);
    };
    unit.timer = delay > 0 ? { timeout: setTimeout(fire, delay) } : { immediate: setImmediate(fire) };
  }

  private cancelTimer(unit: UnitState): void {
    if (unit.timer?.timeout) clearTimeout(unit.timer.timeout);
    if (unit.timer?.immediate) clearImmediate(unit.timer.immediate);
    unit.timer = undefined;
  }

  /** Re-analyses every known unit (settings changed). */
  touchAll(): void {
    for (const dir of this.units.keys()) this.touch(dir);
  }

  /** Known units that read `path` (by their last result's dependencies). */
  unitsDependingOn(path: string): string[] {
    return [...this.units.values()].filter((u) => u.dependencies.has(path)).map((u) => u.dir);
  }

  has(dir: string): boolean {
    return this.units.has(dir);
  }

  knownUnits(): string[] {
    return [...this.units.keys()];
  }

  /** Forgets a unit entirely (no open file left in it and nothing to keep publishing). */
  drop(dir: string): void {
    const unit = this.units.get(dir);
    if (!unit) return;
    this.cancelTimer(unit);
    this.units.delete(dir);
    for (const w of unit.waiters.splice(0)) w(undefined);
  }

  /** The unit's result for its current generation, waiting for a pending run if there is one. */
  current(dir: string): Promise<UnitAnalysis | undefined> {
    const unit = this.units.get(dir);
    if (!unit) return Promise.resolve(undefined);
    if (unit.resultGeneration === unit.generation) {
      if (unit.result) return Promise.resolve(unit.result);
      unit.resultGeneration = -1; // the result was dropped to save memory: compute it again
    }
    // Someone is waiting: skip what is left of the debounce.
    if (unit.timer) this.cancelTimer(unit);
    if (!this.queue.includes(dir)) this.enqueue(dir);
    return new Promise((resolve) => unit.waiters.push(resolve));
  }

  /** The last result even if stale (for answers that prefer fast over exact). */
  lastResult(dir: string): UnitAnalysis | undefined {
    return this.units.get(dir)?.result;
  }

  private unit(dir: string): UnitState {
    let unit = this.units.get(dir);
    if (!unit) {
      unit = { dir, generation: 0, resultGeneration: -1, waiters: [], dependencies: new Set() };
      this.units.set(dir, unit);
    }
    return unit;
  }

  private enqueue(dir: string): void {
    if (!this.queue.includes(dir)) this.queue.push(dir);
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const dir = this.queue.shift()!;
        await this.runOne(dir);
        await nextTurn();
      }
    } finally {
      this.pumping = false;
    }
  }

  private async runOne(dir: string): Promise<void> {
    const unit = this.units.get(dir);
    if (!unit || unit.resultGeneration === unit.generation) return;
    const generation = unit.generation;
    const stale = () => this.units.get(dir) !== unit || unit.generation !== generation;
    try {
      const prepared = await this.hooks.prepare(dir);
      if (stale()) return this.rerunIfIdle(unit);
      const started = performance.now();
      const result = await this.hooks.analyze(dir, prepared, stale);
      const durationMs = performance.now() - started;
      // Let edits that arrived during the analysis land before deciding whether it is current.
      await nextTurn();
      if (result.cancelled || stale()) return this.rerunIfIdle(unit);
      unit.resultGeneration = generation;
      unit.dependencies = new Set(result.dependencies);
      this.hooks.publish(dir, result, { analysisMs: durationMs, sinceChangeMs: performance.now() - (unit.changedAt ?? started) });
      unit.changedAt = undefined;
      const waiting = unit.waiters.length > 0;
      unit.result = waiting || this.hooks.keepResult(dir) ? result : undefined;
      for (const w of unit.waiters.splice(0)) w(result);
    } catch (err) {
      this.hooks.log.error(`palisade: analysis of ${dir} failed: ${errorText(err)}`);
      // Do not retry in a loop; answer waiters with what we have.
      unit.resultGeneration = generation;
      for (const w of unit.waiters.splice(0)) w(unit.result);
    }
  }

  /** A stale run is normally followed by the newer change's own timer; make sure one is pending. */
  private rerunIfIdle(unit: UnitState): void {
    if (this.units.get(unit.dir) !== unit) return;
    if (!unit.timer && !this.queue.includes(unit.dir)) this.queue.push(unit.dir);
  }
}
