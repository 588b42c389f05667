import { table } from "./corpus-case.js";

const SMALL = { minLength: 10, maxLength: 40 };
const TINY = { minLength: 5, maxLength: 20 };
const NARROW = { minLength: 5, maxLength: 30 };

/** Rule 4: over-long sentences are cut at the last allowed point, in order of preference. */
export const maxLengthCases = table("max-length", [
  [
    "The quick brown fox, which was very quick, jumped over the lazy dog today.",
    ["The quick brown fox,", "which was very quick,", "jumped over the lazy dog today."],
    SMALL,
  ],
  [
    "We walked along the river and talked about the old days until sunset.",
    ["We walked along the river", "and talked about the old days", "until sunset."],
    SMALL,
  ],
  ["He finished the long report and then he went home.", ["He finished the long report", "and then he went home."], { minLength: 10, maxLength: 30 }],
  ["Cook it and then serve the soup to all of the guests.", ["Cook it", "and then serve the", "soup to all of the", "guests."], TINY],
  ["The weather was perfect — we stayed outside until the very end.", ["The weather was perfect —", "we stayed outside until the very end."], SMALL],
  ["The weather was perfect - we stayed outside until the very end.", ["The weather was perfect -", "we stayed outside until the very end."], SMALL],
  ["The weather was perfect – we stayed outside until the very end.", ["The weather was perfect –", "we stayed outside until the very end."], SMALL],
  ["The weather was perfect -- we stayed outside until the very end.", ["The weather was perfect --", "we stayed outside until the very end."], SMALL],
  ["A well-known state-of-the-art system is being built here right now.", ["A well-known state-of-the-art system is", "being built here right now."], SMALL],
  ["First we mix; then we bake the whole thing for an hour or so.", ["First we mix;", "then we bake the whole thing for an", "hour or so."], SMALL],
  ["Ingredients needed: flour, sugar, eggs, butter and a pinch of salt.", ["Ingredients needed: flour, sugar, eggs,", "butter and a pinch of salt."], SMALL],
  ["Pay 1,234,567.89 now, 987,654.32 later please.", ["Pay 1,234,567.89 now,", "987,654.32 later please."], NARROW],
  [
    "See https://example.com/a/very/long/path/to/a/resource/index.html for more info today.",
    ["See https://example.com/a/very/long/path/to/a/resource/index.html", "for more info today."],
    NARROW,
  ],
  ["https://example.com/a/very/long/path/to/a/resource/index.html", ["https://example.com/a/very/long/path/to/a/resource/index.html"], NARROW],
  ["Go to https://example.com/a/very/long/path/to/a/resource now.", ["Go to", "https://example.com/a/very/long/path/to/a/resource now."], NARROW],
  ["Supercalifragilisticexpialidocious is a word.", ["Supercalifragilisticexpialidocious", "is a word."], TINY],
  ["alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu", ["alpha beta gamma delta epsilon zeta eta", "theta iota kappa lambda mu"], SMALL],
  ["This sentence is a bit too long for the limit, ok.", ["This sentence is a bit too long for the", "limit, ok."], SMALL],
  ["Short start, then a much longer tail that runs past the limit.", ["Short start,", "then a much longer tail that runs past", "the limit."], SMALL],
  ["I like apples, and I like pears, but I love plums most of all.", ["I like apples, and I like pears,", "but I love plums most of all."], SMALL],
  ["Tell me which one you want because I need to order it soon.", ["Tell me which one you want", "because I need to order it soon."], SMALL],
  ["We can go now or we can wait a little while longer here.", ["We can go now or we can wait a little", "while longer here."], SMALL],
  ["It rained so we stayed in and played board games all day.", ["It rained so we stayed in", "and played board games all day."], SMALL],
  ['He said "I am here. I am there. I am everywhere at once" and left the room quietly.', ['He said "I am here. I am there.', 'I am everywhere at once"', "and left the room quietly."], SMALL],
  ["我们今天去公园散步然后回家吃饭睡觉", ["我们今天去公园散步然", "后回家吃饭睡觉"], { minLength: 3, maxLength: 10 }],
  ["我们今天去公园，然后回家吃饭睡觉了吧", ["我们今天去公园，", "然后回家吃饭睡觉了吧"], { minLength: 3, maxLength: 12 }],
  ["今日は公園に行って、それから家に帰って寝ました", ["今日は公園に行って、", "それから家に帰って寝ました"], { minLength: 3, maxLength: 15 }],
  ["一二三四五六七八九十一二三四五六七八九十一二三", ["一二三四五六七八九十", "一二三四五六七八九十", "一二三"], { minLength: 1, maxLength: 10 }],
  [
    "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
    [
      "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
      "seventeen eighteen nineteen twenty.",
    ],
  ],
  [
    "This is a long sentence with a comma right here, and it keeps going on and on for quite a while after that point too.",
    ["This is a long sentence with a comma right here,", "and it keeps going on and on for quite a while after that point too."],
  ],
]);

/** Rule 5: a piece shorter than minLength is joined to the next, unless that would exceed maxLength. */
export const minLengthCases = table("min-length", [
  ["Hi. How are you? I am fine, thanks.", ["Hi. How are you? I am fine, thanks."]],
  ["Yes. No. Maybe. I don't know what to say.", ["Yes. No. Maybe. I don't know what to say."]],
  [
    "This first sentence is long enough. Short. This one is also long enough.",
    ["This first sentence is long enough.", "Short. This one is also long enough."],
  ],
  ["A long enough first sentence here. End.", ["A long enough first sentence here.", "End."]],
  ["Tiny. This second sentence is long enough ok.", ["Tiny.", "This second sentence is long enough ok."], { minLength: 20, maxLength: 40 }],
  ["Tiny. This second one fits fine.", ["Tiny. This second one fits fine."], { minLength: 20, maxLength: 40 }],
  ["好。对。我们走吧。", ["好。对。我们走吧。"]],
  ["OK。好的。", ["OK。好的。"]],
  ["Hi. 你好。", ["Hi.你好。"]],
  ["One. Two. Three. Four. Five. Six. Seven.", ["One. Two. Three. Four.", "Five. Six. Seven."]],
  ["A. B. C.", ["A. B. C."]],
  ["Short line\nAnother short line", ["Short line", "Another short line"]],
  ["Exactly twenty chars. Next.", ["Exactly twenty chars.", "Next."], { minLength: 21 }],
  ["Exactly twenty char. Next.", ["Exactly twenty char.", "Next."]],
  ["Nineteen characters. Next one.", ["Nineteen characters.", "Next one."]],
  ["Eighteen character. Next one here.", ["Eighteen character. Next one here."]],
  ["No merging at all. Ok.", ["No merging at all.", "Ok."], { minLength: 0 }],
  ["Everything merges. Into one. Segment here.", ["Everything merges. Into one. Segment here."], { minLength: 100 }],
]);

/** Rule 2: inline enumerations split before each marker. */
export const enumerationCases = table(
  "enumerations",
  [
    ["Do this: 1.) open the lid 2.) pour the water 3.) close it", ["Do this:", "1.) open the lid", "2.) pour the water", "3.) close it"]],
    ["1.) first thing. 2.) second thing.", ["1.) first thing.", "2.) second thing."]],
    ["Options are 1) red and 2) blue.", ["Options are", "1) red and", "2) blue."]],
    ["(see 2) for details", ["(see 2) for details"]],
    ["Steps 10.) wash 11.) dry", ["Steps", "10.) wash", "11.) dry"]],
    ["Item 1234.) is not a marker", ["Item 1234.) is not a marker"]],
    ["Version 2.0) is odd", ["Version 2.0) is odd"]],
  ],
  { minLength: 1 },
);

/** Rule 5 with the default lengths: enumerations still merge when their items are short. */
export const enumerationMergeCases = table("enumerations-merged", [
  [
    "1.) Preheat the oven to 180 degrees. 2.) Mix the flour and sugar together.",
    ["1.) Preheat the oven to 180 degrees.", "2.) Mix the flour and sugar together."],
  ],
  ["You need 1.) a long wooden spoon 2.) a big mixing bowl", ["You need 1.) a long wooden spoon", "2.) a big mixing bowl"]],
]);
