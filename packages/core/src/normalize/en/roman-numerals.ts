const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a well-formed Roman numeral (XIV → 14), or undefined for anything else (IIII, IC, VX). */
export function romanValue(text: string): number | undefined {
  if (text === "" || !/^[IVXLCDM]{1,15}$/.test(text)) return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES[text[i]!]!;
    const next = i + 1 < text.length ? VALUES[text[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return toRoman(total) === text ? total : undefined;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
