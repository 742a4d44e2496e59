// Read tracking for incremental re-evaluation: an input object that tells a sink which of its
// top-level keys were read, and which fields of the objects inside its top-level arrays. Knowing
// what a rule read lets a caller re-evaluate only the rules whose reads a changed input touches
// (evaluation is deterministic in what it reads). Reads are over-approximated, never missed:
// anything that sees a whole tracked object (iteration, size, canonical key) counts as every field.
import { ObjectValue } from './collections';
import type { RegoObject, RegoValue } from './types';
import { hasUncachedViews, REPORT_VIEW_READS, reportViewReads, UNCACHED_VIEWS } from './uncached';

/** Field name standing for "every field" (iteration, size, a non-string key). */
export const ALL_FIELDS = '*';

/** Where a tracked object is in the input: the top level, or element `index` of the array at `key`. */
export interface TrackedPlace {
  key?: string;
  index?: number;
}

export interface ReadSink {
  record(owner: TrackedObject, field: string): void;
}

export class TrackedObject extends ObjectValue {
  readonly [UNCACHED_VIEWS] = true;

  /** `members`: an object to view (its members are shared, not copied), or the entries of a new one. */
  constructor(
    members: ObjectValue | Iterable<readonly [RegoValue, RegoValue]>,
    private readonly sink: ReadSink,
    readonly place: TrackedPlace,
  ) {
    super(members instanceof ObjectValue ? undefined : members, members instanceof ObjectValue ? members : undefined);
  }

  override get(key: RegoValue): RegoValue | undefined {
    this.sink.record(this, typeof key === 'string' ? key : ALL_FIELDS);
    return super.get(key);
  }

  override has(key: RegoValue): boolean {
    this.sink.record(this, typeof key === 'string' ? key : ALL_FIELDS);
    return super.has(key);
  }

  override get size(): number {
    this.sink.record(this, ALL_FIELDS);
    return super.size;
  }

  override entries(): IterableIterator<readonly [RegoValue, RegoValue]> {
    this.sink.record(this, ALL_FIELDS);
    return super.entries();
  }

  override keys(): IterableIterator<RegoValue> {
    this.sink.record(this, ALL_FIELDS);
    return super.keys();
  }

  override values(): IterableIterator<RegoValue> {
    this.sink.record(this, ALL_FIELDS);
    return super.values();
  }

  /** What computing a view of this object read: every field, and (deep) whatever tracked values inside it read. */
  [REPORT_VIEW_READS](deep: boolean): void {
    this.sink.record(this, ALL_FIELDS);
    if (deep) for (const v of super.values()) reportInner(v);
  }
}

function reportInner(v: RegoValue): void {
  if (typeof v === 'object' && v !== null && hasUncachedViews(v)) reportViewReads(v, true);
}

/**
 * `input` with its top level and the objects of its top-level arrays tracked (shallow copies:
 * deeper values are shared). Any other value is returned as it is.
 */
export function trackedInput(input: RegoValue, sink: ReadSink): RegoValue {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || (input as { kind: string }).kind !== 'object') return input;
  const top = input as ObjectValue;
  const entries: [RegoValue, RegoValue][] = [];
  for (const [key, value] of top.entries()) {
    if (typeof key === 'string' && Array.isArray(value)) {
      const elements = (value as RegoValue[]).map((el, index) => (isPlainObject(el) ? new TrackedObject(el instanceof ObjectValue ? el : el.entries(), sink, { key, index }) : el));
      // The array's cached canonical key must report its elements' reads on each reuse.
      Object.defineProperty(elements, UNCACHED_VIEWS, { value: true });
      Object.defineProperty(elements, REPORT_VIEW_READS, { value: (deep: boolean) => deep && elements.forEach(reportInner) });
      entries.push([key, elements]);
    } else entries.push([key, value]);
  }
  return new TrackedObject(entries, sink, {});
}

function isPlainObject(v: RegoValue): v is RegoObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind: string }).kind === 'object';
}
