// Runs the `policy.wasm` of an OPA bundle (`opa build -t wasm`) through OPA's JavaScript SDK,
// `@open-policy-agent/opa-wasm`. OPA compiles most builtins into the module; the rest are imported
// and answered by the host. The SDK answers a few itself; every other one a module imports is
// answered by Palisade's own builtin implementations (the ones its Rego engine runs), so a bundle
// works whatever builtins it uses — except those that reach outside (http.send …): Palisade runs
// offline, and a module importing one is refused when it loads, not when a rule happens to call it.
import { fromJS, getBuiltin, toJS, type RegoValue } from '../../rego';

// The package's ESM entry (which the bundler would pick for `import`) exports only the async
// loadPolicy; the CommonJS entry has loadPolicySync, which pack loading (synchronous) needs.
const { loadPolicySync } = require('@open-policy-agent/opa-wasm') as typeof import('@open-policy-agent/opa-wasm');

/** The part of the WebAssembly JS API used here (the Node typings this project compiles with lack it). */
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: { new (bytes: Uint8Array): object; imports(module: object): { module: string; name: string; kind: string }[] };
};

/** What the SDK keeps of a loaded module (not in its typings). */
interface LoadedInternals {
  wasmInstance: { exports: Record<string, unknown> };
  mem: { buffer: ArrayBuffer };
}

/** What the SDK (1.10) implements itself (src/builtins); it takes precedence over host builtins. */
const SDK_BUILTINS = new Set(['json.is_valid', 'sprintf', 'regex.split', 'yaml.is_valid', 'yaml.marshal', 'yaml.unmarshal']);

/** 64 KiB pages: a module may grow its memory to 256 MiB, no further (a runaway allocation stops there). */
const MAX_MEMORY_PAGES = 4096;

export interface WasmEvaluation {
  /** The entrypoint's value (result set's first `result`); undefined when the rule is undefined. */
  value?: unknown;
  error?: string;
}

export interface WasmPolicy {
  /** Entrypoint name → id, as the module reports them (`main/deny`, `team/s3/warn`, …). */
  entrypoints: Record<string, number>;
  /** Builtins the module imports (answered by the SDK or by Palisade). */
  builtins: string[];
  evaluate(entrypoint: string, input: unknown): WasmEvaluation;
  /** Gives the module its `data`; the error message when the module rejects it. */
  setData(data: unknown): string | undefined;
}

/** Loads a module; `error` says why it cannot run (not wasm, wrong ABI, a builtin nobody provides). */
export function loadWasmPolicy(bytes: Uint8Array): { policy?: WasmPolicy; error?: string } {
  if (!WebAssembly.validate(bytes)) return { error: 'policy.wasm is not a valid WebAssembly module' };
  const foreign = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).filter((i) => i.module !== 'env');
  if (foreign.length > 0) return { error: `policy.wasm imports ${foreign.map((i) => `${i.module}.${i.name}`).join(', ')}, which the OPA wasm ABI does not define` };
  let loaded: ReturnType<typeof loadPolicySync>;
  try {
    loaded = loadPolicySync(bytes, { initial: 5, maximum: MAX_MEMORY_PAGES }, hostBuiltins());
  } catch (err) {
    return { error: `policy.wasm does not load as an OPA policy: ${messageOf(err)}` };
  }
  const builtins = importedBuiltins(loaded);
  if (builtins === undefined) return { error: 'policy.wasm does not list its builtins (not an OPA-built module?)' };
  const missing = builtins.filter((name) => !SDK_BUILTINS.has(name) && !providedBuiltin(name));
  if (missing.length > 0) return { error: `policy.wasm needs builtins Palisade does not provide: ${missing.join(', ')}` };
  const entrypoints = loaded.entrypoints as Record<string, number>;
  return {
    policy: {
      entrypoints,
      builtins,
      setData(data) {
        try {
          loaded.setData(data as object);
          return undefined;
        } catch (err) {
          return messageOf(err);
        }
      },
      evaluate(entrypoint, input) {
        if (!(entrypoint in entrypoints)) return { error: `policy.wasm has no entrypoint ${entrypoint}` };
        try {
          const resultSet = loaded.evaluate(input, entrypoint) as unknown;
          if (!Array.isArray(resultSet)) return { error: `${entrypoint} returned ${JSON.stringify(resultSet)?.slice(0, 100)}, not a result set` };
          const first = resultSet[0] as { result?: unknown } | undefined;
          return first && typeof first === 'object' && 'result' in first ? { value: first.result } : {};
        } catch (err) {
          return { error: `${entrypoint} failed in policy.wasm: ${messageOf(err)}` };
        }
      },
    },
  };
}

function providedBuiltin(name: string): boolean {
  const builtin = getBuiltin(name);
  return builtin !== undefined && !builtin.external;
}

/**
 * The SDK looks a builtin up by name when the module calls it (`customBuiltins[name]`): answer every
 * name Palisade implements, converting the SDK's JSON values to Rego values and back. Errors make
 * the call undefined, as OPA's non-strict builtin errors do.
 */
function hostBuiltins(): Record<string, (...args: unknown[]) => unknown> {
  const cache = new Map<string, RegoValue>();
  return new Proxy({} as Record<string, (...args: unknown[]) => unknown>, {
    get(_target, name) {
      if (typeof name !== 'string' || !providedBuiltin(name)) return undefined;
      const builtin = getBuiltin(name)!;
      return (...args: unknown[]) => {
        try {
          const out = builtin.impl(args.map((a) => fromJS(a)), { nowNs: BigInt(Date.now()) * 1_000_000n, strictBuiltinErrors: false, print: () => undefined, cache });
          return out === undefined ? undefined : toJS(out);
        } catch {
          return undefined;
        }
      };
    },
  });
}

/** The module's `builtins()` export: name → id of every builtin it imports. */
function importedBuiltins(loaded: ReturnType<typeof loadPolicySync>): string[] | undefined {
  const { wasmInstance, mem: memory } = loaded as unknown as LoadedInternals;
  const exports = wasmInstance.exports;
  if (typeof exports.builtins !== 'function' || typeof exports.opa_json_dump !== 'function') return undefined;
  try {
    const address = (exports.opa_json_dump as (v: number) => number)((exports.builtins as () => number)());
    const bytes = new Uint8Array(memory.buffer);
    let end = address;
    while (end < bytes.length && bytes[end] !== 0) end++;
    const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(address, end))) as unknown;
    return parsed && typeof parsed === 'object' ? Object.keys(parsed) : undefined;
  } catch {
    return undefined;
  }
}

/** The SDK throws strings, objects with `message`, and Errors alike. */
function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') return (err as { message: string }).message;
  return String(err);
}
