import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { createSegmenter } from "./create-segmenter.js";
import { resolveSegmenterOptions } from "./resolve-options.js";

describe("segmenter options", () => {
  it("applies the defaults (the same as the config's)", () => {
    expect(resolveSegmenterOptions()).toEqual({
      minLength: 20,
      maxLength: 100,
      eagerFirstSegment: true,
      firstMinLength: 10,
      adaptive: true,
      hardLimit: 800,
    });
  });

  it("lowers the default firstMinLength to a smaller maxLength", () => {
    expect(resolveSegmenterOptions({ minLength: 0, maxLength: 6 }).firstMinLength).toBe(6);
  });

  it.each([
    [{ minLength: -1 }, "minLength: expected a number of at least 0, received -1"],
    [{ minLength: 2.5 }, "minLength: expected a whole number, received 2.5"],
    [{ maxLength: 0 }, "maxLength: expected a number of at least 1, received 0"],
    [{ minLength: 50, maxLength: 40 }, "maxLength: maxLength (40) is below minLength (50); give a maxLength of at least 50, or lower minLength to 40 or less"],
    [{ minLength: 150 }, "maxLength: maxLength (100) is below minLength (150)"],
    [{ firstMinLength: 200 }, "firstMinLength: firstMinLength (200) must not exceed maxLength (100)"],
    [{ maxLength: Number.NaN }, "maxLength: expected a number, received NaN"],
    [{ minLength: 1e308 }, "minLength: expected a number of at most 10000, received 1e+308"],
    [{ maxLength: 1e308 }, "maxLength: expected a whole number of at most 9007199254740991, received 1e+308"],
  ])("rejects %j naming the option, the expectation and the value", (options, text) => {
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
