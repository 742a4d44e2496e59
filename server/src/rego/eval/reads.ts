// What an evaluation read of a tracked input (value/tracked.ts), in nested frames: a caller opens a
// frame around the evaluation it wants the reads of (a rule), and every memoised value (a rule
// node's value, a function result) keeps the reads made while it was computed, so a later use of
// the memo counts them again. Without that, a rule reusing a library value computed for an earlier
// rule would appear to read nothing.
import type { ReadSink, TrackedObject } from './values';

/** Fields read, per tracked object. */
export type Reads = Map<TrackedObject, Set<string>>;

export class ReadLog implements ReadSink {
  private readonly frames: Reads[] = [];
  /** Per open frame, the memoised reads already replayed into it: a union needs each only once. */
  private readonly replayed: (Set<Reads> | undefined)[] = [];

  /** True while a frame is open (reads are being collected). */
  get active(): boolean {
    return this.frames.length > 0;
  }

  record(owner: TrackedObject, field: string): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) return;
    let fields = top.get(owner);
    if (!fields) top.set(owner, (fields = new Set()));
    fields.add(field);
  }

  /** Opens a frame; pass the returned depth to `end`. */
  begin(): number {
    this.frames.push(new Map());
    this.replayed.push(undefined);
    return this.frames.length - 1;
  }

  /** Closes the frame opened at `depth` (and any left open above it); its reads also count for the enclosing frame. */
  end(depth: number): Reads {
    const frame = this.frames[depth] ?? new Map();
    this.frames.length = depth;
    this.replayed.length = depth;
    const parent = this.frames[depth - 1];
    if (parent) mergeReads(parent, frame);
    return frame;
  }

  /** Counts reads made earlier (a memoised value's) in the open frame. */
  replay(reads: Reads | undefined): void {
    const depth = this.frames.length - 1;
    const top = this.frames[depth];
    if (!top || !reads) return;
    // A memo hit inside a loop (a library function called once per resource) replays the same reads again and again.
    let seen = this.replayed[depth];
    if (!seen) this.replayed[depth] = seen = new Set();
    if (seen.has(reads)) return;
    seen.add(reads);
    mergeReads(top, reads);
  }
}

function mergeReads(into: Reads, from: Reads): void {
  for (const [owner, fields] of from) {
    const mine = into.get(owner);
    if (!mine) into.set(owner, new Set(fields));
    else for (const f of fields) mine.add(f);
  }
}
