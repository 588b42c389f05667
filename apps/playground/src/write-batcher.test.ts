import { createServer, connect, type Socket } from "node:net";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { WriteBatcher } from "./write-batcher.js";

/** A socket stand-in that records cork/uncork and when they happen. */
function fakeSocket() {
  const calls: string[] = [];
  return { calls, socket: { cork: () => void calls.push("cork"), uncork: () => void calls.push("uncork") } };
}

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

describe("WriteBatcher", () => {
  it('hold("tick") corks once and uncorks after the current microtasks, before the next I/O turn', async () => {
    const { calls, socket } = fakeSocket();
    const batcher = new WriteBatcher(socket);
    batcher.hold("tick");
    batcher.hold("tick");
    await Promise.resolve();
    batcher.hold("tick");
    expect(calls).toEqual(["cork"]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(calls).toEqual(["cork", "uncork"]);
    batcher.hold("tick");
    expect(calls).toEqual(["cork", "uncork", "cork"]);
  });

  it('hold("immediate") keeps writes held past process.nextTick until setImmediate', async () => {
    const { calls, socket } = fakeSocket();
    const batcher = new WriteBatcher(socket);
    batcher.hold("immediate");
    batcher.hold("immediate");
    await new Promise<void>((resolve) => process.nextTick(resolve));
    expect(calls).toEqual(["cork"]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(calls).toEqual(["cork", "uncork"]);
  });

  it('hold("tick") brings a pending "immediate" forward; the superseded release does nothing', async () => {
    const { calls, socket } = fakeSocket();
    const batcher = new WriteBatcher(socket);
    batcher.hold("immediate");
    batcher.hold("tick");
    await new Promise<void>((resolve) => process.nextTick(resolve));
    expect(calls).toEqual(["cork", "uncork"]);
    batcher.hold("immediate");
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(calls).toEqual(["cork", "uncork", "cork", "uncork"]);
  });

  it("sends what was written while held, in order, in one write on a real TCP socket", async () => {
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const accepted = once(server, "connection") as Promise<[Socket]>;
    const client = connect(address.port, "127.0.0.1");
    sockets.push(client);
    const [serverSide] = await accepted;
    sockets.push(serverSide);
    server.close();

    const writes: number[] = [];
    const writev = (serverSide as unknown as { _writev(chunks: unknown[], cb: () => void): void })._writev.bind(serverSide);
    (serverSide as unknown as { _writev(chunks: unknown[], cb: () => void): void })._writev = (chunks, cb) => {
      writes.push(chunks.length);
      writev(chunks, cb);
    };
    const batcher = new WriteBatcher(serverSide);
    batcher.hold("tick");
    serverSide.write("a");
    serverSide.write("b");
    serverSide.write("c");
    let received = "";
    client.setEncoding("utf8");
    client.on("data", (chunk: string) => (received += chunk));
    for (let i = 0; i < 100 && received.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(received).toBe("abc");
    expect(writes).toEqual([3]);
  });
});
