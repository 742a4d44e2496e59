// Values whose every use must be seen (tracked.ts): a derived view of one (canonical key, sorted
// entries, relation results) may be cached like any other, but each reuse must report the reads
// that computing the view made. Kept apart so key.ts needs no collections.

export const UNCACHED_VIEWS: unique symbol = Symbol('uncached-views');

/** Reports the reads a view of the value stands for: a whole read of it, and with `deep` of every such value inside it. */
export const REPORT_VIEW_READS: unique symbol = Symbol('report-view-reads');

interface ReportsViewReads {
  [REPORT_VIEW_READS]?(deep: boolean): void;
}

/** True for values whose uses must each be reported (tracked input objects and the arrays holding them). */
export function hasUncachedViews(v: object): boolean {
  return (v as { [UNCACHED_VIEWS]?: boolean })[UNCACHED_VIEWS] === true;
}

/**
 * Reports again the reads of a view of `v` computed earlier: for a view of the value alone (its
 * sorted entries) `deep` is false; for one that looked inside (a canonical key, a walk) it is true.
 */
export function reportViewReads(v: object, deep: boolean): void {
  (v as ReportsViewReads)[REPORT_VIEW_READS]?.(deep);
}
