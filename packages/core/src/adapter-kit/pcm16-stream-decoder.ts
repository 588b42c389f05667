import { pcm16BytesToFloat } from "../audio/pcm.js";

/**
 * Turns a stream of 16-bit little-endian PCM bytes into float samples.
 * Network chunks may split a sample between them; the odd byte is kept and
 * joined with the first byte of the next chunk.
 */
export class Pcm16StreamDecoder {
  #carry: number | undefined;

  /** Bytes held back because they do not yet make a whole sample (0 or 1). */
  get pendingBytes(): number {
    return this.#carry === undefined ? 0 : 1;
  }

  /** Decodes every whole sample in `bytes` (plus a byte carried from the last call). */
  push(bytes: Uint8Array): Float32Array {
    if (bytes.length === 0) return new Float32Array(0);
    let offset = 0;
    let first: number | undefined;
    if (this.#carry !== undefined) {
      const value = this.#carry | ((bytes[0] ?? 0) << 8);
      first = ((value << 16) >> 16) / 0x8000;
      this.#carry = undefined;
      offset = 1;
    }
    const evenLength = (bytes.length - offset) & ~1;
    const body = pcm16BytesToFloat(bytes.subarray(offset, offset + evenLength));
    if (offset + evenLength < bytes.length) this.#carry = bytes[offset + evenLength];
    if (first === undefined) return body;
    const out = new Float32Array(body.length + 1);
    out[0] = first;
    out.set(body, 1);
    return out;
  }
}
