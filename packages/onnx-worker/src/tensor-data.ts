/** An input's or output's declared type and shape, as onnxruntime reports it. */
export interface ValueMetadata {
  name: string;
  isTensor: boolean;
  type?: string;
  shape?: ReadonlyArray<number | string>;
}

/** What a loaded model declares. */
export interface ModelSignature {
  inputNames: readonly string[];
  inputMetadata: readonly ValueMetadata[];
  outputNames: readonly string[];
}

/** A tensor as plain data, to cross to the inference worker and back (its buffer is transferred, not copied). */
export interface TensorData {
  type: string;
  data: BigInt64Array | Float32Array | Int32Array;
  dims: readonly number[];
}
