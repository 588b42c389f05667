import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { inferenceWorkerSource } from "./inference-worker-source.js";
import type { ModelSignature, TensorData } from "./tensor-data.js";

/** Session options the worker passes to `InferenceSession.create`. */
export interface WorkerSessionOptions {
  executionProviders: string[];
  graphOptimizationLevel: "all";
  intraOpNumThreads?: number;
}

type Reply =
  | ({ type: "loaded" } & ModelSignature)
  | { type: "released" }
  | { type: "result"; id: number; output: TensorData }
  | { type: "error"; id?: number; message: string };

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/**
 * One onnxruntime session living in a worker thread, so inference never
 * blocks the event loop. The worker is unref'd while idle (it never keeps a
 * process alive on its own) and ref'd while a request waits on it.
 */
export class InferenceWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #inFlight = new Set<Promise<Reply>>();
  #nextId = 1;
  #dead: Error | undefined;
  #closing = false;

  private constructor() {
    const onnxruntimePath = createRequire(import.meta.url).resolve("onnxruntime-node");
    this.#worker = new Worker(inferenceWorkerSource, { eval: true, workerData: { onnxruntimePath } });
    this.#worker.unref();
    this.#worker.on("message", (reply: Reply) => {
      const key = reply.type === "loaded" ? 0 : reply.type === "released" ? -1 : (reply.id ?? 0);
      const pending = this.#pending.get(key);
      if (!pending) return;
      this.#settle(key);
      pending.resolve(reply);
    });
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the inference worker exited (code ${code})`)));
  }

  /** Starts a worker and loads the model in it; resolves with what the model declares, or rejects with onnxruntime's message. */
  static async start(path: string, sessionOptions: WorkerSessionOptions): Promise<{ worker: InferenceWorker; signature: ModelSignature }> {
    const worker = new InferenceWorker();
    try {
      const reply = await worker.#request(0, { type: "load", path, sessionOptions });
      if (reply.type !== "loaded") throw new Error(reply.type === "error" ? reply.message : `unexpected reply ${reply.type}`);
      return { worker, signature: { inputNames: reply.inputNames, inputMetadata: reply.inputMetadata, outputNames: reply.outputNames } };
    } catch (error) {
      await worker.terminate();
      throw error;
    }
  }

  /** Runs the model once; rejects with onnxruntime's message on failure. */
  async run(feeds: Record<string, TensorData>, outputName: string): Promise<TensorData> {
    const id = this.#nextId++;
    const transfer = Object.values(feeds).map((feed) => feed.data.buffer as ArrayBuffer);
    const reply = await this.#request(id, { type: "run", id, feeds, outputName }, transfer);
    if (reply.type === "error") throw new Error(reply.message);
    if (reply.type !== "result") throw new Error(`unexpected reply ${reply.type}`);
    return reply.output;
  }

  /**
   * Waits for runs in flight (stopping the thread under a native run crashes
   * the process), frees the session, then stops the worker. New runs are refused.
   */
  async terminate(): Promise<void> {
    if (this.#dead) return;
    this.#closing = true;
    await Promise.allSettled([...this.#inFlight]);
    await this.#request(-1, { type: "release" }, [], true).catch(() => undefined);
    this.#fail(new Error("the inference worker was stopped (dispose)"));
    await this.#worker.terminate();
  }

  #request(id: number, message: unknown, transfer: ArrayBuffer[] = [], closing = false): Promise<Reply> {
    if (this.#dead) return Promise.reject(this.#dead);
    if (this.#closing && !closing) return Promise.reject(new Error("the inference worker is stopping (dispose)"));
    const reply = new Promise<Reply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage(message, transfer);
    });
    this.#inFlight.add(reply);
    const settled = (): void => void this.#inFlight.delete(reply);
    reply.then(settled, settled);
    return reply;
  }

  #settle(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #fail(error: Error): void {
    this.#dead ??= error;
    for (const [id, pending] of [...this.#pending]) {
      this.#settle(id);
      pending.reject(error);
    }
  }
}
