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

/** Unit indices to scan, taken from either end; each index is handed out once. */
export class UnitQueue {
  private readonly taken: Uint8Array;
  private front = 0;
  private backFamily: number;
  private backPosition: number;
  private left: number;

  /** `order`: unit indices, family after family; `familyStarts`: where each family begins in it. */
  constructor(
    private readonly order: number[],
    private readonly familyStarts: number[],
  ) {
    this.taken = new Uint8Array(order.length);
    this.left = order.length;
    this.backFamily = familyStarts.length - 1;
    this.backPosition = familyStarts[this.backFamily] ?? 0;
  }

  get remaining(): number {
    return this.left;
  }

  /** The next unit from the front: the largest families first, each in unit order. */
  takeFront(): number | undefined {
    while (this.front < this.order.length && this.taken[this.front]) this.front++;
    return this.front < this.order.length ? this.take(this.front++) : undefined;
  }

  /** The next unit from the back: the smallest families first, each still in unit order. */
  takeBack(): number | undefined {
    while (this.backFamily >= 0) {
      const end = this.familyStarts[this.backFamily + 1] ?? this.order.length;
      while (this.backPosition < end && this.taken[this.backPosition]) this.backPosition++;
      if (this.backPosition < end) return this.take(this.backPosition++);
      this.backFamily--;
      this.backPosition = this.familyStarts[this.backFamily] ?? 0;
    }
    return undefined;
  }

  private take(position: number): number {
    this.taken[position] = 1;
    this.left--;
    return this.order[position];
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
