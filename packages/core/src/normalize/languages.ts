import { VoxpipeError } from "../errors/voxpipe-error.js";
import { english } from "./en/english.js";
import type { LanguageNormalizer } from "./language-normalizer.js";

/** Every language the normalizer has rules for, by tag. */
export const NORMALIZE_LANGUAGES: Readonly<Record<string, LanguageNormalizer>> = { en: english };

/** The rules for `lang` (`en`, or `en-US`: the primary tag decides). Throws a clear error listing the languages there are. */
export function languageNormalizer(lang: string): LanguageNormalizer {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  const found = NORMALIZE_LANGUAGES[primary];
  if (found) return found;
  throw new VoxpipeError({
    code: "normalize-unknown-language",
    stage: "config",
    message: `normalize.lang: there are no normalization rules for "${lang}"; expected one of ${Object.keys(NORMALIZE_LANGUAGES).map((l) => `"${l}"`).join(", ")} (or set normalize.enabled: false).`,
  });
}
