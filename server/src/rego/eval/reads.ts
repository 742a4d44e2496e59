// What an evaluation read of a tracked input (value/tracked.ts), in nested frames: a caller opens a
// frame around the evaluation it wants the reads of (a rule), and every memoised value (a rule
// node's value, a function result) keeps the reads made while it was computed, so a later use of
// the memo counts them again. Without that, a rule reusing a library value computed for an earlier
// rule would appear to read nothing.
//
// A frame's reads are its own field reads plus references to the closed frames it includes (inner
// evaluations, replayed memos), not copies of them: a library value read by every rule of a unit
// is one shared node, and closing or replaying a frame costs one reference. Recording runs for
// every rule of every unit a CLI scan may verify fixes in, so it must cost little; the union is
// only formed when someone asks (`fields`, iteration), which verification does for a few rules.
import type { ReadSink, TrackedObject } from './values';

/** A frame's fields of one object: a single field as itself (most reads), several as a set. */
type OwnFields = string | Set<string>;

/** Fields read, per tracked object: a frame's own reads and those of the frames it includes. */
export class Reads implements Iterable<[TrackedObject, Set<string>]> {
  private union?: Map<TrackedObject, Set<string>>;

  constructor(
    private readonly own: Map<TrackedObject, OwnFields> | undefined,
    private readonly included: readonly Reads[] | undefined,
  ) {}

  get isEmpty(): boolean {
    return this.own === undefined && this.included === undefined;
  }

  /** The fields read per object, over this frame and every frame it includes (formed once, on first use). */
  fields(): Map<TrackedObject, Set<string>> {
    if (this.union) return this.union;
    const union = new Map<TrackedObject, Set<string>>();
    const visited = new Set<Reads>();
    const add = (reads: Reads) => {
      if (visited.has(reads)) return;
      visited.add(reads);
      if (reads.own) {
        for (const [owner, fields] of reads.own) {
          let mine = union.get(owner);
          if (!mine) union.set(owner, (mine = new Set()));
          if (typeof fields === 'string') mine.add(fields);
          else for (const f of fields) mine.add(f);
        }
      }
      if (reads.included) for (const inner of reads.included) add(inner);
    };
    add(this);
    return (this.union = union);
  }

  /**
   * Whether `test` holds for some field read, over this frame and every frame it includes; stops at
   * the first. Unlike `fields`, forms no union: fix verification asks this of every rule of every
   * re-scan, and the union of a rule that read every resource is a map of sets as large as the unit.
   */
  someRead(test: (owner: TrackedObject, field: string) => boolean): boolean {
    if (this.union) return someField(this.union, test);
    const visited = new Set<Reads>();
    const pending: Reads[] = [this];
    while (pending.length > 0) {
      const reads = pending.pop()!;
      if (visited.has(reads)) continue;
      visited.add(reads);
      if (reads.own && someField(reads.own, test)) return true;
      if (reads.included) for (let i = 0; i < reads.included.length; i++) pending.push(reads.included[i]);
    }
    return false;
  }

  [Symbol.iterator](): IterableIterator<[TrackedObject, Set<string>]> {
    return this.fields().entries();
  }
}

/** `test` over a map of fields read; forEach, as a for…of allocates per step in baseline code. */
function someField(byOwner: Map<TrackedObject, OwnFields>, test: (owner: TrackedObject, field: string) => boolean): boolean {
  let found = false;
  byOwner.forEach((fields, owner) => {
    if (found) return;
    if (typeof fields === 'string') found = test(owner, fields);
    else fields.forEach((field) => void (found ||= test(owner, field)));
  });
  return found;
}

/** Reads of a frame that read nothing (most function calls): shared, so such frames allocate nothing. */
const NOTHING = new Reads(undefined, undefined);

/** An open frame, made when it first records or includes something. */
interface Frame {
  own?: Map<TrackedObject, OwnFields>;
  included?: Reads[];
  /** Memoised reads already included: a memo hit inside a loop would add the same node again and again. */
  seen?: Set<Reads>;
}

export class ReadLog implements ReadSink {
  private readonly frames: (Frame | undefined)[] = [];

  /** True while a frame is open (reads are being collected). */
  get active(): boolean {
    return this.frames.length > 0;
  }

  record(owner: TrackedObject, field: string): void {
    const depth = this.frames.length - 1;
    if (depth < 0) return;
    const frame = (this.frames[depth] ??= {});
    const own = (frame.own ??= new Map());
    const fields = own.get(owner);
    if (fields === undefined) own.set(owner, field);
    else if (typeof fields !== 'string') fields.add(field);
    else if (fields !== field) own.set(owner, new Set([fields, field]));
  }

  /** Opens a frame; pass the returned depth to `end`. */
  begin(): number {
    this.frames.push(undefined);
    return this.frames.length - 1;
  }

  /** Closes the frame opened at `depth` (and any left open above it); its reads also count for the enclosing frame. */
  end(depth: number): Reads {
    const frame = this.frames[depth];
    this.frames.length = depth;
    if (!frame) return NOTHING;
    // A frame that only includes one other frame reads exactly what that one does.
    const reads = frame.own === undefined && frame.included?.length === 1 ? frame.included[0] : new Reads(frame.own, frame.included);
    if (depth > 0) this.include(depth - 1, reads);
    return reads;
  }

  /** Counts reads made earlier (a memoised value's) in the open frame. */
  replay(reads: Reads | undefined): void {
    const depth = this.frames.length - 1;
    if (depth < 0 || !reads || reads.isEmpty) return;
    const seen = ((this.frames[depth] ??= {}).seen ??= new Set());
    if (seen.has(reads)) return;
    seen.add(reads);
    this.include(depth, reads);
  }

  private include(depth: number, reads: Reads): void {
    const frame = (this.frames[depth] ??= {});
    (frame.included ??= []).push(reads);
  }
}
