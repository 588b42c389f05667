import type { CorpusGroup } from "./corpus-case.js";

const lexicon = {
  voxpipe: "vox pipe",
  SQL: "sequel",
  "New York": "the big apple",
  nginx: "engine x",
  GIF: { say: "jif" },
  Nguyen: { say: "win", phonemes: "w'In" },
  "C++": "C plus plus",
  kubectl: "cube control",
};

export const lexiconWords: CorpusGroup = {
  category: "lexicon",
  options: { lexicon },
  cases: [
    ["voxpipe", "vox pipe"],
    ["Voxpipe is fast.", "Vox pipe is fast."],
    ["VOXPIPE", "Vox pipe"],
    ["I use voxpipe's API.", "I use vox pipe's API."],
    ["voxpipes", "voxpipes"],
    ["myvoxpipe", "myvoxpipe"],
    ["SQL", "sequel"],
    ["Learn SQL today.", "Learn sequel today."],
    ["sql", "sql"],
    ["NoSQL", "NoSQL"],
    ["New York", "the big apple"],
    ["New  York", "the big apple"],
    ["new york", "new york"],
    ["New Yorker", "New Yorker"],
    ["nginx and Nginx", "engine x and Engine x"],
    ["a GIF", "a jif"],
    ["Mr. Nguyen", "mister win"],
    ["C++ rocks", "C plus plus rocks"],
    ["run kubectl apply", "run cube control apply"],
    ["SQL costs $5", "sequel costs five dollars"],
  ],
};

export const lexiconPhonemes: CorpusGroup = {
  category: "lexicon",
  options: { lexicon, phonemes: "espeak" },
  cases: [
    ["Mr. Nguyen", "mister [[w'In]]"],
    ["Nguyen's car", "[[w'In]]'s car"],
    ["SQL", "sequel"],
  ],
};

export const passthrough: CorpusGroup = {
  category: "passthrough",
  cases: [
    ["", ""],
    ["Hello there. How are you today?", "Hello there. How are you today?"],
    ["中文文本 123 不变。", "中文文本 123 不变。"],
    ["価格は100円です。", "価格は100円です。"],
    ["Привет, мир 2024!", "Привет, мир 2024!"],
    ["مرحبا 5", "مرحبا 5"],
    ["Привет, John 5", "Привет, John 5"],
    ["Café au lait at 5.", "Café au lait at five."],
    ["naïve résumé", "naïve résumé"],
    ["…and then?", "…and then?"],
    ["Emoji 🙂 stay.", "Emoji 🙂 stay."],
  ],
};

export const categoriesOff: CorpusGroup = {
  category: "mixed",
  options: { categories: { currency: false, urls: false, abbreviations: false } },
  cases: [
    ["It costs $3.50.", "It costs $3.50."],
    ["Visit example.com today.", "Visit example.com today."],
    ["Dr. Smith has 3 cats.", "Dr. Smith has three cats."],
  ],
};

export const handledByTts: CorpusGroup = {
  category: "mixed",
  options: { handledByTts: ["numbers", "currency", "dates"] },
  cases: [
    ["It costs $3.50 on Jan. 5.", "It costs $3.50 on Jan. 5."],
    ["I have 3 cats and 50%.", "I have 3 cats and fifty percent."],
    ["Dr. Smith", "doctor Smith"],
  ],
};
