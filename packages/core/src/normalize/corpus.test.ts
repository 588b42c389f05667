import { describe, expect, it } from "vitest";
import { NORMALIZE_CATEGORIES } from "./normalize-category.js";
import { createNormalizer } from "./create-normalizer.js";
import { corpus } from "./__fixtures__/index.js";

const cases = corpus.flatMap((group) => group.cases.map(([written, spoken]) => ({ group, written, spoken })));

describe("normalizer corpus", () => {
  it("holds hundreds of cases, covering every category", () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const covered = new Set(corpus.map((group) => group.category));
    for (const category of NORMALIZE_CATEGORIES) expect(covered, category).toContain(category);
  });

  it("warms up without changing what it says", () => {
    const normalizer = createNormalizer();
    normalizer.warmUp();
    expect(normalizer.normalize("It costs $3.50.").spoken).toBe("It costs three dollars fifty cents.");
  });

  it.each(cases.map((c) => [`${c.group.category}: ${JSON.stringify(c.written)}`, c] as const))("%s", (_name, c) => {
    expect(createNormalizer(c.group.options).normalize(c.written).spoken).toBe(c.spoken);
  });
});
