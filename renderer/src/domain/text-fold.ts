/**
 * Folding text for sorting and matching: lower case, accents removed, and the letters that Unicode
 * decomposition does not split (ł, ø, ß, æ, đ, œ …) spelt out, so "zulawski" matches "Żuławski".
 */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', đ: 'd', œ: 'oe', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŋ: 'ng', ſ: 's',
};

const COMBINING_MARKS = /\p{Mn}/gu;
const UNFOLDED = /[łøßæđœðþıħŋſ]/g;

/** Lower-cases, strips diacritics and spells out letters such as ł or æ that have no decomposition. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNFOLDED, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
}
