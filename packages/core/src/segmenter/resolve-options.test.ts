import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { createSegmenter } from "./create-segmenter.js";
import { resolveSegmenterOptions } from "./resolve-options.js";

describe("segmenter options", () => {
  it("applies the defaults", () => {
    expect(resolveSegmenterOptions()).toEqual({
      minLength: 20,
      maxLength: 100,
      eagerFirstSegment: false,
      firstMinLength: 10,
      adaptive: false,
      hardLimit: 800,
    });
  });

  it("raises the default maxLength to a larger minLength", () => {
    expect(resolveSegmenterOptions({ minLength: 150 }).maxLength).toBe(150);
  });

  it.each([
    [{ minLength: -1 }, "minLength"],
    [{ minLength: 2.5 }, "minLength"],
    [{ maxLength: 0 }, "maxLength"],
    [{ minLength: 50, maxLength: 40 }, "must not exceed `maxLength`"],
    [{ firstMinLength: 200 }, "firstMinLength"],
    [{ maxLength: Number.NaN }, "maxLength"],
  ])("rejects %j naming the option", (options, text) => {
    let error: unknown;
    try {
      createSegmenter(options);
    } catch (caught) {
      error = caught;
    }
    expect(VoxpipeError.isInstance(error)).toBe(true);
    expect((error as VoxpipeError).code).toBe("invalid-segmenter-options");
    expect((error as VoxpipeError).stage).toBe("segmenter");
    expect((error as Error).message).toContain(text);
  });
});
