// @voxpipe/onnx-worker: onnxruntime-node sessions in worker threads, shared by voxpipe's ONNX TTS adapters (Piper, Kokoro).
export { InferenceWorker, type WorkerSessionOptions } from "./inference-worker.js";
export { OnnxModel, type LoadedOnnxModel, type OnnxModelNaming, type OnnxModelOptions } from "./onnx-model.js";
export type { ModelSignature, TensorData, ValueMetadata } from "./tensor-data.js";
