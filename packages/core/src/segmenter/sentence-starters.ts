/**
 * Words that clearly start a new sentence. After an abbreviation that may end
 * a sentence (`etc.`, `a.m.`, `Inc.`, `U.S.`, a lone initial), the dot is a
 * boundary only when one of these follows: "at 9 a.m. The meeting…" splits,
 * "at 9 a.m. Eastern time" and "John F. Kennedy" do not.
 */
const SENTENCE_STARTERS = new Set(
  (
    "A An The This That These Those It Its I He She We They You Your My Our Their His Her Him Them Me Us " +
    "There Here Then Now But And So Or Yet If When Whenever While After Before Once Since Because Although Though " +
    "However Also Still Thus Therefore Hence Meanwhile Finally First Second Third Next Last Later Today Tomorrow " +
    "Yesterday Tonight In On At By For From To With Without Within Of As Into During Under Over What Why How Who " +
    "Whom Whose Where Which Is Are Was Were Be Been Do Does Did Done Can Could Will Would Should Shall May Might Must " +
    "Let Please Some Many Most Each Every All Any No Not None Both Such Other Another One Two Three Yes Sure Well " +
    "Oh Ok Okay Just Even Only Instead Otherwise Besides Moreover Furthermore Overall Note See Consider Unfortunately " +
    "Fortunately Actually Anyway Hi Hello Thanks Thank Great Good Nothing Everything Everyone Someone Something " +
    "Anyone People Our Always Never Sometimes Often Usually Maybe Perhaps Again Afterwards Soon Eventually Indeed " +
    "Otherwise Similarly Likewise Alternatively Additionally Remember Make Take Use Try Add Keep Check Go Get"
  ).split(" "),
);

/** True when `word` (letters only, as written) clearly opens a new sentence. */
export function isSentenceStarter(word: string): boolean {
  return SENTENCE_STARTERS.has(word);
}
