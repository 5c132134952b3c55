import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  StyleLevel,
  TableOfContents,
  TextRun,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import { partLines, type ExportDocument, type ExportEntry, type ExportPart } from './exportModel.ts';
import {
  documentGrid,
  FACES,
  LATIN_FACE,
  mmToTwips,
  presetPage,
  PRESETS,
  sized,
  type DocxPreset,
  type Face,
  type PageSize,
  type PresetId,
  type StyleSpec,
} from './docxPresets.ts';

/**
 * DOCX through the `docx` library: every paragraph carries a named style of the preset (标题, 单位,
 * 点评, 小标题, 正文 …), so restyling the book is one change per style in Word. Each entry starts on a
 * new page; a book gets a title page and Word's TOC field, written already filled in with the
 * titles (Word adds the page numbers when it updates the field on opening).
 */

export interface DocxOptions {
  preset: PresetId;
  pageSize: PageSize;
  /** Checked between entries: a cancelled export stops building. */
  signal?: AbortSignal;
  /** Entries built so far, of all. */
  onProgress?: (done: number, total: number) => void;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.BOTH,
} as const;

const pt20 = (pt: number): number => Math.round(pt * 20);

function styleOptions(spec: StyleSpec, preset: DocxPreset, page: PageSize): IParagraphStyleOptions {
  const size = sized(spec.size, page);
  const face = FACES[spec.face];
  const padTwips = pt20(preset.box.paddingPt + preset.box.widthPt);
  const rule = {
    style: BorderStyle.SINGLE,
    size: Math.round(preset.box.widthPt * 8),
    space: Math.round(preset.box.paddingPt),
    color: 'auto',
  };
  const firstLine = spec.firstLineChars ? Math.round((spec.firstLineChars / 100) * size * 20) : undefined;
  const right = (spec.rightChars ? Math.round((spec.rightChars / 100) * size * 20) : 0) + (spec.boxed ? padTwips : 0);
  return {
    id: spec.id,
    name: spec.name,
    basedOn: 'Normal',
    next: spec.id === 'CaseTitle' || spec.id === 'CaseHeading' ? 'CaseBody' : spec.id,
    quickFormat: true,
    run: {
      font: { eastAsia: face.docx, ascii: LATIN_FACE, hAnsi: LATIN_FACE },
      size: Math.round(size * 2),
      bold: spec.bold ?? false,
    },
    paragraph: {
      alignment: ALIGN[spec.align],
      // firstLineChars follows the font size in Word; firstLine is the same length for readers that ignore it.
      indent: {
        ...(spec.firstLineChars ? { firstLineChars: spec.firstLineChars, firstLine } : {}),
        ...(spec.boxed ? { left: padTwips } : {}),
        ...(right ? { right } : {}),
      },
      spacing: {
        ...('multiple' in spec.line
          ? { line: Math.round(spec.line.multiple * 240), lineRule: LineRuleType.AUTO }
          : { line: pt20(spec.line.exactPt), lineRule: LineRuleType.EXACT }),
        before: pt20(sized(spec.beforePt, page)),
        after: pt20(sized(spec.afterPt, page)),
      },
      ...(spec.boxed ? { border: { top: rule, bottom: rule, left: rule, right: rule } } : {}),
      ...(spec.keepNext ? { keepNext: true } : {}),
      ...(spec.outlineLevel !== undefined ? { outlineLevel: spec.outlineLevel } : {}),
    },
  };
}

/** Paragraph runs: a `\n` inside the text becomes a line break. */
function runs(text: string): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** A part's paragraphs; the first one starts a new page when `newPage`. */
function partParagraphs(part: ExportPart, preset: DocxPreset, newPage: boolean): Paragraph[] {
  return partLines(part).map(
    ({ style, text }, i) =>
      new Paragraph({
        style: preset.styles[style].id,
        ...(newPage && i === 0 ? { pageBreakBefore: true } : {}),
        children: runs(text),
      }),
  );
}

function entryParagraphs(entry: ExportEntry, preset: DocxPreset, newPage: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const part of entry.parts) out.push(...partParagraphs(part, preset, newPage && out.length === 0));
  return out;
}

function pageNumberParagraph(preset: DocxPreset, side: 'center' | 'odd' | 'even'): Paragraph {
  const spec = preset.pageNumber;
  const face = FACES[spec.face];
  const [before = '', after = ''] = spec.template.split('{n}');
  const run = (children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]>) =>
    new TextRun({ children, font: { eastAsia: face.docx, ascii: face.docx, hAnsi: face.docx }, size: Math.round(spec.size * 2) });
  const indent = pt20(spec.indentChars * spec.size);
  return new Paragraph({
    alignment: side === 'center' ? AlignmentType.CENTER : side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    ...(side === 'odd' && indent ? { indent: { right: indent } } : {}),
    ...(side === 'even' && indent ? { indent: { left: indent } } : {}),
    // Page numbers sit outside the document grid.
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: [run([before, PageNumber.CURRENT, after].filter((c) => c !== ''))],
  });
}

/** The font table, naming each face's fallback (w:altName) and family, for machines without the face. */
function fontTableXml(faces: ReadonlySet<Face>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = [...faces].map((f) => {
    const face = FACES[f];
    // charset 86 = GB2312: tells Word the face covers Simplified Chinese.
    return `<w:font w:name="${esc(face.docx)}"><w:altName w:val="${esc(face.fallback)}"/><w:charset w:val="86"/><w:family w:val="${face.family}"/><w:pitch w:val="variable"/></w:font>`;
  });
  fonts.push(
    `<w:font w:name="${LATIN_FACE}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Aborted');
}

/** Builds the DOCX file of an export document. */
export async function buildDocx(doc: ExportDocument, options: DocxOptions): Promise<Uint8Array> {
  const preset = PRESETS[options.preset];
  const { size: page, spec: pageSpec } = presetPage(preset, options.pageSize);
  const styles = Object.values(preset.styles).map((s) => styleOptions(s, preset, page));
  const body = preset.styles.body;
  const faces = new Set<Face>([...Object.values(preset.styles).map((s) => s.face), preset.pageNumber.face]);

  const children: Array<Paragraph | TableOfContents> = [];
  if (doc.book) {
    children.push(new Paragraph({ style: preset.styles['volume-title'].id, children: runs(doc.volumeTitle) }));
    children.push(new Paragraph({ style: preset.styles['toc-heading'].id, pageBreakBefore: true, children: runs('目录') }));
    children.push(
      new TableOfContents('目录', {
        hyperlink: true,
        stylesWithLevels: [new StyleLevel(preset.styles.title.name, 1)],
      }),
    );
  }
  const total = doc.entries.length;
  doc.entries.forEach((entry, i) => {
    checkAborted(options.signal);
    children.push(...entryParagraphs(entry, preset, doc.book || i > 0));
    options.onProgress?.(i + 1, total);
  });

  const grid = documentGrid(preset, page);
  const outside = preset.pageNumber.placement === 'outside';
  const footers: ISectionOptions['footers'] = outside
    ? {
        default: new Footer({ children: [pageNumberParagraph(preset, 'odd')] }),
        even: new Footer({ children: [pageNumberParagraph(preset, 'even')] }),
        ...(doc.book ? { first: new Footer({ children: [new Paragraph({})] }) } : {}),
      }
    : {
        default: new Footer({ children: [pageNumberParagraph(preset, 'center')] }),
        ...(doc.book ? { first: new Footer({ children: [new Paragraph({})] }) } : {}),
      };
  const m = pageSpec.margin;
  const file = new Document({
    title: doc.volumeTitle,
    creator: '编校台 Casebook Workbench',
    lastModifiedBy: '编校台 Casebook Workbench',
    evenAndOddHeaderAndFooters: outside,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FACES[body.face].docx, ascii: LATIN_FACE, hAnsi: LATIN_FACE },
            size: Math.round(sized(body.size, page) * 2),
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
      paragraphStyles: styles,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(pageSpec.widthMm), height: mmToTwips(pageSpec.heightMm) },
            margin: {
              top: mmToTwips(m.top),
              bottom: mmToTwips(m.bottom),
              left: mmToTwips(m.left),
              right: mmToTwips(m.right),
              header: mmToTwips(m.header),
              footer: mmToTwips(m.footer),
              gutter: 0,
            },
          },
          ...(grid
            ? { grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: grid.linePitch, charSpace: grid.charSpace } }
            : {}),
          ...(doc.book ? { titlePage: true } : {}),
        },
        footers,
        children,
      },
    ],
  });
  checkAborted(options.signal);
  return Packer.pack(file, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml(faces) }]);
}
