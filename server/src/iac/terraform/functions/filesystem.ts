// Filesystem functions. Files are read only through ctx.host (never node:fs); relative paths
// resolve against the module directory. FileHost returns text, so byte-exact results for binary
// files (filebase64 of an image) are approximations.
import { posix } from 'node:path';
import { Unknown, Value, collectRefs } from '../values';
import { FunctionContext, FunctionError, FunctionTable, argError, asObject, asString, fn, makeSet } from './support';

export function resolvePath(ctx: FunctionContext, path: string): string {
  return posix.isAbsolute(path) ? posix.normalize(path) : posix.join(ctx.moduleDir, path);
}

export function readFileText(ctx: FunctionContext, path: string, argIndex = 0): string {
  const text = ctx.host.readFile(resolvePath(ctx, path));
  if (text === undefined) {
    throw argError(
      argIndex,
      `no file exists at ${JSON.stringify(path)}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.`,
    );
  }
  return text;
}

/** Go's path.Clean. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const cleaned = posix.normalize(p);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}

/** Go's filepath.Dir: everything before the last separator, cleaned. */
function dirname(p: string): string {
  const k = p.lastIndexOf('/');
  return cleanPath(k < 0 ? '' : p.slice(0, k + 1));
}

/** Go's filepath.Base: the last element after trailing slashes are removed. */
function basename(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function pathexpand(args: Value[], ctx: FunctionContext): Value {
  const p = asString(args[0], 0);
  if (p === '~' || p.startsWith('~/')) return new Unknown(ctx.callText, [], 'the home directory is not known statically');
  return p;
}

/** Glob → RegExp with doublestar semantics: * and ? stay within a segment, ** spans segments. */
function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let k = 0; k < pattern.length; k++) {
    const ch = pattern[k];
    if (ch === '*' && pattern[k + 1] === '*') {
      k++;
      if (pattern[k + 1] === '/') {
        k++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', k + 1);
      if (close < 0) throw new FunctionError(`Invalid function argument: failed to glob pattern (${pattern}): syntax error in pattern.`, 1);
      const body = pattern.slice(k + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      re += `[${body}]`;
      k = close;
    } else if (ch === '{') {
      const close = pattern.indexOf('}', k + 1);
      if (close < 0) throw new FunctionError(`Invalid function argument: failed to glob pattern (${pattern}): syntax error in pattern.`, 1);
      re += '(?:' + pattern.slice(k + 1, close).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|') + ')';
      k = close;
    } else if (ch === '\\' && k + 1 < pattern.length) re += '\\' + pattern[++k];
    else re += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

const FILESET_LIMIT = 10000;

function fileset(args: Value[], ctx: FunctionContext): Value {
  const base = resolvePath(ctx, asString(args[0], 0));
  const pattern = asString(args[1], 1);
  const matcher = globToRegExp(posix.normalize(pattern).replace(/^\.\//, ''));
  const found: string[] = [];
  let visited = 0;
  const walk = (dir: string, rel: string, depth: number) => {
    const entries = ctx.host.listDir(dir);
    if (!entries || depth > 32) return;
    for (const name of entries) {
      if (++visited > FILESET_LIMIT) throw new FunctionError(`Invalid function argument: too many files under ${JSON.stringify(args[0])}.`, 0);
      const abs = posix.join(dir, name);
      const relPath = rel === '' ? name : `${rel}/${name}`;
      if (ctx.host.listDir(abs) !== undefined) walk(abs, relPath, depth + 1);
      else if (matcher.test(relPath)) found.push(relPath);
    }
  };
  walk(base, '', 0);
  return makeSet(found);
}

function templatefile(args: Value[], ctx: FunctionContext): Value {
  if (args[0] instanceof Unknown || args[1] instanceof Unknown) return new Unknown(ctx.callText, [...collectRefs(args)]);
  const path = asString(args[0], 0);
  const vars = asObject(args[1], 1);
  return ctx.renderTemplate(readFileText(ctx, path), resolvePath(ctx, path), vars);
}

export const filesystemFunctions: FunctionTable = {
  abspath: fn(1, 1, (a, ctx) => resolvePath(ctx, asString(a[0], 0))),
  basename: fn(1, 1, (a) => basename(asString(a[0], 0))),
  dirname: fn(1, 1, (a) => dirname(asString(a[0], 0))),
  file: fn(1, 1, (a, ctx) => readFileText(ctx, asString(a[0], 0))),
  filebase64: fn(1, 1, (a, ctx) => Buffer.from(readFileText(ctx, asString(a[0], 0)), 'utf8').toString('base64')),
  fileexists: fn(1, 1, (a, ctx) => ctx.host.readFile(resolvePath(ctx, asString(a[0], 0))) !== undefined),
  fileset: fn(2, 2, fileset),
  pathexpand: fn(1, 1, pathexpand),
  templatefile: fn(2, 2, templatefile, true),
};
