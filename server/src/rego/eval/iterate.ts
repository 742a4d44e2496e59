// `some k, v in coll` and `every`: unifying key/value patterns with each element of a collection,
// in OPA's order (arrays by index, objects by key, sets by member). Indexed loops and no closure
// per call: this runs for every `some … in` of every rule, and in V8's baseline tier, where most
// of a scan runs, a for…of allocates an iterator result per step.
import type { T } from './ir';
import type { Evaluator } from './evaluator';
import { STOP, type Slots, type Stop } from './control';
import { intNumber, isArray, isObject, isSet, sortedEntries, sortedMembers, type RegoValue } from './values';

/** Continues with `k` for each element that unifies; STOP when `k` stops. */
export function iterate(ev: Evaluator, coll: RegoValue, env: Slots, key: T | undefined, value: T, k: () => Stop): Stop {
  if (isArray(coll)) {
    for (let i = 0; i < coll.length; i++) if (iterateOne(ev, intNumber(i), coll[i], env, key, value, k)) return STOP;
  } else if (isObject(coll)) {
    const entries = sortedEntries(coll);
    for (let i = 0; i < entries.length; i++) if (iterateOne(ev, entries[i][0], entries[i][1], env, key, value, k)) return STOP;
  } else if (isSet(coll)) {
    const members = sortedMembers(coll);
    for (let i = 0; i < members.length; i++) if (iterateOne(ev, members[i], members[i], env, key, value, k)) return STOP;
  }
  return undefined;
}

function iterateOne(ev: Evaluator, kv: RegoValue, vv: RegoValue, env: Slots, key: T | undefined, value: T, k: () => Stop): Stop {
  ev.tick();
  return key ? ev.unifyValue(key, kv, env, thenUnify(ev, value, vv, env, k)) : ev.unifyValue(value, vv, env, k);
}

/** Made here, not in iterateOne: a function that creates a closure allocates its context on every call. */
function thenUnify(ev: Evaluator, value: T, vv: RegoValue, env: Slots, k: () => Stop): () => Stop {
  return () => ev.unifyValue(value, vv, env, k);
}
