// Shared evaluation vocabulary (kept apart so the evaluator's parts import no cycles).
import type { RegoValue } from './values';

/** A continuation's answer: STOP ends the enumeration that called it. */
export type Stop = boolean | void;
export const STOP = true;

/** Variable slots of one rule activation; undefined = unbound. */
export type Slots = (RegoValue | undefined)[];

/** `Evaluator.unifyFlat`'s answer when its terms are not all variables and constants. */
export const NOT_FLAT: unique symbol = Symbol('not flat');

/** A term or call that needs the general (enumerating) path rather than a value at hand. */
export const NOT_SIMPLE: unique symbol = Symbol('not simple');
