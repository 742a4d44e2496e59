// Shared evaluation vocabulary (kept apart so the evaluator's parts import no cycles).
import type { RegoValue } from './values';

/** A continuation's answer: STOP ends the enumeration that called it. */
export type Stop = boolean | void;
export const STOP = true;

/** Variable slots of one rule activation; undefined = unbound. */
export type Slots = (RegoValue | undefined)[];

/** `Evaluator.unifyFlat`'s answer when its terms are not all variables and constants. */
export const NOT_FLAT: unique symbol = Symbol('not flat');
