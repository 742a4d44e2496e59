// Every handler runs under a guard: an exception is logged and turned into a fallback answer,
// so one bad request (or one bug) never takes the server down.

export interface Logger {
  error(message: string): void;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Wraps a (possibly async) handler; failures are logged under `name` and answered with `fallback`. */
export function guarded<A extends unknown[], R>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      log.error(`palisade: ${name} failed: ${errorText(err)}`);
      return fallback;
    }
  };
}

/** Runs fire-and-forget work (notifications, timers) under the same rule. */
export function runGuarded(log: Logger, name: string, work: () => unknown): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((err) => log.error(`palisade: ${name} failed: ${errorText(err)}`));
  } catch (err) {
    log.error(`palisade: ${name} failed: ${errorText(err)}`);
  }
}
