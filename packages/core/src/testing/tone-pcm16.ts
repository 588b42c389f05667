/**
 * TEST DOUBLE audio: a sine tone as 16-bit little-endian mono PCM bytes, as
 * long as `text` would take to say at `msPerChar` per character and `speed`.
 */
export function tonePcm16(text: string, speed: number, sampleRate: number, msPerChar: number, frequencyHz: number): Buffer {
  const frames = Math.round((((text.length * msPerChar) / speed) / 1000) * sampleRate);
  const bytes = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) bytes.writeInt16LE(Math.round(0.3 * 0x7fff * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate)), i * 2);
  return bytes;
}
