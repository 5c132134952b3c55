import type { Block } from '../model/caseDoc.ts';
import type { Case } from '../model/entities.ts';
import type { Stage } from '../model/stage.ts';
import { isDateLine } from '../import/structure.ts';

/**
 * The export document: what every format prints, built once from the stored cases. It keeps only
 * the printed text — page markers (`breaks`, `page`), import provenance (`source`) and anything the
 * proofreading UI computes (suspects) never reach it — and it holds the decorations the book prints
 * but the store does not keep (the ——— before an organisation, the 〔组织点评〕 label).
 */

/** What a paragraph is, for the formats' styles (DOCX style, HTML class, Markdown markup). */
export const PARAGRAPH_ROLES = [
  'title',
  'organization',
  'heading',
  'heading2',
  'body',
  'awards-heading',
  'awards',
  'caption',
  'date',
  'other',
] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

export interface ExportParagraph {
  type: 'paragraph';
  role: ParagraphRole;
  /** Printed text; a `\n` inside is a line break within the paragraph. */
  text: string;
}

/** The commentary box: consecutive commentary and signature blocks, printed together. */
export interface ExportCommentary {
  type: 'commentary';
  label: string;
  paragraphs: string[];
  /** Printed signature lines (with their ———), in order. */
  signatures: string[];
}

export type ExportPart = ExportParagraph | ExportCommentary;

/** Front matter (forewords) precedes the numbered cases; back matter (afterwords) follows them. */
export type EntryKind = 'front' | 'case' | 'back';

export interface ExportEntry {
  id: number;
  number: number | null;
  kind: EntryKind;
  /** The title as the table of contents shows it. */
  title: string;
  organization: string;
  stage: Stage;
  parts: ExportPart[];
}

export interface ExportDocument {
  volumeTitle: string;
  /** Whether the export is a book (volume title page and table of contents) rather than loose cases. */
  book: boolean;
  entries: ExportEntry[];
}

/** What the model step reads of a stored case. */
export type ExportCaseInput = Pick<Case, 'id' | 'number' | 'title' | 'organization' | 'stage' | 'pageStart' | 'doc'>;

export interface ExportModelOptions {
  /** Printed before a case's organisation and a commentary's signature. */
  dash: string;
  /** The commentary box's label. */
  commentaryLabel: string;
  /** Book layout (title page, contents); default: when more than one entry goes out. */
  book?: boolean;
}

export const DEFAULT_MODEL_OPTIONS: ExportModelOptions = { dash: '———', commentaryLabel: '〔组织点评〕' };

/**
 * Removes what must not reach a file: characters XML 1.0 forbids (a DOCX or EPUB with one is
 * unreadable), lone surrogates, the object replacement character, and trailing spaces.
 */
export function cleanText(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffc\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}

const DASHES = /^[—–―\-－]{2,}\s*/;
/** Second-level headings are numbered （一）, (二)… as GB/T 9704 numbers them. */
const SECOND_LEVEL = /^\s*[（(][一二三四五六七八九十百]+[）)]/;

function dashed(text: string, dash: string): string {
  return dash + text.replace(DASHES, '');
}

/**
 * Orders cases as the table of contents does: numbered cases by number; unnumbered items before
 * the first numbered case's page (forewords) first, the others (afterwords) last; ties by id.
 */
export function tocOrder<T extends Pick<Case, 'id' | 'number' | 'pageStart'>>(
  cases: readonly T[],
): Array<T & { kind: EntryKind }> {
  const numbered = cases.filter((c) => c.number !== null).sort((a, b) => a.number! - b.number! || a.id - b.id);
  const firstPage = numbered.reduce<number | null>(
    (min, c) => (c.pageStart === null ? min : min === null ? c.pageStart : Math.min(min, c.pageStart)),
    null,
  );
  const loose = cases.filter((c) => c.number === null).sort((a, b) => (a.pageStart ?? -1) - (b.pageStart ?? -1) || a.id - b.id);
  const isFront = (c: T) => firstPage === null || c.pageStart === null || c.pageStart <= firstPage;
  return [
    ...loose.filter(isFront).map((c) => ({ ...c, kind: 'front' as const })),
    ...numbered.map((c) => ({ ...c, kind: 'case' as const })),
    ...loose.filter((c) => !isFront(c)).map((c) => ({ ...c, kind: 'back' as const })),
  ];
}

function roleOf(block: Block, text: string): ParagraphRole {
  switch (block.kind) {
    case 'title':
    case 'organization':
    case 'body':
    case 'awards-heading':
    case 'awards':
    case 'caption':
      return block.kind;
    case 'heading':
      return SECOND_LEVEL.test(text) ? 'heading2' : 'heading';
    default:
      return isDateLine(text) ? 'date' : 'other';
  }
}

function entryParts(c: ExportCaseInput, kind: EntryKind, opts: ExportModelOptions): ExportPart[] {
  const parts: ExportPart[] = [];
  const blocks = c.doc.blocks.map((b) => ({ block: b, text: cleanText(b.text) })).filter((b) => b.text.trim() !== '');
  // The title and organisation live in the case's fields too; a document that lost its title block still prints one.
  if (!blocks.some((b) => b.block.kind === 'title') && c.title.trim()) {
    parts.push({ type: 'paragraph', role: 'title', text: cleanText(c.title) });
    if (!blocks.some((b) => b.block.kind === 'organization') && c.organization.trim()) {
      parts.push({
        type: 'paragraph',
        role: 'organization',
        text: kind === 'case' ? dashed(cleanText(c.organization), opts.dash) : cleanText(c.organization),
      });
    }
  }
  let box: ExportCommentary | null = null;
  for (const { block, text } of blocks) {
    if (block.kind === 'commentary' || block.kind === 'commentary-signature') {
      if (!box || (block.kind === 'commentary' && box.signatures.length > 0)) {
        box = { type: 'commentary', label: opts.commentaryLabel, paragraphs: [], signatures: [] };
        parts.push(box);
      }
      if (block.kind === 'commentary') box.paragraphs.push(text);
      else box.signatures.push(dashed(text, opts.dash));
      continue;
    }
    box = null;
    const role = roleOf(block, text);
    const printed = role === 'organization' && kind === 'case' ? dashed(text, opts.dash) : text;
    parts.push({ type: 'paragraph', role, text: printed });
  }
  return parts;
}

/** Builds the export document from stored cases, in table-of-contents order whatever order they come in. */
export function buildExportDocument(
  volumeTitle: string,
  cases: readonly ExportCaseInput[],
  options: Partial<ExportModelOptions> = {},
): ExportDocument {
  const opts = { ...DEFAULT_MODEL_OPTIONS, ...options };
  const entries = tocOrder(cases).map((c): ExportEntry => ({
    id: c.id,
    number: c.number,
    kind: c.kind,
    title: cleanText(c.title).replace(/\n+/g, ' '),
    organization: cleanText(c.organization).replace(/\n+/g, ' '),
    stage: c.stage,
    parts: entryParts(c, c.kind, opts),
  }));
  return { volumeTitle: cleanText(volumeTitle).replace(/\n+/g, ' '), book: opts.book ?? entries.length > 1, entries };
}

/** The style a printed paragraph takes: its role, or its place in the commentary box. */
export type LineStyle = ParagraphRole | 'commentary-label' | 'commentary' | 'commentary-signature';

/** A part's printed paragraphs in order (a commentary box: label, paragraphs, signatures), each with its style. */
export function partLines(part: ExportPart): Array<{ style: LineStyle; text: string }> {
  if (part.type === 'paragraph') return [{ style: part.role, text: part.text }];
  return [
    { style: 'commentary-label', text: part.label },
    ...part.paragraphs.map((text) => ({ style: 'commentary' as const, text })),
    ...part.signatures.map((text) => ({ style: 'commentary-signature' as const, text })),
  ];
}

/** Every printed paragraph of an entry in order, the commentary box's label, paragraphs and signatures included. */
export function entryTexts(entry: ExportEntry): string[] {
  return entry.parts.flatMap((p) => partLines(p).map((l) => l.text));
}

/** How many characters go out (for progress and the summary). */
export function documentChars(doc: ExportDocument): number {
  let n = 0;
  for (const e of doc.entries) for (const t of entryTexts(e)) n += t.length;
  return n;
}
