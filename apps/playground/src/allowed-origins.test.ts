import { describe, expect, it } from "vitest";
import { allowedOrigins, isOriginAllowed } from "./allowed-origins.js";

describe("allowed origins", () => {
  it("accepts the server's own loopback origins on its port only", () => {
    const allowed = allowedOrigins("127.0.0.1", 8710);
    expect(isOriginAllowed("http://127.0.0.1:8710", allowed)).toBe(true);
    expect(isOriginAllowed("http://localhost:8710", allowed)).toBe(true);
    expect(isOriginAllowed("http://[::1]:8710", allowed)).toBe(true);
    expect(isOriginAllowed("http://127.0.0.1:8711", allowed)).toBe(false);
    expect(isOriginAllowed("https://127.0.0.1:8710", allowed)).toBe(false);
    expect(isOriginAllowed("http://evil.example:8710", allowed)).toBe(false);
    expect(isOriginAllowed("null", allowed)).toBe(false);
  });

  it("allows requests without an Origin (not from a browser) and extra origins given explicitly", () => {
    const allowed = allowedOrigins("192.168.1.20", 80, ["http://studio.local:80"]);
    expect(isOriginAllowed(undefined, allowed)).toBe(true);
    expect(isOriginAllowed("http://192.168.1.20:80", allowed)).toBe(true);
    expect(isOriginAllowed("http://192.168.1.20", allowed)).toBe(true);
    expect(isOriginAllowed("http://STUDIO.local:80", allowed)).toBe(true);
    expect(isOriginAllowed("http://localhost:80", allowed)).toBe(false);
  });
});
