import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, parseCliArgs, UsageError } from "./cli-args.js";

describe("parseCliArgs", () => {
  it("defaults to 127.0.0.1, the default port and no config file", () => {
    expect(parseCliArgs([])).toEqual({ configFile: undefined, host: "127.0.0.1", port: DEFAULT_PORT, help: false });
  });

  it("reads the options with and without the leading -- that pnpm passes through", () => {
    const expected = { configFile: "x.yaml", host: "0.0.0.0", port: 9000, help: false };
    expect(parseCliArgs(["--config", "x.yaml", "--port", "9000", "--host", "0.0.0.0"])).toEqual(expected);
    expect(parseCliArgs(["--", "--config", "x.yaml", "--port", "9000", "--host", "0.0.0.0"])).toEqual(expected);
    expect(parseCliArgs(["--config=x.yaml", "--", "--port=9000", "--host=0.0.0.0"])).toEqual(expected);
  });

  it("rejects bad ports, unknown options and stray arguments with a UsageError", () => {
    expect(() => parseCliArgs(["--port", "http"])).toThrow(/--port must be a whole number/);
    expect(() => parseCliArgs(["--port", "70000"])).toThrow(UsageError);
    expect(() => parseCliArgs(["--port", "-1"])).toThrow(UsageError);
    expect(() => parseCliArgs(["--verbose"])).toThrow(UsageError);
    expect(() => parseCliArgs(["story.yaml"])).toThrow(UsageError);
  });
});
