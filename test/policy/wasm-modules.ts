// Small OPA-wasm-ABI modules for tests, assembled from WebAssembly text with wabt (no OPA binary is
// available here; real `opa build -t wasm` bundles are the target). Values are their JSON text:
// a value is an 8-byte cell [address, length]. ABI 1.2: the SDK places the input's JSON at the heap
// and calls `opa_eval`, which returns the address of the result set's NUL-terminated JSON.
//
// The policy each module implements: `deny` = [{"msg": <message>, "resource": B(input, <arg>…)}]
// where B is the imported builtin `builtin` called on the input and static JSON arguments, so a test
// sees the host supply the builtin and the result become a finding. `behaviour` adds failure modes.
import wabtInit from 'wabt';

export interface WasmModuleSpec {
  /** Builtin the module imports (ABI id 0), e.g. `object.get`. */
  builtin: string;
  /** JSON texts of the static arguments after `input`. */
  args: string[];
  message: string;
  entrypoint?: string;
  /** `trap`: `unreachable` during eval; `loop`: never returns; `abort`: calls opa_abort. */
  behaviour?: 'ok' | 'trap' | 'loop' | 'abort';
}

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function buildWasmPolicy(spec: WasmModuleSpec): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const module = wabt.parseWat('policy.wat', watFor(spec), { bulk_memory: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** Data segments laid out from address 8 upward; the heap starts on page 1. */
function segments(texts: string[]): { offsets: number[]; lengths: number[]; wat: string } {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = 8;
  let wat = '';
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    offsets.push(at);
    lengths.push(bytes.length);
    wat += `  (data (i32.const ${at}) "${[...bytes].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('')}")\n`;
    at += bytes.length + 8;
  }
  if (at > 65536) throw new Error('static data over one page');
  return { offsets, lengths, wat };
}

function watFor(spec: WasmModuleSpec): string {
  const arity = spec.args.length + 1;
  if (arity > 4) throw new Error('at most 3 static arguments');
  const entry = spec.entrypoint ?? 'main/deny';
  const prefix = `[{"result":[{"msg":${JSON.stringify(spec.message)},"resource":`;
  const data = segments([JSON.stringify({ [spec.builtin]: 0 }), JSON.stringify({ [entry]: 0 }), prefix, '}]}]\u0000', '[]\u0000', 'aborted by the policy\u0000', ...spec.args]);
  const [builtinsAt, entrypointsAt, prefixAt, suffixAt, emptyAt, abortAt, ...argsAt] = data.offsets;
  const [builtinsLen, entrypointsLen, prefixLen, suffixLen, , , ...argsLen] = data.lengths;
  const params = Array.from({ length: arity }, () => 'i32').join(' ');
  const argValues = argsAt.map((at, i) => `(call $value (i32.const ${at}) (i32.const ${argsLen[i]}))`).join(' ');
  const behaviour =
    spec.behaviour === 'trap' ? 'unreachable' : spec.behaviour === 'loop' ? '(loop $forever (br $forever))' : spec.behaviour === 'abort' ? `(call $abort (i32.const ${abortAt}))` : '';
  return `(module
  (import "env" "memory" (memory 1))
  (import "env" "opa_abort" (func $abort (param i32)))
  (import "env" "opa_builtin${arity}" (func $builtin (param i32 i32 ${params}) (result i32)))
${data.wat}
  (global $heap (mut i32) (i32.const 65536))
  (global (export "opa_wasm_abi_version") i32 (i32.const 1))
  (global (export "opa_wasm_abi_minor_version") i32 (i32.const 2))

  (func $alloc (export "opa_malloc") (param $n i32) (result i32)
    (local $p i32) (local $end i32)
    (local.set $p (global.get $heap))
    (local.set $end (i32.and (i32.add (i32.add (local.get $p) (local.get $n)) (i32.const 7)) (i32.const -8)))
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then (drop (memory.grow (i32.add (i32.div_u (i32.sub (local.get $end) (i32.mul (memory.size) (i32.const 65536))) (i32.const 65536)) (i32.const 1))))))
    (global.set $heap (local.get $end))
    (local.get $p))
  (func (export "opa_free") (param i32))
  (func (export "opa_heap_ptr_get") (result i32) (global.get $heap))
  (func (export "opa_heap_ptr_set") (param $p i32) (global.set $heap (local.get $p)))

  (func $value (param $addr i32) (param $len i32) (result i32)
    (local $cell i32)
    (local.set $cell (call $alloc (i32.const 8)))
    (i32.store (local.get $cell) (local.get $addr))
    (i32.store offset=4 (local.get $cell) (local.get $len))
    (local.get $cell))
  (func (export "opa_json_parse") (param $addr i32) (param $len i32) (result i32)
    (call $value (local.get $addr) (local.get $len)))
  (func (export "opa_json_dump") (param $v i32) (result i32)
    (local $out i32) (local $len i32)
    (local.set $len (i32.load offset=4 (local.get $v)))
    (local.set $out (call $alloc (i32.add (local.get $len) (i32.const 1))))
    (memory.copy (local.get $out) (i32.load (local.get $v)) (local.get $len))
    (i32.store8 (i32.add (local.get $out) (local.get $len)) (i32.const 0))
    (local.get $out))
  (func (export "builtins") (result i32) (call $value (i32.const ${builtinsAt}) (i32.const ${builtinsLen})))
  (func (export "entrypoints") (result i32) (call $value (i32.const ${entrypointsAt}) (i32.const ${entrypointsLen})))

  (func (export "opa_eval") (param $reserved i32) (param $entrypoint i32) (param $data i32) (param $input i32) (param $inputLen i32) (param $heapPtr i32) (param $format i32) (result i32)
    (local $r i32) (local $rLen i32) (local $out i32)
    (global.set $heap (local.get $heapPtr))
    ${behaviour}
    (local.set $r (call $builtin (i32.const 0) (i32.const 0) (call $value (local.get $input) (local.get $inputLen)) ${argValues}))
    ;; An undefined builtin result: the rule is undefined, the result set empty.
    (if (i32.eqz (local.get $r)) (then (return (i32.const ${emptyAt}))))
    (local.set $rLen (i32.load offset=4 (local.get $r)))
    (local.set $out (call $alloc (i32.add (i32.add (i32.const ${prefixLen}) (local.get $rLen)) (i32.const ${suffixLen}))))
    (memory.copy (local.get $out) (i32.const ${prefixAt}) (i32.const ${prefixLen}))
    (memory.copy (i32.add (local.get $out) (i32.const ${prefixLen})) (i32.load (local.get $r)) (local.get $rLen))
    (memory.copy (i32.add (i32.add (local.get $out) (i32.const ${prefixLen})) (local.get $rLen)) (i32.const ${suffixAt}) (i32.const ${suffixLen}))
    (local.get $out))
)
`;
}
