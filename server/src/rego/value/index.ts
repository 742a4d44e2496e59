// Rego runtime values: representation (types), numbers, collections, order, keys, conversion, printing.
export * from './types';
export * from './number';
export * from './collections';
export * from './compare';
export * from './key';
export * from './json';
export * from './format';
export * from './tracked';
export * from './uncached';
export * from './yaml-depth';
