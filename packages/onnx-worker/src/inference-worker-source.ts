/**
 * The worker thread's program, as CommonJS source run with `{ eval: true }` —
 * so it works the same from `src` (tests) and `dist`, with no separate file to
 * locate. It owns the onnxruntime session: onnxruntime-node's `session.run` is
 * synchronous native code behind a `setImmediate` (checked in 1.30.0), so on
 * the main thread it would block the event loop for the whole inference.
 *
 * Messages in:  { type: "load", path, sessionOptions } · { type: "run", id, feeds, outputName } · { type: "release" }
 * Messages out: { type: "loaded", inputNames, inputMetadata, outputNames } · { type: "result", id, output } · { type: "released" }
 *               · { type: "error", id?, message }
 */
export const inferenceWorkerSource = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const ort = require(workerData.onnxruntimePath);
let session;
const describe = (error) => (error && error.message) || String(error);
parentPort.on("message", async (message) => {
  if (message.type === "load") {
    try {
      session = await ort.InferenceSession.create(message.path, message.sessionOptions);
      const inputMetadata = (session.inputMetadata || []).map((m) => ({ name: m.name, isTensor: m.isTensor, type: m.type, shape: m.shape ? Array.from(m.shape) : [] }));
      parentPort.postMessage({ type: "loaded", inputNames: Array.from(session.inputNames), inputMetadata, outputNames: Array.from(session.outputNames) });
    } catch (error) {
      parentPort.postMessage({ type: "error", message: describe(error) });
    }
    return;
  }
  if (message.type === "release") {
    try {
      if (session) await session.release();
    } catch {
      // the worker stops next anyway
    }
    session = undefined;
    parentPort.postMessage({ type: "released" });
    return;
  }
  if (message.type === "run") {
    try {
      const feeds = {};
      for (const [name, feed] of Object.entries(message.feeds)) feeds[name] = new ort.Tensor(feed.type, feed.data, feed.dims);
      const results = await session.run(feeds, [message.outputName]);
      const tensor = results[message.outputName];
      const data = tensor.data;
      const output = { type: tensor.type, dims: Array.from(tensor.dims), data };
      parentPort.postMessage({ type: "result", id: message.id, output }, data && data.buffer ? [data.buffer] : []);
    } catch (error) {
      parentPort.postMessage({ type: "error", id: message.id, message: describe(error) });
    }
  }
});
`;
