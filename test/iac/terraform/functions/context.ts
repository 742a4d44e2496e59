// Test helpers for the function library: an in-memory FileHost and a call shorthand.
import assert from 'node:assert/strict';
import type { FileHost } from '../../../../server/src/iac/model';
import { FunctionError, callFunction, type FunctionContext } from '../../../../server/src/iac/terraform/functions';
import type { Value, ValueObject } from '../../../../server/src/iac/terraform/values';

/** A read-only file tree from absolute path → text; directories are implied by the paths. */
export function memoryHost(files: Record<string, string>): FileHost {
  return {
    readFile: (path) => (Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined),
    listDir: (path) => {
      const prefix = path.endsWith('/') ? path : path + '/';
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

export function makeContext(files: Record<string, string> = {}, overrides: Partial<FunctionContext> = {}): FunctionContext {
  return {
    moduleDir: '/work/mod',
    host: memoryHost(files),
    callText: 'fn(...)',
    renderTemplate: (text: string, _path: string, vars: ValueObject) =>
      text.replace(/\$\{(\w+)\}/g, (_m, name: string) => String(vars[name])),
    ...overrides,
  };
}

export function call(name: string, ...args: Value[]): Value {
  return callFunction(name, args, makeContext());
}

/** Asserts the call fails with a FunctionError whose message matches. */
export function assertCallError(name: string, args: Value[], message: RegExp): void {
  assert.throws(
    () => callFunction(name, args, makeContext()),
    (e: unknown) => e instanceof FunctionError && message.test(e.message),
    `${name}(${JSON.stringify(args)}) should fail with ${message}`,
  );
}
