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
  /**
   * Per open frame, the field sets it shares with a closed frame (a memo's reads, a finished inner
   * frame) instead of copying them: closed frames never change, and a shared set is copied only
   * when this frame must add a field to it. Most merged sets are never added to.
   */
  private readonly shared: (Set<Set<string>> | undefined)[] = [];

  /** True while a frame is open (reads are being collected). */
  get active(): boolean {
    return this.frames.length > 0;
  }

  record(owner: TrackedObject, field: string): void {
    const depth = this.frames.length - 1;
    const top = this.frames[depth];
    if (!top) return;
    const fields = top.get(owner);
    if (!fields) top.set(owner, new Set<string>().add(field));
    else if (!fields.has(field)) this.writable(depth, owner, fields).add(field);
  }

  /** Opens a frame; pass the returned depth to `end`. */
  begin(): number {
    this.frames.push(new Map());
    this.replayed.push(undefined);
    this.shared.push(undefined);
    return this.frames.length - 1;
  }

  /** Closes the frame opened at `depth` (and any left open above it); its reads also count for the enclosing frame. */
  end(depth: number): Reads {
    const frame = this.frames[depth] ?? new Map();
    this.frames.length = depth;
    this.replayed.length = depth;
    this.shared.length = depth;
    if (depth > 0) this.merge(depth - 1, frame);
    return frame;
  }

  /** Counts reads made earlier (a memoised value's) in the open frame. */
  replay(reads: Reads | undefined): void {
    const depth = this.frames.length - 1;
    if (depth < 0 || !reads) return;
    // A memo hit inside a loop (a library function called once per resource) replays the same reads again and again.
    let seen = this.replayed[depth];
    if (!seen) this.replayed[depth] = seen = new Set();
    if (seen.has(reads)) return;
    seen.add(reads);
    this.merge(depth, reads);
  }

  /** Adds a closed frame's reads to the open frame at `depth`. */
  private merge(depth: number, from: Reads): void {
    const into = this.frames[depth];
    for (const [owner, fields] of from) {
      let mine = into.get(owner);
      if (!mine) {
        into.set(owner, fields);
        (this.shared[depth] ??= new Set()).add(fields);
        continue;
      }
      if (mine === fields) continue;
      for (const f of fields) if (!mine.has(f)) (mine = this.writable(depth, owner, mine)).add(f);
    }
  }

  /** The frame's own set for `owner`: a shared one is replaced by a copy first. */
  private writable(depth: number, owner: TrackedObject, fields: Set<string>): Set<string> {
    const shared = this.shared[depth];
    if (!shared?.delete(fields)) return fields;
    const own = new Set(fields);
    this.frames[depth].set(owner, own);
    return own;
  }
}
