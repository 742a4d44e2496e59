// Skipping the compile check when an edit cannot change its result: typing inside a plain string
// literal (a message, a sprintf format) keeps every compile error the same — OPA's checks see the
// literal's type, not its content — except that errors after the edit move by its length.
// Strings whose content the checks do read are excluded: ref segments (`x["a"]`, `data.p["q"]`),
// object keys (the type checker knows an object's keys) and rule head segments.
import type { Module, RegoError, Term } from '../rego/index';
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
  const a = before.text;
  const b = after.text;
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  const oldEnd = a.length - tail;
  const delta = b.length - a.length;
  const oldString = plainStringAround(before.module, start, oldEnd);
  const newString = plainStringAround(after.module, start, oldEnd + delta);
  // The same literal on both sides: same start, end moved by the edit, still a plain string.
  if (!oldString || !newString || oldString.loc.start !== newString.loc.start || oldString.loc.end + delta !== newString.loc.end) return undefined;
  const move = (offset: number) => (offset >= oldEnd ? offset + delta : offset);
  return errors.map((e) => (e.file !== file ? e : { ...e, loc: { start: move(e.loc.start), end: move(e.loc.end) } }));
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
