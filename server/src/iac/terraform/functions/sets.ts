// Set functions. Results are sets: distinct, in Terraform's set order (see makeSet).
import { Value } from '../values';
import { FunctionError, FunctionTable, asList, checkSize, fn, makeSet, valuesEqual } from './support';

function setArgs(args: Value[]): Value[][] {
  return args.map((a, k) => makeSet(asList(a, k)));
}

function setintersection(args: Value[]): Value[] {
  const [first, ...rest] = setArgs(args);
  return makeSet(first.filter((v) => rest.every((s) => s.some((x) => valuesEqual(x, v)))));
}

function setsubtract(args: Value[]): Value[] {
  const [a, b] = setArgs(args);
  return makeSet(a.filter((v) => !b.some((x) => valuesEqual(x, v))));
}

function setunion(args: Value[]): Value[] {
  return makeSet(setArgs(args).flat(1));
}

/** Every combination of one element from each argument, in argument order. */
function setproduct(args: Value[]): Value[] {
  if (args.length < 2) throw new FunctionError('Invalid function argument: at least two arguments are required.');
  // Lists keep their order and duplicates (the result is a list); sets are already distinct.
  const lists = args.map((a, k) => asList(a, k));
  checkSize(lists.reduce((n, l) => n * l.length, 1), 'product');
  let product: Value[][] = [[]];
  for (const list of lists) {
    const next: Value[][] = [];
    for (const prefix of product) for (const v of list) next.push([...prefix, v]);
    product = next;
  }
  return product;
}

export const setFunctions: FunctionTable = {
  setintersection: fn(1, Infinity, setintersection),
  setproduct: fn(0, Infinity, setproduct),
  setsubtract: fn(2, 2, setsubtract),
  setunion: fn(1, Infinity, setunion),
};
