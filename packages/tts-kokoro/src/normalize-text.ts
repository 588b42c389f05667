/**
 * Text normalization before eSpeak, by the rules of Kokoro's reference
 * phonemizer for English (kokoro-js `normalize_text`, kokoro-onnx
 * `Tokenizer.normalize_text`): quotes and brackets, full-width punctuation,
 * titles, years, times, money, decimals and ranges. The model was trained on
 * phonemes of text normalized this way.
 */
export function normalizeText(text: string): string {
  return (
    text
      // quotes and brackets: Kokoro's vocabulary has " but no curly single quotes; ( ) become « » so eSpeak keeps them as punctuation
      .replace(/[‘’]/g, "'")
      .replace(/«/g, "“")
      .replace(/»/g, "”")
      .replace(/[“”]/g, '"')
      .replace(/\(/g, "«")
      .replace(/\)/g, "»")
      // full-width punctuation
      .replace(/、/g, ", ")
      .replace(/。/g, ". ")
      .replace(/！/g, "! ")
      .replace(/，/g, ", ")
      .replace(/：/g, ": ")
      .replace(/；/g, "; ")
      .replace(/？/g, "? ")
      // whitespace
      .replace(/[^\S \n]/g, " ")
      .replace(/ {2,}/g, " ")
      .replace(/(?<=\n) +(?=\n)/g, "")
      // titles and etc.
      .replace(/\bD[Rr]\.(?= [A-Z])/g, "Doctor")
      .replace(/\b(?:Mr\.|MR\.(?= [A-Z]))/g, "Mister")
      .replace(/\b(?:Ms\.|MS\.(?= [A-Z]))/g, "Miss")
      .replace(/\b(?:Mrs\.|MRS\.(?= [A-Z]))/g, "Mrs")
      .replace(/\betc\.(?! [A-Z])/gi, "etc")
      .replace(/\b(y)eah?\b/gi, "$1e'a")
      // numbers: years and times, thousands separators, money, decimals, ranges
      .replace(/\d*\.\d+|\b\d{4}s?\b|(?<!:)\b(?:[1-9]|1[0-2]):[0-5]\d\b(?!:)/g, splitNumber)
      .replace(/(?<=\d),(?=\d)/g, "")
      .replace(/[$£]\d+(?:\.\d+)?(?: hundred| thousand| (?:[bm]|tr)illion)*\b|[$£]\d+\.\d\d?\b/gi, spellMoney)
      .replace(/\d*\.\d+/g, spellDecimal)
      .replace(/(?<=\d)-(?=\d)/g, " to ")
      .replace(/(?<=\d)S/g, " S")
      // possessives of initialisms, and dotted initialisms
      .replace(/(?<=[BCDFGHJ-NP-TV-Z])'?s\b/g, "'S")
      .replace(/(?<=X')S\b/g, "s")
      .replace(/(?:[A-Za-z]\.){2,} [a-z]/g, (match) => match.replace(/\./g, "-"))
      .replace(/(?<=[A-Z])\.(?=[A-Z])/gi, "-")
      .trim()
  );
}

/** "1999" → "19 99", "2000s" → "2000s", "1905" → "19 oh 5", "10:30" → "10 30", "3:00" → "3 o'clock"; decimals untouched. */
function splitNumber(match: string): string {
  if (match.includes(".")) return match;
  if (match.includes(":")) {
    const [hours = 0, minutes = 0] = match.split(":").map(Number);
    if (minutes === 0) return `${hours} o'clock`;
    if (minutes < 10) return `${hours} oh ${minutes}`;
    return `${hours} ${minutes}`;
  }
  const year = Number.parseInt(match.slice(0, 4), 10);
  if (year < 1100 || year % 1000 < 10) return match;
  const left = match.slice(0, 2);
  const right = Number.parseInt(match.slice(2, 4), 10);
  const suffix = match.endsWith("s") ? "s" : "";
  if (year % 1000 >= 100 && year % 1000 <= 999) {
    if (right === 0) return `${left} hundred${suffix}`;
    if (right < 10) return `${left} oh ${right}${suffix}`;
  }
  return `${left} ${right}${suffix}`;
}

/** "$5" → "5 dollars", "£1" → "1 pound", "$3.50" → "3 dollars and 50 cents". */
function spellMoney(match: string): string {
  const bill = match[0] === "$" ? "dollar" : "pound";
  const amount = match.slice(1);
  if (Number.isNaN(Number(amount))) return `${amount} ${bill}s`;
  if (!amount.includes(".")) return `${amount} ${bill}${amount === "1" ? "" : "s"}`;
  const [whole = "0", fraction = "0"] = amount.split(".");
  const cents = Number.parseInt(fraction.padEnd(2, "0"), 10);
  const coins = match[0] === "$" ? (cents === 1 ? "cent" : "cents") : cents === 1 ? "penny" : "pence";
  return `${whole} ${bill}${whole === "1" ? "" : "s"} and ${cents} ${coins}`;
}

/** "3.14" → "3 point 1 4". */
function spellDecimal(match: string): string {
  const [whole = "", fraction = ""] = match.split(".");
  return `${whole} point ${fraction.split("").join(" ")}`;
}
