// The order in which `palisade scan --jobs N` hands out units. Units that evaluate the same local
// module (a module and the examples that call it) form a family; the report keeps each module
// finding from the family's first unit in unit order (scan-report.ts), and a thread that scans a
// family in unit order knows, before verifying a finding's fixes, whether an earlier unit already
// reports it (UnitScanner.noteReported). So every family is scanned in unit order, and families
// go largest first to the workers (from the front) and smallest first to this thread (from the
// back) for balance. Only an order: a wrong guess costs balance or a needless verification, never
// a different report.
import type { FileHost } from '../iac/model';
import { DiskHost } from '../workspace/disk-host';

/** A local module call's source (`source = "../modules/x"`), as written in a .tf file. */
const LOCAL_SOURCE = /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;

/** Slots of the queue's shared state, before the order, the family starts and the taken marks. */
const LOCK = 0;
const FRONT = 1;
const BACK_FAMILY = 2;
const BACK_POSITION = 3;
const LEFT = 4;
const LENGTH = 5;
const FAMILIES = 6;
const HEADER = 7;

/**
 * Unit indices to scan, taken from either end; each index is handed out once. The state lives in a
 * SharedArrayBuffer, so the scan threads take their next unit themselves (`UnitQueue.attach` in a
 * worker) instead of waiting for the main thread, which answers messages only between its own units.
 */
export class UnitQueue {
  private readonly state: Int32Array;
  private readonly length: number;
  private readonly families: number;

  /** `order`: unit indices, family after family; `familyStarts`: where each family begins in it. */
  constructor(order: readonly number[] | SharedArrayBuffer, familyStarts: readonly number[] = []) {
    if (order instanceof SharedArrayBuffer) {
      this.state = new Int32Array(order);
      this.length = this.state[LENGTH];
      this.families = this.state[FAMILIES];
      return;
    }
    this.length = order.length;
    this.families = familyStarts.length;
    this.state = new Int32Array(new SharedArrayBuffer(4 * (HEADER + 2 * order.length + familyStarts.length)));
    this.state.set(order, HEADER);
    this.state.set(familyStarts, HEADER + this.length);
    this.state[LENGTH] = this.length;
    this.state[FAMILIES] = this.families;
    this.state[LEFT] = this.length;
    this.state[BACK_FAMILY] = this.families - 1;
    this.state[BACK_POSITION] = this.familyStart(this.families - 1);
  }

  /** The same queue in another thread: pass `shared` to it and attach there. */
  static attach(shared: SharedArrayBuffer): UnitQueue {
    return new UnitQueue(shared);
  }

  get shared(): SharedArrayBuffer {
    return this.state.buffer as SharedArrayBuffer;
  }

  get remaining(): number {
    return Atomics.load(this.state, LEFT);
  }

  /** The next unit from the front: the largest families first, each in unit order. */
  takeFront(): number | undefined {
    return this.locked(() => {
      let front = this.state[FRONT];
      while (front < this.length && this.isTaken(front)) front++;
      this.state[FRONT] = front < this.length ? front + 1 : front;
      return front < this.length ? this.take(front) : undefined;
    });
  }

  /** The next unit from the back: the smallest families first, each still in unit order. */
  takeBack(): number | undefined {
    return this.locked(() => {
      let family = this.state[BACK_FAMILY];
      let position = this.state[BACK_POSITION];
      let taken: number | undefined;
      while (family >= 0) {
        const end = family + 1 < this.families ? this.familyStart(family + 1) : this.length;
        while (position < end && this.isTaken(position)) position++;
        if (position < end) {
          taken = this.take(position++);
          break;
        }
        family--;
        position = this.familyStart(family);
      }
      this.state[BACK_FAMILY] = family;
      this.state[BACK_POSITION] = position;
      return taken;
    });
  }

  private familyStart(family: number): number {
    return family >= 0 && family < this.families ? this.state[HEADER + this.length + family] : 0;
  }

  private isTaken(position: number): boolean {
    return this.state[HEADER + this.length + this.families + position] !== 0;
  }

  private take(position: number): number {
    this.state[HEADER + this.length + this.families + position] = 1;
    this.state[LEFT]--;
    return this.state[HEADER + position];
  }

  /**
   * Runs `body` holding the queue's lock. The sections are a few array reads, so a thread that
   * finds the lock held spins rather than sleeps; Atomics' ordering makes the other thread's
   * writes under the lock visible here.
   */
  private locked<T>(body: () => T): T {
    while (Atomics.compareExchange(this.state, LOCK, 0, 1) !== 0);
    try {
      return body();
    } finally {
      Atomics.store(this.state, LOCK, 0);
    }
  }
}

/**
 * Families of units that share a local module directory (transitively), largest estimated cost
 * first (the bytes of .tf a unit evaluates: its own and its local modules'), each in unit order.
 */
export function unitQueue(dirs: string[], host: FileHost = new DiskHost()): UnitQueue {
  const own = new Map<string, { bytes: number; calls: string[] }>();
  const read = (dir: string) => {
    let hit = own.get(dir);
    if (hit) return hit;
    hit = { bytes: 0, calls: [] };
    own.set(dir, hit);
    const names = (host.listDir(dir) ?? []).filter((n) => n.endsWith('.tf'));
    for (const name of names) {
      const text = host.readFile(`${dir}/${name}`);
      if (text === undefined) continue;
      hit.bytes += text.length;
      for (const m of text.matchAll(LOCAL_SOURCE)) hit.calls.push(normalise(`${dir}/${m[1]}`));
    }
    return hit;
  };
  const parent = new Map<string, string>();
  const rootOf = (dir: string): string => {
    let root = dir;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    parent.set(dir, root);
    return root;
  };
  const costs = dirs.map((dir) => {
    let total = 0;
    const seen = new Set<string>();
    const visit = (d: string) => {
      if (seen.has(d) || seen.size > 64) return;
      seen.add(d);
      total += read(d).bytes;
      for (const c of read(d).calls) visit(c);
    };
    visit(dir);
    const root = rootOf(dir);
    for (const d of seen) {
      const other = rootOf(d);
      if (other !== root) parent.set(other, root);
    }
    return total;
  });
  const families = new Map<string, { cost: number; units: number[] }>();
  dirs.forEach((dir, index) => {
    const root = rootOf(dir);
    let family = families.get(root);
    if (!family) families.set(root, (family = { cost: 0, units: [] }));
    family.cost += costs[index];
    family.units.push(index);
  });
  const sorted = [...families.values()].sort((a, b) => b.cost - a.cost || a.units[0] - b.units[0]);
  const order: number[] = [];
  const starts: number[] = [];
  for (const family of sorted) {
    starts.push(order.length);
    order.push(...family.units);
  }
  return new UnitQueue(order, starts);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
