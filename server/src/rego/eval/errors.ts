// Evaluation errors carry OPA's codes and messages; they unwind the evaluator (never leave it:
// the public API turns them into RegoError values).
import type { Loc, RegoError } from '../syntax/ast';

export type EvalErrorCode =
  | 'eval_conflict_error'
  | 'eval_type_error'
  | 'eval_builtin_error'
  | 'eval_cancel_error'
  | 'eval_budget_error'
  | 'eval_internal_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'rego_compile_error'
  | 'rego_type_error';

export class EvalError extends Error {
  constructor(
    readonly code: EvalErrorCode,
    message: string,
    readonly loc?: Loc,
    readonly file?: string,
  ) {
    super(message);
  }
}

export const CONFLICT_COMPLETE = 'complete rules must not produce multiple outputs';
export const CONFLICT_FUNCTION = 'functions must not produce multiple outputs for same inputs';
export const CONFLICT_OBJECT_KEYS = 'object keys must be unique';

const NO_LOC: Loc = { start: 0, end: 0 };

/** Converts anything thrown inside evaluation into an OPA-shaped error. */
export function toRegoError(e: unknown, rowCol?: (file: string | undefined, offset: number) => { row: number; col: number }): RegoError {
  if (e instanceof EvalError) {
    const loc = e.loc ?? NO_LOC;
    const rc = rowCol ? rowCol(e.file, loc.start) : { row: 0, col: 0 };
    return { code: e.code, message: e.message, loc, row: rc.row, col: rc.col, file: e.file };
  }
  const code = (e as { code?: unknown })?.code;
  if (code === 'eval_type_error' || code === 'eval_builtin_error') {
    return { code, message: (e as Error).message, loc: NO_LOC, row: 0, col: 0 };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { code: 'eval_internal_error', message: 'evaluation too deep (maximum call stack exceeded)', loc: NO_LOC, row: 0, col: 0 };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'eval_internal_error', message: msg, loc: NO_LOC, row: 0, col: 0 };
}
