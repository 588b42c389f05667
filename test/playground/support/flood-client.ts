import { connect, type Socket } from "node:net";
import { randomBytes } from "node:crypto";

/** What a flood did: messages written, and how the server ended it. */
export interface FloodResult {
  messagesSent: number;
  /** The connection broke (reset or closed by the server) before the flood's time was up. */
  cutOff: boolean;
  /** The server's close frame, if the client read one after the flood. */
  closeCode?: number;
  closeReason?: string;
}

/** One masked client text frame per message (RFC 6455 §5.2), payload under 126 bytes. */
function textFrames(payload: string, count: number): Buffer {
  const body = Buffer.from(payload);
  if (body.length >= 126) throw new Error("textFrames: payload must be under 126 bytes");
  const frame = Buffer.alloc(6 + body.length);
  frame[0] = 0x81; // FIN + text
  frame[1] = 0x80 | body.length; // masked
  const mask = randomBytes(4);
  mask.copy(frame, 2);
  for (let i = 0; i < body.length; i++) frame[6 + i] = body[i]! ^ mask[i % 4]!;
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

/** Opens a raw WebSocket (HTTP upgrade by hand) and resolves once the server answered 101. */
async function upgrade(port: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.once("connect", () => resolve());
  });
  socket.write(
    `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer): void => {
      text += chunk.toString("latin1");
      if (!text.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      resolve(text);
    };
    socket.on("data", onData);
    socket.once("error", reject);
  });
  if (!head.startsWith("HTTP/1.1 101")) throw new Error(`upgrade refused: ${head.split("\r\n")[0]}`);
  return socket;
}

/**
 * A hostile client: sends `payload` as a text message as fast as the socket
 * takes it for `durationMs`, and never reads what the server sends back
 * (the socket is paused, so the kernel's receive window fills and the
 * server's replies queue on the server).
 */
export async function floodWithoutReading(port: number, payload: string, durationMs: number): Promise<FloodResult> {
  const socket = await upgrade(port);
  socket.pause();
  const batch = textFrames(payload, 4096);
  let messagesSent = 0;
  let broken = false;
  socket.on("error", () => (broken = true));
  socket.on("close", () => (broken = true));
  const deadline = Date.now() + durationMs;
  while (Date.now() < deadline && !broken) {
    const flowing = socket.write(batch);
    messagesSent += 4096;
    if (!flowing) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        socket.once("drain", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  const cutOff = broken;
  // Read what is left, to see the server's close frame if it sent one.
  const close = await readCloseFrame(socket, 2000);
  socket.destroy();
  return { messagesSent, cutOff, ...close };
}

/** Reads the socket until a close frame (opcode 8) from the server, the end, or `timeoutMs`. */
async function readCloseFrame(socket: Socket, timeoutMs: number): Promise<{ closeCode?: number; closeReason?: string }> {
  if (socket.destroyed) return {};
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    const done = (result: { closeCode?: number; closeReason?: string }): void => {
      clearTimeout(timer);
      socket.removeAllListeners("data");
      resolve(result);
    };
    const timer = setTimeout(() => done({}), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0]! & 0x0f;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + length) return;
        const body = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        if (opcode === 8) return done(body.length >= 2 ? { closeCode: body.readUInt16BE(0), closeReason: body.subarray(2).toString("utf8") } : {});
      }
    });
    socket.once("end", () => done({}));
    socket.once("close", () => done({}));
    socket.resume();
  });
}
