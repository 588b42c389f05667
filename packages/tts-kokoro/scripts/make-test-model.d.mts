/// <reference types="node" />
/** Samples of tone the test model writes per input token (at 24 kHz). */
export declare const SAMPLES_PER_TOKEN: number;
/** The test model's output sample rate, as the real Kokoro model's: 24,000 Hz. */
export declare const SAMPLE_RATE: number;
/** Rows in a voice file (one style vector per token count). */
export declare const STYLE_ROWS: number;
/** Floats in one style vector. */
export declare const STYLE_WIDTH: number;
/** The bytes of a Kokoro-interface ONNX graph (inputs input_ids, style, speed; output waveform). */
export declare function testModelBytes(): Buffer;
/** The bytes of one test voice file (STYLE_ROWS × STYLE_WIDTH float32). */
export declare function testVoiceBytes(): Buffer;
/** Writes DIR/model.onnx and DIR/voices/af_test.bin. */
export declare function writeTestModel(dir: string): { model: string; voice: string };
