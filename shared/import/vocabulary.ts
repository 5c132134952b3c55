/**
 * The words the importer recognises structure by. They are configuration, not rules: a volume
 * that calls its commentary box 〔专家点评〕 or its awards 所获荣誉 is imported by passing a
 * vocabulary that lists them. Labels are compared with brackets and spaces removed.
 */
export interface Vocabulary {
  /** Label of the commentary box that may open a case (〔组织点评〕). */
  commentaryLabels: string[];
  /** Headings of the awards section that closes a case (获奖情况). */
  awardsHeadings: string[];
  /** Titles of front matter, by kind. */
  forewordTitles: string[];
  prefaceTitles: string[];
  afterwordTitles: string[];
  /** Heading of the table of contents. */
  tocTitles: string[];
  /** Beginnings of picture captions. */
  captionPrefixes: string[];
  /**
   * Words an organisation's name ends with (党支部, 委员会, 公司…). Only OCR repairs use them: to
   * tell an organisation whose dashes OCR lost from a title's second line, and a name from the
   * leader junk OCR reads after it.
   */
  organizationSuffixes: string[];
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  commentaryLabels: ['组织点评', '点评', '专家点评', '领导点评', '编者点评', '编者按'],
  awardsHeadings: ['获奖情况', '获得荣誉', '所获荣誉', '荣誉称号', '获奖名单', '主要荣誉', '荣誉情况'],
  forewordTitles: ['序', '序言', '代序', '总序', '序一', '序二'],
  prefaceTitles: ['前言', '引言', '编者的话', '出版说明', '编写说明'],
  afterwordTitles: ['后记', '编后记', '编后语', '跋'],
  tocTitles: ['目录', '目次'],
  captionPrefixes: ['图为', '图：', '图:', '▲', '△', '上图', '下图', '左图', '右图', '（图', '(图'],
  organizationSuffixes: [
    '党支部',
    '党总支',
    '党委',
    '党工委',
    '党组',
    '支部',
    '总支',
    '委员会',
    '组织部',
    '委',
    '局',
    '厅',
    '学院',
    '大学',
    '学校',
    '中学',
    '小学',
    '公司',
    '集团',
    '厂',
    '车间',
    '中心',
    '医院',
    '银行',
    '社区',
    '村委会',
    '居委会',
    '办事处',
    '街道',
    '协会',
    '研究所',
    '研究院',
    '院',
    '站',
    '所',
  ],
};

/** Whether a name ends with one of the vocabulary's organisation words. */
export function endsWithOrganizationWord(text: string, vocab: Vocabulary): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  return vocab.organizationSuffixes.some((w) => w.length > 0 && t.endsWith(w));
}

/** A vocabulary with any missing list taken from the defaults. */
export function withDefaults(overrides?: Partial<Vocabulary>): Vocabulary {
  return { ...DEFAULT_VOCABULARY, ...(overrides ?? {}) };
}

const BRACKETS = /[\s\u3000〔〕【】[\]（）()〖〗「」『』<>《》［］]/g;

/** The core of a label: brackets and spaces removed, for comparing with vocabulary entries. */
export function labelKey(s: string): string {
  return s.replace(BRACKETS, '');
}

// Each vocabulary list's keys, and how long a line may be to be one of them (every line is asked).
const vocabKeys = new WeakMap<readonly string[], { keys: Set<string>; maxLength: number }>();

/** Whether `text` is exactly one of `words` (brackets and spaces ignored). */
export function isVocab(text: string, words: readonly string[]): boolean {
  let known = vocabKeys.get(words);
  if (!known) {
    const keys = new Set(words.map(labelKey));
    known = { keys, maxLength: Math.max(0, ...words.map((w) => w.length)) };
    vocabKeys.set(words, known);
  }
  // Brackets and spaces around a word never triple its length.
  if (text.length > known.maxLength * 3 + 8) return false;
  const key = labelKey(text);
  return key.length > 0 && known.keys.has(key);
}

/**
 * If `text` begins with a bracketed label from `words` (〔组织点评〕康乐路…), the label and the
 * rest; also matches a label alone on its line. Otherwise null.
 */
export function splitLabel(text: string, words: readonly string[]): { label: string; rest: string } | null {
  const trimmed = text.trim();
  if (isVocab(trimmed, words)) return { label: trimmed, rest: '' };
  const m = /^[〔【[（(〖「『［]\s*([^〕】\]）)〗」』］]{1,8}?)\s*[〕】\]）)〗」』］]\s*(.+)$/.exec(trimmed);
  if (m && words.some((w) => labelKey(w) === labelKey(m[1]!))) {
    return { label: trimmed.slice(0, trimmed.length - m[2]!.length).trim(), rest: m[2]! };
  }
  return null;
}
