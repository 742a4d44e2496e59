// The public evaluation options (budget, input, hooks) as the evaluator takes them; shared by the
// query/rule entry points and the failure explainer so both evaluate under the same settings.
import type { EvaluatorOptions } from './evaluator';
import type { EvalOptions } from './index';

export function evaluatorOptions(options: EvalOptions): EvaluatorOptions {
  return {
    input: options.input,
    data: options.data,
    strictBuiltinErrors: options.strictBuiltinErrors,
    maxSteps: options.budget?.maxSteps,
    deadline: options.budget?.maxMillis !== undefined ? Date.now() + options.budget.maxMillis : undefined,
    isCancelled: options.isCancelled,
    print: options.print,
    nowNs: options.nowNs,
    runtime: options.runtime,
    reads: options.reads,
  };
}
