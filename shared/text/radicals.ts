// PDFs printed by Chrome/Skia (and Word/WPS) with CJK fonts whose radical code points share a glyph with
// an ideograph can map that glyph back to the radical in their ToUnicode table (⼀ for 一, ⻚ for 页).
// pdf.js returns those code points as they are; pdftotext folds them. Folding them here keeps both
// import paths equal. Whole-string NFKC is not an option: it would turn full-width ，：（） into ASCII.

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) → the ideograph it stands for. Where Noto CJK SC draws the
 * radical with the same glyph as an ideograph (read from the fonts' cmaps), that ideograph wins, since it
 * is what the page shows; the rest follow Unicode's EquivalentUnifiedIdeograph.txt. Radicals that are
 * only ever components (⺌ ⺑ ⺵ ⺸ …) are left out and pass through unchanged.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2E80': '冫',
  '\u2E81': '厂',
  '\u2E82': '乛',
  '\u2E83': '乚',
  '\u2E84': '乙',
  '\u2E85': '亻',
  '\u2E86': '冂',
  '\u2E87': '𠘨',
  '\u2E89': '刂',
  '\u2E8A': '卜',
  '\u2E8B': '㔾',
  '\u2E8D': '𭕄',
  '\u2E8E': '兀',
  '\u2E8F': '尣',
  '\u2E90': '尢',
  '\u2E92': '巳',
  '\u2E93': '幺',
  '\u2E94': '彑',
  '\u2E95': '彐',
  '\u2E96': '忄',
  '\u2E97': '㣺',
  '\u2E98': '扌',
  '\u2E99': '攵',
  '\u2E9B': '旡',
  '\u2E9C': '日',
  '\u2E9D': '月',
  '\u2E9E': '歺',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA1': '氵',
  '\u2EA2': '氺',
  '\u2EA3': '灬',
  '\u2EA4': '爫',
  '\u2EA5': '爫',
  '\u2EA6': '丬',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EA9': '𤣩',
  '\u2EAB': '罒',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAE': '𥫗',
  '\u2EAF': '糹',
  '\u2EB0': '纟',
  '\u2EB1': '罓',
  '\u2EB2': '罒',
  '\u2EB3': '㓁',
  '\u2EB4': '㓁',
  '\u2EB9': '耂',
  '\u2EBA': '肀',
  '\u2EBC': '月',
  '\u2EBD': '𦥑',
  '\u2EBE': '艹',
  '\u2EBF': '艹',
  '\u2EC0': '艹',
  '\u2EC1': '虎',
  '\u2EC2': '衤',
  '\u2EC3': '覀',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC7': '𧢲',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '𧾷',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECD': '辶',
  '\u2ECE': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED2': '镸',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED5': '𨸏',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EDE': '𩙿',
  '\u2EDF': '飠',
  '\u2EE0': '饣',
  '\u2EE1': '𩠐',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEB': '斉',
  '\u2EEC': '齐',
  '\u2EED': '歯',
  '\u2EEE': '齿',
  '\u2EEF': '竜',
  '\u2EF0': '龙',
  '\u2EF1': '龜',
  '\u2EF2': '亀',
  '\u2EF3': '龟',
};

/**
 * Kangxi radicals whose glyph in simplified-Chinese fonts is a different ideograph than their NFKC
 * target: Noto CJK SC draws ⼾ (U+2F3E) as 户 (U+6237), while NFKC gives the traditional 戶 (U+6236).
 */
const KANGXI_SC: Readonly<Record<string, string>> = { '\u2F3E': '户' };

const RADICALS = /[\u2E80-\u2EFF\u2F00-\u2FDF]/gu;
const ANY_RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/u;

/**
 * Folds Kangxi radicals (U+2F00–U+2FDF, by NFKC save the simplified-font exception ⼾→户) and CJK radical
 * supplements (U+2E80–U+2EFF, by table) into the ideographs they stand for; every other character,
 * full-width punctuation included, is kept.
 */
export function normalizeRadicals(s: string): string {
  return s.replace(RADICALS, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= 0x2f00 ? (KANGXI_SC[ch] ?? ch.normalize('NFKC')) : (SUPPLEMENT[ch] ?? ch);
  });
}

/** True when the string holds a radical code point that normalizeRadicals would fold. */
export function hasRadicals(s: string): boolean {
  return ANY_RADICAL.test(s);
}
