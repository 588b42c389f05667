#!/usr/bin/env node
// Writes a small ONNX graph with Kokoro v1.0's interface, and one voice for it, so every test runs
// offline from files the repository generates (no weights are committed):
//
//   node scripts/make-test-model.mjs DIR     →  DIR/model.onnx, DIR/voices/af_test.bin
//
// The graph takes what Kokoro takes — input_ids int64 [1, tokens] (0 pads at both ends), style float32
// [1, 256] and speed float32 [1] — and returns waveform float32 [samples] at 24 kHz: a tone per token
// (200 Hz + 4 Hz × token id; the 0 pads are silent), 50 ms per token at speed 1 and 50 ms / speed
// otherwise, at an amplitude of 0.1 + 0.4 × sigmoid(mean(style)), so the voice and its style row are
// audible in the output. The voice is 510 rows × 256 float32 values, row r's mean being (r − 255) / 100.
// The ONNX protobuf is encoded here by hand (no dependency); onnxruntime-node loads it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Samples per token at speed 1 (50 ms at 24 kHz). */
export const SAMPLES_PER_TOKEN = 1200;
export const SAMPLE_RATE = 24000;
export const STYLE_ROWS = 510;
export const STYLE_WIDTH = 256;

// ── protobuf wire format ─────────────────────────────────────────────────────
const varint = (value) => {
  let rest = BigInt(value);
  if (rest < 0n) throw new Error(`varint: ${value} is negative (store it in raw_data)`);
  const bytes = [];
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest) byte |= 0x80;
    bytes.push(byte);
  } while (rest);
  return Buffer.from(bytes);
};
const key = (field, wireType) => varint((field << 3) | wireType);
const message = (field, body) => Buffer.concat([key(field, 2), varint(body.length), body]);
const text = (field, value) => message(field, Buffer.from(value, "utf8"));
const integer = (field, value) => Buffer.concat([key(field, 0), varint(value)]);

// ── ONNX messages (onnx.proto3 field numbers) ───────────────────────────────
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

/** TensorProto with raw little-endian data. */
const tensor = (name, dataType, dims, values) => {
  const raw = dataType === INT64 ? Buffer.from(BigInt64Array.from(values, BigInt).buffer) : Buffer.from(Float32Array.from(values).buffer);
  return Buffer.concat([...dims.map((dim) => integer(1, dim)), integer(2, dataType), text(8, name), message(9, raw)]);
};
/** An integer AttributeProto (every attribute this graph uses is one). */
const attribute = (name, value) => Buffer.concat([text(1, name), integer(3, value), integer(20, ATTRIBUTE_INT)]);
const node = (opType, inputs, outputs, attributes = {}) =>
  Buffer.concat([
    ...inputs.map((input) => text(1, input)),
    ...outputs.map((output) => text(2, output)),
    text(3, `${opType}_${outputs[0]}`),
    text(4, opType),
    ...Object.entries(attributes).map(([name, value]) => message(5, attribute(name, value))),
  ]);
/** ValueInfoProto of a tensor; a string dim is symbolic. */
const valueInfo = (name, elemType, dims) => {
  const shape = Buffer.concat(dims.map((dim) => message(1, typeof dim === "string" ? text(2, dim) : integer(1, dim))));
  const tensorType = Buffer.concat([integer(1, elemType), message(2, shape)]);
  return Buffer.concat([text(1, name), message(2, message(1, tensorType))]);
};

/** The Kokoro-interface graph as ONNX bytes (IR 8, opset 17). */
export function testModelBytes() {
  const initializers = [
    tensor("one_index", INT64, [], [1]),
    tensor("axis_zero", INT64, [1], [0]),
    tensor("column_shape", INT64, [2], [-1, 1]),
    tensor("flat_shape", INT64, [1], [-1]),
    tensor("samples_per_token", FLOAT, [1], [SAMPLES_PER_TOKEN]),
    tensor("at_least_one", FLOAT, [1], [1]),
    tensor("hz_per_id", FLOAT, [1], [4]),
    tensor("base_hz", FLOAT, [1], [200]),
    tensor("radians_per_sample_hz", FLOAT, [1], [(2 * Math.PI) / SAMPLE_RATE]),
    tensor("amplitude_floor", FLOAT, [1], [0.1]),
    tensor("amplitude_span", FLOAT, [1], [0.4]),
  ];
  const nodes = [
    // tokens T and samples per token K = max(1, floor(1200 / speed))
    node("Shape", ["input_ids"], ["ids_shape"]),
    node("Gather", ["ids_shape", "one_index"], ["token_count"], { axis: 0 }),
    node("Unsqueeze", ["token_count", "axis_zero"], ["token_count_1d"]),
    node("Div", ["samples_per_token", "speed"], ["k_float"]),
    node("Floor", ["k_float"], ["k_floor"]),
    node("Max", ["k_floor", "at_least_one"], ["k_clamped"]),
    node("Cast", ["k_clamped"], ["k"], { to: INT64 }),
    // each id repeated K times: [T, 1] expanded to [T, K], flattened
    node("Concat", ["token_count_1d", "k"], ["grid_shape"], { axis: 0 }),
    node("Reshape", ["input_ids", "column_shape"], ["id_column"]),
    node("Expand", ["id_column", "grid_shape"], ["id_grid"]),
    node("Reshape", ["id_grid", "flat_shape"], ["sample_ids"]),
    node("Cast", ["sample_ids"], ["sample_ids_float"], { to: FLOAT }),
    // sample index n = cumsum(1) − 1
    node("Sign", ["sample_ids_float"], ["voiced"]),
    node("Abs", ["voiced"], ["voiced_abs"]),
    node("Add", ["voiced_abs", "at_least_one"], ["ones_plus"]),
    node("Sub", ["ones_plus", "voiced_abs"], ["ones"]),
    node("CumSum", ["ones", "axis_zero"], ["sample_index_plus_one"]),
    node("Sub", ["sample_index_plus_one", "at_least_one"], ["sample_index"]),
    // tone: sin(2π · (200 + 4 · id) · n / 24000)
    node("Mul", ["sample_ids_float", "hz_per_id"], ["id_hz"]),
    node("Add", ["id_hz", "base_hz"], ["hz"]),
    node("Mul", ["sample_index", "radians_per_sample_hz"], ["radians_per_hz"]),
    node("Mul", ["hz", "radians_per_hz"], ["phase"]),
    node("Sin", ["phase"], ["tone"]),
    // amplitude from the style row, silence for the 0 pads
    node("ReduceMean", ["style"], ["style_mean_2d"], { keepdims: 1 }),
    node("Reshape", ["style_mean_2d", "flat_shape"], ["style_mean"]),
    node("Sigmoid", ["style_mean"], ["style_gate"]),
    node("Mul", ["style_gate", "amplitude_span"], ["style_span"]),
    node("Add", ["style_span", "amplitude_floor"], ["amplitude"]),
    node("Mul", ["tone", "amplitude"], ["loud_tone"]),
    node("Mul", ["loud_tone", "voiced_abs"], ["waveform"]),
  ];
  const graph = Buffer.concat([
    ...nodes.map((entry) => message(1, entry)),
    text(2, "kokoro-test-model"),
    ...initializers.map((entry) => message(5, entry)),
    message(11, valueInfo("input_ids", INT64, [1, "tokens"])),
    message(11, valueInfo("style", FLOAT, [1, STYLE_WIDTH])),
    message(11, valueInfo("speed", FLOAT, [1])),
    message(12, valueInfo("waveform", FLOAT, ["samples"])),
  ]);
  const opset = Buffer.concat([text(1, ""), integer(2, 17)]);
  return Buffer.concat([integer(1, 8), text(2, "voxpipe make-test-model"), text(3, "1"), message(7, graph), message(8, opset)]);
}

/** The test voice: 510 × 256 float32, row r holding (r − 255) / 100 plus a zero-mean ripple. */
export function testVoiceBytes() {
  const values = new Float32Array(STYLE_ROWS * STYLE_WIDTH);
  for (let row = 0; row < STYLE_ROWS; row++) {
    for (let column = 0; column < STYLE_WIDTH; column++) values[row * STYLE_WIDTH + column] = (row - 255) / 100 + (column % 2 === 0 ? 0.25 : -0.25);
  }
  return Buffer.from(values.buffer);
}

/** Writes DIR/model.onnx and DIR/voices/af_test.bin; returns their paths. */
export function writeTestModel(dir) {
  const model = join(dir, "model.onnx");
  const voice = join(dir, "voices", "af_test.bin");
  mkdirSync(join(dir, "voices"), { recursive: true });
  writeFileSync(model, testModelBytes());
  writeFileSync(voice, testVoiceBytes());
  return { model, voice };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/make-test-model.mjs DIR   (writes DIR/model.onnx and DIR/voices/af_test.bin)");
    process.exit(1);
  }
  const written = writeTestModel(resolve(dir));
  console.log(`wrote ${written.model} and ${written.voice}`);
}
