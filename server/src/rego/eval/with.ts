// `with`: replaces input, parts of data (base or virtual) and functions/builtins for one
// expression. As in OPA, the replacement holds while that expression is evaluated and is lifted
// while the rest of the body runs; each `with` context gets fresh rule and function caches.
import type { E, FnRef, T, WithMod } from './ir';
import type { Evaluator } from './evaluator';
import type { Slots, Stop } from './control';
import { isObject, ObjectValue, type RegoValue } from './values';

interface Mock {
  fn?: FnRef;
  value?: RegoValue;
}

interface Saved {
  input: RegoValue | undefined;
  data: RegoValue;
  masked: string[][];
  overrides: { path: string[]; value: RegoValue }[];
  mocks: Map<string, Mock>;
  docsCache: Evaluator['docs']['cache'];
  callsCache: Evaluator['calls']['cache'];
}

const PLACEHOLDER: T = { k: 'val', v: null };

export class WithStack {
  private masked: string[][] = [];
  private overrides: { path: string[]; value: RegoValue }[] = [];
  private mocks = new Map<string, Mock>();

  constructor(private readonly ev: Evaluator) {}

  mockFor(name: string): Mock | undefined {
    return this.mocks.size === 0 ? undefined : this.mocks.get(name);
  }

  /** Runs `f` with function mocks lifted: a replacement calls originals, never other mocks. */
  withoutMocks<R>(f: () => R): R {
    const saved = this.mocks;
    this.mocks = new Map();
    try {
      return f();
    } finally {
      this.mocks = saved;
    }
  }

  /** True when `path` is at or under a data path replaced by `with`. */
  isMasked(path: readonly string[]): boolean {
    if (this.masked.length === 0) return false;
    return this.masked.some((m) => m.length <= path.length && m.every((p, i) => p === path[i]));
  }

  /** Applies replacements strictly below a node to its computed value. */
  applyOverridesBelow(path: readonly string[], v: RegoValue): RegoValue {
    for (const o of this.overrides) {
      if (o.path.length > path.length && path.every((p, i) => p === o.path[i])) v = upsert(v, o.path.slice(path.length), o.value);
    }
    return v;
  }

  evalWith(e: E, env: Slots, next: () => Stop): Stop {
    const valueTerms = e.with.map((w) => (w.fnValue ? PLACEHOLDER : w.value));
    return this.ev.evalTerms(valueTerms, env, (vals) => {
      const outer = this.save();
      this.apply(e.with, vals);
      const inner = this.save();
      try {
        return this.ev.evalExpr(e, env, () => {
          this.restore(outer);
          try {
            return next();
          } finally {
            this.restore(inner);
          }
        });
      } finally {
        this.restore(outer);
      }
    });
  }

  private apply(mods: WithMod[], vals: RegoValue[]): void {
    mods.forEach((m, i) => {
      const v = vals[i];
      const t = m.target;
      if (t.kind === 'input') this.ev.input = t.path.length === 0 ? v : upsert(this.ev.input ?? new ObjectValue(), t.path, v);
      else if (t.kind === 'data') {
        this.ev.data = upsert(this.ev.data, t.path, v);
        this.masked = [...this.masked, t.path];
        this.overrides = [...this.overrides, { path: t.path, value: v }];
      } else {
        this.mocks = new Map(this.mocks);
        this.mocks.set(t.name, m.fnValue ? { fn: m.fnValue } : { value: v });
      }
    });
    this.ev.docs.cache = new Map();
    this.ev.calls.cache = new Map();
  }

  private save(): Saved {
    return {
      input: this.ev.input,
      data: this.ev.data,
      masked: this.masked,
      overrides: this.overrides,
      mocks: this.mocks,
      docsCache: this.ev.docs.cache,
      callsCache: this.ev.calls.cache,
    };
  }

  private restore(s: Saved): void {
    this.ev.input = s.input;
    this.ev.data = s.data;
    this.masked = s.masked;
    this.overrides = s.overrides;
    this.mocks = s.mocks;
    this.ev.docs.cache = s.docsCache;
    this.ev.calls.cache = s.callsCache;
  }
}

/** A copy of `doc` with `value` at `path` (objects created along the way). */
export function upsert(doc: RegoValue | undefined, path: readonly string[], value: RegoValue): RegoValue {
  if (path.length === 0) return value;
  const out = new ObjectValue(isObject(doc) ? doc.entries() : undefined);
  out.set(path[0], upsert(isObject(doc) ? doc.get(path[0]) : undefined, path.slice(1), value));
  return out;
}
