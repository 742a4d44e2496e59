// style: rules about the text of a file rather than its tree — length, comments, formatting.
import { formatModule } from '../../../rego';
import type { Finding } from '../../types';
import { fileRule, optNumber, textOf } from '../helpers';

const codePoints = (s: string): number => [...s].length;

/** Width in code points, a tab counting 4; counted without splitting the line into characters. */
function lineWidth(line: string): number {
  let width = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) width += 3;
    // A surrogate pair is one code point (a lone surrogate counts as one, as in `[...s]`).
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width--;
        i++;
      }
    }
  }
  return width;
}

export const lineLength = fileRule('line-length', 'style', {
  summary: 'Line too long',
  rationale: 'Long lines are hard to read and to review side by side.',
  bad: 'package p\n\nallow if input.some.deeply.nested.attribute == "a value that makes this line much, much longer than it should be in code"',
  good: 'package p\n\nallow if {\n\tinput.some.deeply.nested.attribute == "a value"\n}',
}, (ctx, options) => {
  const max = optNumber(options, 'max-line-length', 120);
  const threshold = optNumber(options, 'non-breakable-word-threshold', 0);
  const out: Finding[] = [];
  let offset = 0;
  for (const line of ctx.lines) {
    const start = offset;
    offset += line.length + 1 + (ctx.text[start + line.length] === '\r' ? 1 : 0);
    // A line of n UTF-16 units is at most 4n columns wide (tabs count 4): most lines need no counting.
    if (line.length * 4 <= max) continue;
    const width = lineWidth(line);
    if (width <= max) continue;
    const unbreakable = threshold > 0 && line.split(/\s+/).some((w) => codePoints(w) >= threshold);
    if (!unbreakable) out.push({ loc: { start, end: start + line.length }, description: `Line too long: ${width} > ${max}` });
  }
  return out;
});

export const fileLength = fileRule('file-length', 'style', {
  summary: 'Max file length exceeded',
  rationale: 'A very long policy file is better split by concern into several files of the same package.',
  bad: '(a file of more than 500 lines)',
  good: '(several shorter files)',
}, (ctx, options) => {
  const max = optNumber(options, 'max-file-length', 500);
  const count = ctx.lines.length - (ctx.lines[ctx.lines.length - 1] === '' ? 1 : 0);
  return count > max ? [{ loc: { start: 0, end: 0 }, description: `Max file length exceeded: ${count} > ${max}` }] : [];
});

export const noWhitespaceComment = fileRule('no-whitespace-comment', 'style', {
  summary: 'Comment should start with whitespace',
  rationale: '`# comment` is the convention; `#comment` reads as commented-out code.',
  bad: 'package p\n\n#allow everyone\nallow := true',
  good: 'package p\n\n# allow everyone\nallow := true',
}, (ctx, options) => {
  const except = typeof options['except-pattern'] === 'string' && options['except-pattern'] !== '' ? new RegExp(String(options['except-pattern'])) : undefined;
  return ctx.comments
    .filter((c) => c.text !== '' && !/^[\s#]/.test(c.text) && !(except?.test(c.text) ?? false))
    .map((c) => ({ loc: c.loc, fix: [{ start: c.loc.start + 1, end: c.loc.start + 1, newText: ' ' }] }));
}, true);

export const todoComment = fileRule('todo-comment', 'style', {
  summary: 'Avoid TODO comments',
  rationale: 'TODO comments rot; track the work in an issue instead.',
  bad: 'package p\n\n# TODO: restrict this\nallow := true',
  good: 'package p\n\n# see issue #42\nallow := true',
}, (ctx) => ctx.comments.filter((c) => /^\s*(todo|fixme)\b/i.test(c.text)).map((c) => ({ loc: c.loc })));

export const opaFmt = fileRule('opa-fmt', 'style', {
  summary: 'File should be formatted with `opa fmt`',
  rationale: 'One canonical layout keeps diffs about content; Palisade\'s formatter is byte-identical to `opa fmt`.',
  bad: 'package p\nallow if { input.x }',
  good: 'package p\n\nallow if input.x\n',
}, (ctx) => {
  // Rules run only on files that parsed without errors: the formatter can reuse that parse.
  const parsed = { module: ctx.module, comments: ctx.comments, errors: [] };
  const r = formatModule(ctx.text, { regoVersion: ctx.regoVersion, outputVersion: ctx.regoVersion, parsed });
  if (r.formatted === undefined || r.formatted === ctx.text) return [];
  return [{ loc: { start: 0, end: 0 }, fix: [{ start: 0, end: ctx.text.length, newText: r.formatted }] }];
}, true);

// The formatter prints a plain string literal as written: typing inside one cannot change this rule's verdict.
opaFmt.stringContentBlind = true;
// The formatter prints each rule on its own, separated as the source separates them: in a file that
// was formatted, an edit inside one rule's lines leaves the file formatted exactly when that rule,
// formatted after the same package, imports and leading comments, comes out as written.
opaFmt.cleanAfterRuleEdit = (ctx, edited, firstRuleStart) => {
  const text = ctx.text.slice(0, Math.min(firstRuleStart, edited.start)) + ctx.text.slice(edited.start, edited.end);
  return formatModule(text, { regoVersion: ctx.regoVersion, outputVersion: ctx.regoVersion }).formatted === text;
};

export const detachedMetadata = fileRule('detached-metadata', 'style', {
  summary: 'Detached metadata annotation',
  rationale: 'A METADATA block separated from its rule by a blank line looks like it belongs to nothing.',
  bad: 'package p\n\n# METADATA\n# title: Allow\n\nallow := true',
  good: 'package p\n\n# METADATA\n# title: Allow\nallow := true',
}, (ctx) => {
  const out: Finding[] = [];
  for (const a of ctx.module.annotations) {
    const lastRow = ctx.index.position(a.loc.end - 1).row;
    const next = ctx.lines[lastRow];
    if (next !== undefined && next.trim() === '' && ctx.lines.slice(lastRow).some((l) => l.trim() !== '')) out.push({ loc: { start: a.loc.start, end: a.loc.start + textOf(ctx, a.loc).split('\n')[0].length } });
  }
  return out;
});

export const styleTextRules = [lineLength, fileLength, noWhitespaceComment, todoComment, opaFmt, detachedMetadata];
