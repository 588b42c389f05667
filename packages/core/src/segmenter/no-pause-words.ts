/**
 * Words a first segment must not end on: a pause right after them sounds like
 * a cut mid-phrase ("a quick plan for | your trip"). Per language, lowercase;
 * English first. Articles and determiners, prepositions, conjunctions and
 * subordinators, auxiliary and modal verbs, subject pronouns, and words that
 * open a clause. A number is never a safe end either (its unit or noun follows:
 * "5 | km", "$3 | each"); that is checked by {@link isSafePauseWord}.
 */
const ENGLISH = [
  // articles and determiners
  "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
  "some", "any", "no", "every", "each", "either", "neither", "another", "such", "what", "which", "whose",
  "much", "many", "more", "most", "few", "less", "several", "all", "both", "half",
  // prepositions
  "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
  "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during",
  "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside",
  "over", "past", "per", "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under",
  "underneath", "until", "unto", "up", "upon", "via", "with", "within", "without",
  // conjunctions and subordinators
  "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whereas", "if", "unless",
  "whether", "once", "when", "whenever", "where", "wherever", "who", "whom", "how", "why", "then",
  // auxiliary and modal verbs (and their contractions)
  "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "having",
  "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "not", "get", "gets", "got",
  "i'm", "you're", "we're", "they're", "he's", "she's", "it's", "that's", "there's", "here's", "what's",
  "i've", "you've", "we've", "they've", "i'll", "you'll", "he'll", "she'll", "it'll", "we'll", "they'll",
  "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
  "weren't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "let's",
  // subject pronouns and the like (the verb follows)
  "i", "you", "he", "she", "it", "we", "they", "there", "let", "very", "really", "just", "quite", "too",
];

/** Words not to pause after, by language (BCP 47 primary subtag). */
export const NO_PAUSE_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(ENGLISH),
};

/** Leading openers and trailing closers around a word: quotes, brackets. */
const WRAPPERS = /^[\p{Ps}\p{Pi}"'`]+|[\p{Pe}\p{Pf}"'`]+$/gu;

/**
 * True when a first segment may end right after `word` (one whitespace-free
 * token as written) in `language`: it is not on the language's list and holds
 * no digit or currency sign. A language without a list allows no word cut.
 */
export function isSafePauseWord(word: string, language = "en"): boolean {
  const list = NO_PAUSE_WORDS[language];
  if (list === undefined) return false;
  const bare = word.replace(WRAPPERS, "").replace(/\u2019/gu, "'").toLowerCase();
  if (bare === "" || /[\p{Nd}\p{Sc}%#@&+=/]/u.test(bare)) return false;
  return !list.has(bare);
}
