import type { LineStyle } from './exportModel.ts';

/**
 * Typography presets as data: a table of named paragraph styles, page geometry and page numbers.
 * The DOCX writer and the HTML/PDF print CSS both read it, so a house style is a new entry here,
 * not new code. Sizes are in points (Chinese size names in comments: 二号 = 22 pt, 三号 = 16 pt…),
 * lengths in millimetres.
 */

export const PAGE_SIZES = ['a5', 'a4'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const PRESET_IDS = ['book', 'gongwen'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Type faces, each with the name Word and WPS know, a fallback for machines without it, and a CSS stack. */
export const FACES = {
  song: {
    docx: '宋体',
    fallback: 'Noto Serif CJK SC',
    family: 'roman',
    css: ['Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', '宋体', 'serif'],
  },
  hei: {
    docx: '黑体',
    fallback: 'Noto Sans CJK SC',
    family: 'swiss',
    css: ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Heiti SC', 'SimHei', '黑体', 'sans-serif'],
  },
  kai: {
    docx: '楷体',
    fallback: 'Noto Serif CJK SC',
    family: 'roman',
    css: ['Kaiti SC', 'STKaiti', 'KaiTi', '楷体', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  },
  kaiGb: {
    docx: '楷体_GB2312',
    fallback: '楷体',
    family: 'roman',
    css: ['KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  },
  fangsong: {
    docx: '仿宋_GB2312',
    fallback: '仿宋',
    family: 'roman',
    css: ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  },
  xiaobiaosong: {
    docx: '方正小标宋简体',
    fallback: '宋体',
    family: 'roman',
    css: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', 'Noto Serif CJK SC', 'SimSun', 'serif'],
  },
} as const;
export type Face = keyof typeof FACES;
/** Latin text beside the Chinese: Times New Roman, as Chinese Word documents use. */
export const LATIN_FACE = 'Times New Roman';

/** A size that may differ by page size (a book on A4 sets its text larger than on A5). */
export type Sized = number | Readonly<Record<PageSize, number>>;

export interface StyleSpec {
  /** Style id in the DOCX (ASCII, stable). */
  id: string;
  /** The name the publisher sees in Word's style list. */
  name: string;
  face: Face;
  size: Sized;
  bold?: boolean;
  align: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in hundredths of a character (200 = two characters, following the font size). */
  firstLineChars?: number;
  /** Right indent in hundredths of a character. */
  rightChars?: number;
  /** Line spacing: a multiple of single (1.5) or an exact height in points. */
  line: { multiple: number } | { exactPt: number };
  beforePt?: Sized;
  afterPt?: Sized;
  /** Drawn inside the commentary box. */
  boxed?: boolean;
  keepNext?: boolean;
  /** Level in Word's navigation pane and table of contents (0 = top). */
  outlineLevel?: number;
}

/** Styles every preset defines: one per paragraph role and commentary line, plus the book's own paragraphs. */
export type StyleKey = LineStyle | 'volume-title' | 'toc-heading' | 'toc-entry';

export interface PageSpec {
  widthMm: number;
  heightMm: number;
  margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

export interface PageNumberSpec {
  /** `{n}` is the page number: `— {n} —` prints "— 1 —". */
  template: string;
  face: Face;
  size: number;
  /** `center`, or `outside`: odd pages right, even pages left. */
  placement: 'center' | 'outside';
  /** Distance from the edge of the type area on the outside, in characters of the number's size. */
  indentChars: number;
}

export interface DocxPreset {
  id: PresetId;
  /** Shown in the dialog (i18n key suffix is the id). */
  name: string;
  pageSizes: readonly PageSize[];
  page: Readonly<Partial<Record<PageSize, PageSpec>>>;
  /** Lines per page and characters per line of the body text (a document grid), when the preset fixes them. */
  grid?: { lines: number; chars: number };
  pageNumber: PageNumberSpec;
  /** The commentary box's rule: width in points and inner padding in points. */
  box: { widthPt: number; paddingPt: number };
  styles: Readonly<Record<StyleKey, StyleSpec>>;
}

/** Each style's DOCX id and the name Word lists: the same in every preset, so restyling carries over. */
const STYLE_NAMES: Readonly<Record<StyleKey, { id: string; name: string }>> = {
  'volume-title': { id: 'VolumeTitle', name: '卷名' },
  'toc-heading': { id: 'TocHeading', name: '目录标题' },
  'toc-entry': { id: 'TOC1', name: 'toc 1' },
  title: { id: 'CaseTitle', name: '标题' },
  organization: { id: 'Organization', name: '单位' },
  'commentary-label': { id: 'CommentaryLabel', name: '点评标签' },
  commentary: { id: 'Commentary', name: '点评' },
  'commentary-signature': { id: 'CommentarySignature', name: '点评署名' },
  heading: { id: 'CaseHeading', name: '小标题' },
  heading2: { id: 'CaseHeading2', name: '二级标题' },
  body: { id: 'CaseBody', name: '正文' },
  'awards-heading': { id: 'AwardsHeading', name: '获奖标题' },
  awards: { id: 'Awards', name: '获奖' },
  caption: { id: 'CaseCaption', name: '图注' },
  date: { id: 'DateLine', name: '日期' },
  other: { id: 'OtherText', name: '其他' },
};

/** What a preset sets per style: everything but the id and name. */
type Typography = Omit<StyleSpec, 'id' | 'name'>;

/** A preset's typography table with each style's id and name. */
function named(table: Readonly<Record<StyleKey, Typography>>): Record<StyleKey, StyleSpec> {
  const entries = (Object.keys(table) as StyleKey[]).map((k) => [k, { ...STYLE_NAMES[k], ...table[k] }]);
  return Object.fromEntries(entries) as Record<StyleKey, StyleSpec>;
}

const BOOK_LINE = { multiple: 1.5 } as const;
const BOOK_TEXT = { a5: 10.5, a4: 12 } as const;
/** Body-sized Song text with a two-character indent: 正文 and 获奖. */
const BOOK_BODY: Typography = { face: 'song', size: BOOK_TEXT, align: 'both', firstLineChars: 200, line: BOOK_LINE };
/** Centred Hei headings inside a case: 小标题 and 获奖标题. */
const BOOK_HEADING: Typography = {
  face: 'hei',
  size: { a5: 12, a4: 14 },
  align: 'center',
  line: BOOK_LINE,
  beforePt: 12,
  afterPt: 6,
  keepNext: true,
  outlineLevel: 1,
};

/** 书籍: Chinese book typography, Song body text, Hei titles, two-character indents, 1.5 lines. */
export const BOOK_PRESET: DocxPreset = {
  id: 'book',
  name: '书籍',
  pageSizes: ['a5', 'a4'],
  page: {
    a5: { widthMm: 148, heightMm: 210, margin: { top: 20, bottom: 20, left: 18, right: 16, header: 10, footer: 10 } },
    a4: { widthMm: 210, heightMm: 297, margin: { top: 25.4, bottom: 25.4, left: 31.8, right: 31.8, header: 15, footer: 15 } },
  },
  pageNumber: { template: '{n}', face: 'song', size: 9, placement: 'center', indentChars: 0 },
  box: { widthPt: 0.75, paddingPt: 6 },
  styles: named({
    'volume-title': {
      face: 'hei',
      size: { a5: 24, a4: 26 },
      align: 'center',
      line: BOOK_LINE,
      beforePt: { a5: 120, a4: 180 },
      afterPt: 24,
    },
    'toc-heading': { face: 'hei', size: { a5: 16, a4: 18 }, align: 'center', line: BOOK_LINE, afterPt: 18 },
    'toc-entry': { face: 'song', size: BOOK_TEXT, align: 'left', line: BOOK_LINE },
    title: {
      face: 'hei',
      size: { a5: 16, a4: 18 },
      align: 'center',
      line: BOOK_LINE,
      beforePt: { a5: 12, a4: 24 },
      afterPt: 6,
      keepNext: true,
      outlineLevel: 0,
    },
    organization: { face: 'kai', size: BOOK_TEXT, align: 'right', line: BOOK_LINE, afterPt: 12, keepNext: true },
    'commentary-label': { face: 'hei', size: BOOK_TEXT, align: 'left', line: BOOK_LINE, boxed: true, keepNext: true },
    commentary: { face: 'kai', size: BOOK_TEXT, align: 'both', firstLineChars: 200, line: BOOK_LINE, boxed: true },
    'commentary-signature': { face: 'kai', size: BOOK_TEXT, align: 'right', line: BOOK_LINE, boxed: true },
    heading: BOOK_HEADING,
    heading2: {
      face: 'kai',
      size: BOOK_TEXT,
      bold: true,
      align: 'both',
      firstLineChars: 200,
      line: BOOK_LINE,
      keepNext: true,
      outlineLevel: 2,
    },
    body: BOOK_BODY,
    'awards-heading': BOOK_HEADING,
    awards: BOOK_BODY,
    caption: { face: 'kai', size: { a5: 9, a4: 10.5 }, align: 'center', line: BOOK_LINE },
    date: { face: 'song', size: BOOK_TEXT, align: 'right', line: BOOK_LINE, beforePt: 6 },
    other: { face: 'song', size: BOOK_TEXT, align: 'both', line: BOOK_LINE },
  }),
};

/** Exact line height of the 公文 grid: the type area's 225 mm over 22 lines, floored to a twip (28.95 pt). */
const GW_LINE = { exactPt: 28.95 } as const;
/** 3号 仿宋_GB2312 with a two-character indent: 正文 and 获奖. */
const GW_BODY: Typography = { face: 'fangsong', size: 16, align: 'both', firstLineChars: 200, line: GW_LINE };
/** First-level headings, 3号 黑体 indented like the text: 小标题 and 获奖标题. */
const GW_HEADING: Typography = { ...GW_BODY, face: 'hei', keepNext: true, outlineLevel: 1 };

/**
 * 公文 (GB/T 9704-2012 党政机关公文格式): A4, top margin 37 mm, left 28 mm, type area 156 × 225 mm,
 * 22 lines of 28 characters; title 2号 方正小标宋简体, body 3号 仿宋_GB2312, first-level headings
 * 3号 黑体, second-level 3号 楷体; page numbers 4号 "— 1 —", odd pages right and even pages left,
 * one character in, their lower edge 7 mm below the type area.
 */
export const GONGWEN_PRESET: DocxPreset = {
  id: 'gongwen',
  name: '公文',
  pageSizes: ['a4'],
  page: {
    a4: { widthMm: 210, heightMm: 297, margin: { top: 37, bottom: 35, left: 28, right: 26, header: 15, footer: 28 } },
  },
  grid: { lines: 22, chars: 28 },
  pageNumber: { template: '— {n} —', face: 'song', size: 14, placement: 'outside', indentChars: 1 },
  box: { widthPt: 0.75, paddingPt: 6 },
  styles: named({
    'volume-title': { face: 'xiaobiaosong', size: 26, align: 'center', line: GW_LINE, beforePt: 144, afterPt: 28.95 },
    'toc-heading': { face: 'hei', size: 16, align: 'center', line: GW_LINE },
    'toc-entry': { face: 'fangsong', size: 16, align: 'left', line: GW_LINE },
    title: { face: 'xiaobiaosong', size: 22, align: 'center', line: GW_LINE, keepNext: true, outlineLevel: 0 },
    organization: { face: 'kaiGb', size: 16, align: 'center', line: GW_LINE, afterPt: 0, keepNext: true },
    'commentary-label': { ...GW_BODY, face: 'hei', align: 'left', keepNext: true },
    commentary: { ...GW_BODY, face: 'kaiGb' },
    'commentary-signature': { face: 'kaiGb', size: 16, align: 'right', rightChars: 200, line: GW_LINE },
    heading: GW_HEADING,
    heading2: { ...GW_BODY, face: 'kaiGb', keepNext: true, outlineLevel: 2 },
    body: GW_BODY,
    'awards-heading': GW_HEADING,
    awards: GW_BODY,
    caption: { face: 'kaiGb', size: 14, align: 'center', line: GW_LINE },
    date: { face: 'fangsong', size: 16, align: 'right', rightChars: 400, line: GW_LINE },
    other: { face: 'fangsong', size: 16, align: 'both', line: GW_LINE },
  }),
};

export const PRESETS: Readonly<Record<PresetId, DocxPreset>> = { book: BOOK_PRESET, gongwen: GONGWEN_PRESET };

/** A size for a page size. */
export function sized(v: Sized | undefined, page: PageSize): number {
  if (v === undefined) return 0;
  return typeof v === 'number' ? v : v[page];
}

/** The page size a preset is laid out on: the one asked for when the preset has it, else its first. */
export function presetPage(preset: DocxPreset, page: PageSize): { size: PageSize; spec: PageSpec } {
  const size = preset.pageSizes.includes(page) ? page : preset.pageSizes[0]!;
  return { size, spec: preset.page[size]! };
}

export const MM_PER_INCH = 25.4;
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / MM_PER_INCH);
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;

/**
 * Word's document grid for a preset with fixed lines and characters: the line pitch (twips, floored
 * so that the last line still fits) and the character spacing relative to the body font (Word's
 * `charSpace`, 4096ths of a point).
 */
export function documentGrid(preset: DocxPreset, page: PageSize): { linePitch: number; charSpace: number } | null {
  if (!preset.grid) return null;
  const { spec, size } = presetPage(preset, page);
  const typeWidthPt = mmToPt(spec.widthMm - spec.margin.left - spec.margin.right);
  const typeHeightTwips = mmToPt(spec.heightMm - spec.margin.top - spec.margin.bottom) * 20;
  const bodyPt = sized(preset.styles.body.size, size);
  return {
    linePitch: Math.floor(typeHeightTwips / preset.grid.lines),
    charSpace: Math.round((typeWidthPt / preset.grid.chars - bodyPt) * 4096),
  };
}
