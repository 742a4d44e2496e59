// A wasm policy runs in a worker thread that the caller waits for synchronously, with a deadline.
// WebAssembly cannot be interrupted on the thread running it, and a hand-written module may loop
// (OPA-compiled ones terminate, like all Rego, but may be slow on a huge input): past the deadline
// the worker is terminated and the evaluation is an error; the next one starts a fresh worker.
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { loadWasmPolicy, type WasmEvaluation, type WasmPolicy } from './wasm';

/** Per evaluation (one entrypoint over one unit). */
export const WASM_EVALUATION_DEADLINE_MS = 2_000;
/** For the worker to start and instantiate the module (it loads Palisade's builtins first). */
const STARTUP_DEADLINE_MS = 30_000;

const IDLE = 0;
const ANSWERED = 1;

interface SandboxInit {
  palisadeWasmSandbox: true;
  bytes: Uint8Array;
  data: unknown;
  port: MessagePort;
  signal: SharedArrayBuffer;
}

type Answer = { kind: 'ready'; error?: string; entrypoints?: Record<string, number> } | { kind: 'result'; result: WasmEvaluation };

export class WasmSandbox {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private signal: Int32Array | undefined;
  private startError: string | undefined;
  private entrypointIds: Record<string, number> = {};

  constructor(
    private readonly bytes: Uint8Array,
    private readonly data: unknown,
    private readonly deadlineMs = WASM_EVALUATION_DEADLINE_MS,
  ) {}

  /** Starts the worker (instantiating the module there, never here): its entrypoints, or why it cannot run. */
  describe(): { entrypoints: Record<string, number>; error?: string } {
    const error = this.start();
    return { entrypoints: this.entrypointIds, ...(error ? { error } : {}) };
  }

  evaluate(entrypoint: string, input: unknown): WasmEvaluation {
    const started = this.start();
    if (started) return { error: started };
    this.signal![0] = IDLE;
    this.port!.postMessage({ entrypoint, input });
    const answer = this.await(this.deadlineMs);
    if (!answer) {
      this.stop();
      return { error: `${entrypoint} ran longer than ${this.deadlineMs} ms in policy.wasm and was stopped` };
    }
    return answer.kind === 'result' ? answer.result : { error: 'policy.wasm answered out of turn' };
  }

  stop(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = this.port = this.signal = undefined;
  }

  /** Undefined once the worker runs the module; else why it does not. */
  private start(): string | undefined {
    if (this.startError) return this.startError;
    if (this.worker) return undefined;
    const channel = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    this.signal = new Int32Array(shared);
    this.port = channel.port1;
    this.port.unref();
    const init: SandboxInit = { palisadeWasmSandbox: true, bytes: this.bytes, data: this.data, port: channel.port2, signal: shared };
    // The worker requires the module this code runs from: the bundle (dist/server.js) or, in tests,
    // the compiled file; both export runWasmSandbox.
    const source = `require(${JSON.stringify(__filename)}).runWasmSandbox();`;
    this.worker = new Worker(source, { eval: true, workerData: init, transferList: [channel.port2] });
    this.worker.unref();
    this.worker.on('error', () => undefined); // a failed worker shows as a missing answer
    const ready = this.await(STARTUP_DEADLINE_MS);
    if (!ready || ready.kind !== 'ready' || ready.error) {
      this.startError = ready?.kind === 'ready' && ready.error ? ready.error : 'the wasm sandbox worker did not start';
      this.stop();
      return this.startError;
    }
    this.entrypointIds = ready.entrypoints ?? {};
    return undefined;
  }

  private await(ms: number): Answer | undefined {
    const deadline = Date.now() + ms;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      Atomics.wait(this.signal!, 0, IDLE, left);
      const message = receiveMessageOnPort(this.port!);
      if (message) {
        this.signal![0] = IDLE;
        return message.message as Answer;
      }
    }
  }
}

/** The worker side: load the module once, then answer evaluations until terminated. */
export function runWasmSandbox(): void {
  if (isMainThread) return;
  const init = workerData as SandboxInit;
  const signal = new Int32Array(init.signal);
  const answer = (message: Answer) => {
    init.port.postMessage(message);
    Atomics.store(signal, 0, ANSWERED);
    Atomics.notify(signal, 0);
  };
  const { policy, error } = loadWasmPolicy(init.bytes);
  const dataError = policy?.setData(init.data);
  answer({ kind: 'ready', error: error ?? (dataError ? `the bundle's data was refused: ${dataError}` : undefined), entrypoints: policy?.entrypoints });
  if (!policy) return;
  const loaded: WasmPolicy = policy;
  init.port.on('message', (request: { entrypoint: string; input: unknown }) => {
    answer({ kind: 'result', result: loaded.evaluate(request.entrypoint, request.input) });
  });
}
