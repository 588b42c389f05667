// The page's side of the WebSocket: JSON messages in both directions, audio as binary frames from the server.
import { decodeAudioFrame } from "./audio-frame-codec.js";

/** @typedef {import("./protocol.js").ServerMessage} ServerMessage */
/** @typedef {import("./audio-frame-codec.js").AudioFrame} AudioFrame */
/** A message the page sends, as the server's client-message schema accepts it. @typedef {import("./protocol.js").ClientMessage} OutgoingMessage */
/** What the page may be told besides the server's messages: a binary frame it could not read. @typedef {{ type: "protocol-error", code: "bad-frame", message: string }} PageProtocolError */

/**
 * @param {{ onMessage: (message: ServerMessage | PageProtocolError) => void, onAudio: (frame: AudioFrame) => void, onClose: (reason: string) => void }} handlers
 */
export function connect(handlers) {
  const url = new URL("/ws", location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  socket.addEventListener("message", (event) => {
    if (typeof event.data === "string") {
      /** @type {ServerMessage} */
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      handlers.onMessage(message);
      return;
    }
    /** @type {AudioFrame} */
    let frame;
    try {
      frame = decodeAudioFrame(/** @type {ArrayBuffer} */ (event.data));
    } catch (error) {
      handlers.onMessage({ type: "protocol-error", code: "bad-frame", message: String(error) });
      return;
    }
    handlers.onAudio(frame);
  });
  socket.addEventListener("close", (event) => {
    const why = event.code === 1009 ? "a message was too large" : event.reason || `code ${event.code}`;
    handlers.onClose(`Connection to the server closed (${why}). Reload the page to reconnect.`);
  });
  return {
    socket,
    /**
     * Sends a JSON message; false when the socket is not open.
     * @param {OutgoingMessage} message
     */
    send(message) {
      if (socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
  };
}
