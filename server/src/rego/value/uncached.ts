// The mark of values whose derived views (canonical key, sorted entries, relation results) must not
// be cached, because each use must be seen (tracked.ts). Kept apart so key.ts needs no collections.

export const UNCACHED_VIEWS: unique symbol = Symbol('uncached-views');

/** True for values whose views must be recomputed on every use. */
export function hasUncachedViews(v: object): boolean {
  return (v as { [UNCACHED_VIEWS]?: boolean })[UNCACHED_VIEWS] === true;
}
