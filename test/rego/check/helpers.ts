// Shared helper for the check tests: OPA-style error lines for one module.
import { checkModules, type CheckOptions } from '../../../server/src/rego/check';

/** `row:col code message` for each error `checkModules` reports on `text` (file `t.rego`). */
export function check(text: string, options: CheckOptions = {}): string[] {
  return checkModules([{ file: 't.rego', text }], options).map((e) => `${e.row}:${e.col} ${e.code} ${e.message}`);
}

export const mod = (...lines: string[]) => ['package t', '', ...lines].join('\n') + '\n';
