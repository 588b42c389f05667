// Multi-sentence English passages for the joins part: plain prose with
// sentences, commas, questions, paragraph breaks, short lists (one item a
// line, no markup) and a sentence longer than the segmenter's maxLength. No
// numbers, abbreviations or symbols, so the pipeline's normalizer leaves the
// text as written and the one-call rendering speaks the same words as the
// streamed one.

export const PASSAGES = [
  "Hello there. How are you today?",
  "The museum opens early in the morning. The rooms are quiet then, and the light through the tall windows is soft. If you arrive before the crowds, you can see the paintings without waiting.",
  "I looked everywhere for my keys. They were not in my coat, not on the table, and not in the car. In the end, I found them in the fridge, next to the milk.",
  "Do you want to take the train or the bus? The train is faster, but it costs more. The bus stops in every village, so it takes most of the afternoon.",
  "Once upon a time, a little fox lived at the edge of a dark forest. Every evening, she climbed the hill behind her den and watched the lights of the town below.\n\nOne night, the lights went out. The fox was curious, so she walked down the hill to find out why.",
  "Before you leave the house, check three things:\nthe windows are shut,\nthe stove is off,\nand the back door is locked.\nThen you can go with a quiet mind.",
  "Rain fell all night. By morning the river had risen over its banks, and the road to the village was under water. Nobody could drive to work, so the children stayed home from school.",
  "What makes a good cup of tea? Some people say it is the water, fresh and just off the boil. Others say it is patience, because the leaves need time to open.",
  "The old lighthouse keeper kept a diary. He wrote about the weather, the ships that passed, and the birds that rested on the railing. When he retired, he gave the diary to the town library.",
  "Please read the instructions carefully. Open the box, remove the packing, and place the machine on a flat surface. Do not plug it in until the water tank is full.",
  "She had never seen snow before. When the first flakes drifted past the window, she ran outside in her slippers, laughing, with her arms held wide.\n\nHer grandmother watched from the doorway and smiled.",
  "Is it too late to change the plan? I do not think so. We can still move the meeting to the afternoon, and nobody will mind.",
  "The garden needs a little work this weekend:\nthe roses must be pruned,\nthe grass needs cutting,\nand the fence wants a fresh coat of paint.\nIf the weather holds, we can finish it all on Saturday.",
  "A good story has a beginning, a middle and an end. The beginning makes a promise, the middle keeps the reader guessing, and the end keeps the promise in a way nobody expected.",
  "The engine coughed, sputtered and finally died. We were miles from the nearest town, the sun was setting, and the phone had no signal. Still, nobody panicked. We had water, blankets and a very long list of jokes.",
  "The narrow road that winds up through the hills above the village climbs slowly past the old stone farmhouses and the quiet orchards before it finally reaches the pass. From there you can see the sea on a clear day.",
  "Why do cats sleep so much? They are hunters, and hunting takes a lot of energy in short bursts. Between those bursts, they rest, and a warm sofa is the perfect place for it.",
];

/** Which passages a `--quick` run measures (indexes into PASSAGES): a short one, questions, a paragraph break, lists and a sentence too long for one segment among them. */
export const QUICK_PASSAGE_INDEXES = [0, 3, 4, 5, 12, 15];

/** Sentence ends in `text`: `.`, `?` or `!` followed by whitespace or the end of the text. */
export function countSentenceEnds(text) {
  return [...text.matchAll(/[.?!]+(?=\s|$)/g)].length;
}
