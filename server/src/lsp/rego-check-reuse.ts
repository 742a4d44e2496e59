// Skipping the compile check when an edit cannot change its result: typing inside a plain string
// literal (a message, a sprintf format) keeps every compile error the same — OPA's checks see the
// literal's type, not its content — except that errors after the edit move by its length.
// Strings whose content the checks do read are excluded: ref segments (`x["a"]`, `data.p["q"]`),
// object keys (the type checker knows an object's keys) and rule head segments.
import { lineIndex, type Module, type RegoError, type Term } from '../rego/index';
import { walkRuleTerms } from '../lint/index';

/**
 * The errors of `before`'s check, moved to `after`'s text, when the only difference between the
 * two texts lies inside one plain string literal; undefined when the check must run again.
 */
export function shiftedErrorsForStringEdit(
  file: string,
  before: { text: string; module?: Module },
  after: { text: string; module?: Module },
  errors: RegoError[],
): RegoError[] | undefined {
  if (!before.module || !after.module) return undefined;
  const edit = singleEdit(before.text, after.text);
  if (!edit) return undefined;
  const { start, oldEnd, delta } = edit;
  const oldString = plainStringAround(before.module, start, oldEnd);
  const newString = plainStringAround(after.module, start, oldEnd + delta);
  // The same literal on both sides: same start, end moved by the edit, still a plain string.
  if (!oldString || !newString || oldString.loc.start !== newString.loc.start || oldString.loc.end + delta !== newString.loc.end) return undefined;
  return movedErrors(file, errors, mover(edit), after.text);
}

/** The plain string literal whose inside (between the quotes) holds [start, end). */
function plainStringAround(module: Module, start: number, end: number): Term | undefined {
  const excluded = new Set<Term>();
  const strings: Term[] = [];
  for (const rule of module.rules) {
    for (let r: typeof rule | undefined = rule; r; r = r.else) r.head.ref.forEach((t) => excluded.add(t));
    if (rule.loc.end < start || rule.loc.start > end) continue;
    walkRuleTerms(rule, (t) => {
      const v = t.value;
      if (v.type === 'ref') v.terms.slice(1).forEach((x) => excluded.add(x));
      else if (v.type === 'object') v.items.forEach(([k]) => excluded.add(k));
      else if (v.type === 'string') strings.push(t);
    });
  }
  return strings.find((t) => !excluded.has(t) && t.loc.start < start && end < t.loc.end);
}

// Edits that leave the module's syntax tree the same apart from positions — whitespace, line
// breaks, comment text — cannot change what the checks find: every check reads the tree, none
// reads comments or layout. The errors stay the same and move with the nodes they sit on.

/**
 * The errors of `before`'s check, moved to `after`'s text, when both modules are equal node for
 * node once positions are ignored and every node moved exactly by the one edit between the texts
 * (so each error, placed on some node, moves the same way); undefined when the check must run.
 * Errors whose message quotes a position in `file` (OPA's `multiple default rules … file:row`)
 * cannot be moved and force a new check.
 */
export function relocatedErrorsForLayoutEdit(
  file: string,
  before: { text: string; module?: Module },
  after: { text: string; module?: Module },
  errors: RegoError[],
): RegoError[] | undefined {
  if (!before.module || !after.module) return undefined;
  const edit = singleEdit(before.text, after.text);
  // An edit at the very start could move fixed-position errors (OPA's 1:1) wrongly: check again.
  if (!edit || edit.start === 0) return undefined;
  if (errors.some((e) => e.message.includes(`${file}:`))) return undefined;
  const move = mover(edit);
  if (!sameTreeMoved(before.module, after.module, move, true)) return undefined;
  return movedErrors(file, errors, move, after.text);
}

/**
 * Errors of `file` moved by `move`; row and column are recomputed only where the start moved
 * (the text before the edit is unchanged, and so are positions there).
 */
function movedErrors(file: string, errors: RegoError[], move: Mover, text: string): RegoError[] | undefined {
  let rows: ReturnType<typeof lineIndex> | undefined;
  const moved = errors.map((e) => {
    if (e.file !== file) return e;
    const loc = { start: move.start(e.loc.start), end: move.end(e.loc.end) };
    if (loc.start === e.loc.start && loc.end === e.loc.end) return e;
    if (loc.start === e.loc.start) return { ...e, loc };
    rows ??= lineIndex(text);
    const p = rows.position(loc.start);
    return { ...e, loc, row: p.row, col: p.col };
  });
  // An empty span at an insertion point has no side to move to: check again.
  return moved.some((e) => e.loc.end < e.loc.start) ? undefined : moved;
}

interface Mover {
  start(offset: number): number;
  end(offset: number): number;
}

/**
 * Where offsets of the old text land in the new one. At an insertion point a span that ends
 * there stays before the inserted text and a span that starts there moves after it.
 */
function mover(edit: { start: number; oldEnd: number; delta: number }): Mover {
  return {
    start: (offset) => (offset >= edit.oldEnd ? offset + edit.delta : offset),
    end: (offset) => (offset > edit.start && offset >= edit.oldEnd ? offset + edit.delta : offset),
  };
}

/** The last answer of `singleEdit`: both reuse checks ask it for the same pair of texts. */
let lastEdit: { a: string; b: string; edit: { start: number; oldEnd: number; delta: number } | undefined } | undefined;

/** The one replaced span between two texts: [start, oldEnd) of `a` became `delta` longer. */
function singleEdit(a: string, b: string): { start: number; oldEnd: number; delta: number } | undefined {
  if (lastEdit && lastEdit.a === a && lastEdit.b === b) return lastEdit.edit;
  const edit = findEdit(a, b);
  lastEdit = { a, b, edit };
  return edit;
}

function findEdit(a: string, b: string): { start: number; oldEnd: number; delta: number } | undefined {
  if (a === b) return undefined;
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { start, oldEnd: a.length - tail, delta: b.length - a.length };
}

/**
 * Deep equality of two syntax trees where every `loc` of `a` must map through `move` onto the
 * matching `loc` of `b`. The module's comments are skipped (no check reads them).
 */
function sameTreeMoved(a: unknown, b: unknown, move: Mover, isModule = false): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameTreeMoved(a[i], b[i], move)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!(key in y)) return false;
    if (isModule && key === 'comments') continue;
    if (key === 'loc' && isLoc(x.loc) && isLoc(y.loc)) {
      if (move.start(x.loc.start) !== y.loc.start || move.end(x.loc.end) !== y.loc.end) return false;
    } else if (!sameTreeMoved(x[key], y[key], move)) return false;
  }
  return true;
}

function isLoc(v: unknown): v is { start: number; end: number } {
  return typeof v === 'object' && v !== null && typeof (v as { start?: unknown }).start === 'number';
}
