import { z } from "zod";
import { NORMALIZE_CATEGORIES, type NormalizeCategory } from "./normalize-category.js";
import { NORMALIZE_LANGUAGES } from "./languages.js";

const categoryShape = Object.fromEntries(
  NORMALIZE_CATEGORIES.map((category) => [category, z.boolean().default(true).describe(`Read ${category} aloud as words (false: leave them to the TTS).`)]),
) as Record<NormalizeCategory, z.ZodDefault<z.ZodBoolean>>;
const allCategoriesOn = Object.fromEntries(NORMALIZE_CATEGORIES.map((category) => [category, true])) as Record<NormalizeCategory, boolean>;

const lexiconEntrySchema = z.union(
  [
    z.string().describe("What to say instead."),
    z
      .object({
        say: z.string().optional().describe("What to say instead (used by engines that do not take phonemes)."),
        phonemes: z
          .string()
          .min(1)
          .refine((p) => !p.includes("]]"), { message: 'phonemes must not contain "]]"' })
          .optional()
          .describe("eSpeak NG phoneme mnemonics, sent as [[…]] to engines that accept them (eSpeak, Piper)."),
      })
      .strict()
      .refine((entry) => entry.say !== undefined || entry.phonemes !== undefined, { message: 'give "say", "phonemes" or both' }),
  ],
  { error: 'expected a string (what to say) or an object { say, phonemes }' },
);

/** `normalize` in the config: how written text becomes what the TTS is asked to say. */
export const normalizeConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Rewrite numbers, money, dates, units, abbreviations… as words before TTS (false: send text as written)."),
    lang: z
      .enum(Object.keys(NORMALIZE_LANGUAGES) as [string, ...string[]], {
        error: `expected one of ${Object.keys(NORMALIZE_LANGUAGES).map((lang) => `"${lang}"`).join(", ")} (the languages with normalization rules), or set normalize.enabled: false`,
      })
      .default("en")
      .describe("Language of the normalization rules. Text in another script passes through unchanged."),
    categories: z.object(categoryShape).strict().default(allCategoriesOn).describe("Switch single categories off, e.g. { urls: false }."),
    lexicon: z
      .record(z.string().trim().min(1, { message: "a lexicon word must not be empty" }), lexiconEntrySchema)
      .default({})
      .describe('Words or phrases and how to say them, whole words only: { "voxpipe": "vox pipe", "SQL": "sequel" }. Lower-case entries match any capitalization; others only as written.'),
  })
  .strict();

export type NormalizeConfig = z.output<typeof normalizeConfigSchema>;
