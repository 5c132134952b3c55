import { partLines, type ExportDocument, type ExportEntry, type ExportPart, type ParagraphRole } from './exportModel.ts';
import {
  FACES,
  presetPage,
  PRESETS,
  sized,
  type DocxPreset,
  type PageSize,
  type PresetId,
  type StyleKey,
  type StyleSpec,
} from './docxPresets.ts';

/**
 * HTML: one self-contained file (inline CSS, no scripts, no external resources) that reads on
 * screen and prints as the book: the print CSS comes from the same preset table as the DOCX, and it
 * is the CSS the PDF is printed with. The markup is also well-formed XHTML, so the EPUB's chapters
 * are made by the same functions.
 */

export interface HtmlOptions {
  preset: PresetId;
  pageSize: PageSize;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text with its line breaks as `<br/>`. */
const inline = (text: string): string => text.split('\n').map(escapeHtml).join('<br/>');

const ROLE_TAG: Partial<Record<ParagraphRole, string>> = { title: 'h1', heading: 'h2', 'awards-heading': 'h2', heading2: 'h3' };

/** The anchor of an entry, for the table of contents and the EPUB navigation. */
export const entryAnchor = (entry: ExportEntry): string => `entry-${entry.id}`;

function partHtml(part: ExportPart, preset: DocxPreset): string {
  const cls = (key: StyleKey) => `s-${preset.styles[key].id}`;
  if (part.type === 'commentary') {
    const inner = partLines(part).map((l) => `<p class="${cls(l.style)}">${inline(l.text)}</p>`);
    return `<aside class="commentary">${inner.join('')}</aside>`;
  }
  const tag = ROLE_TAG[part.role] ?? 'p';
  return `<${tag} class="${cls(part.role)}">${inline(part.text)}</${tag}>`;
}

/** One entry as a `<section>`. */
export function entryHtml(entry: ExportEntry, presetId: PresetId): string {
  const preset = PRESETS[presetId];
  return `<section class="entry entry-${entry.kind}" id="${entryAnchor(entry)}">\n${entry.parts.map((p) => partHtml(p, preset)).join('\n')}\n</section>`;
}

const cssString = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;
const fontList = (names: readonly string[]): string =>
  names.map((n) => (n === 'serif' || n === 'sans-serif' ? n : cssString(n))).join(', ');
const num = (n: number): string => String(Math.round(n * 100) / 100);

function styleRule(spec: StyleSpec, page: PageSize): string {
  const size = sized(spec.size, page);
  const decl = [
    `font-family: ${fontList(FACES[spec.face].css)}`,
    `font-size: ${num(size)}pt`,
    `font-weight: ${spec.bold ? 'bold' : 'normal'}`,
    `text-align: ${spec.align === 'both' ? 'justify' : spec.align}`,
    `text-indent: ${spec.firstLineChars ? num(spec.firstLineChars / 100) : 0}em`,
    `line-height: ${'multiple' in spec.line ? num(spec.line.multiple) : `${num(spec.line.exactPt)}pt`}`,
    `margin: ${num(sized(spec.beforePt, page))}pt ${spec.rightChars ? num(spec.rightChars / 100) : 0}em ${num(sized(spec.afterPt, page))}pt 0`,
  ];
  if (spec.keepNext) decl.push('break-after: avoid');
  return `.s-${spec.id} { ${decl.join('; ')}; }`;
}

/** The paragraph styles and the commentary box: what both screen, print and EPUB use. */
export function styleCss(presetId: PresetId, pageSize: PageSize): string {
  const preset = PRESETS[presetId];
  const { size } = presetPage(preset, pageSize);
  const body = preset.styles.body;
  return [
    `body { font-family: ${fontList(FACES[body.face].css)}; font-size: ${num(sized(body.size, size))}pt; }`,
    'h1, h2, h3, p { orphans: 2; widows: 2; }',
    ...Object.values(preset.styles).map((s) => styleRule(s, size)),
    `.commentary { border: ${num(preset.box.widthPt)}pt solid currentColor; padding: ${num(preset.box.paddingPt)}pt; margin: 0.5em 0 1em; break-inside: avoid; }`,
    '.toc ol { list-style: none; padding: 0; margin: 0; }',
    '.toc a { color: inherit; text-decoration: none; }',
  ].join('\n');
}

/** Page size, margins and page numbers for print (Chromium's margin boxes), plus page breaks. */
export function printCss(presetId: PresetId, pageSize: PageSize, book: boolean): string {
  const preset = PRESETS[presetId];
  const { spec } = presetPage(preset, pageSize);
  const m = spec.margin;
  const pn = preset.pageNumber;
  const [before = '', after = ''] = pn.template.split('{n}');
  const content = [before && cssString(before), 'counter(page)', after && cssString(after)].filter(Boolean).join(' ');
  const numberFont = `font-family: ${fontList(FACES[pn.face].css)}; font-size: ${num(pn.size)}pt`;
  const boxes =
    pn.placement === 'outside'
      ? [
          `@page :right { @bottom-right { content: ${content}; ${numberFont}; padding-right: ${num(pn.indentChars)}em; } }`,
          `@page :left { @bottom-left { content: ${content}; ${numberFont}; padding-left: ${num(pn.indentChars)}em; } }`,
        ]
      : [`@page { @bottom-center { content: ${content}; ${numberFont}; } }`];
  return [
    '@media print {',
    `@page { size: ${num(spec.widthMm)}mm ${num(spec.heightMm)}mm; margin: ${num(m.top)}mm ${num(m.right)}mm ${num(m.bottom)}mm ${num(m.left)}mm; }`,
    ...boxes,
    ...(book
      ? ['@page :first { @bottom-center { content: none; } @bottom-right { content: none; } @bottom-left { content: none; } }']
      : []),
    'body { margin: 0; }',
    '.entry, .toc { break-before: page; }',
    book ? '' : '.entry:first-of-type { break-before: auto; }',
    '}',
    '@media screen { body { max-width: 40em; margin: 2em auto; padding: 0 1.5em; } .entry { border-top: 1px solid #ccc; margin-top: 3em; padding-top: 1em; } }',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The book's title page and table of contents (linked to the entries). */
function frontHtml(doc: ExportDocument, preset: DocxPreset): string {
  const items = doc.entries.map(
    (e) => `<li class="s-${preset.styles['toc-entry'].id}"><a href="#${entryAnchor(e)}">${escapeHtml(e.title)}</a></li>`,
  );
  return [
    `<header class="title-page"><p class="s-${preset.styles['volume-title'].id}">${escapeHtml(doc.volumeTitle)}</p></header>`,
    `<nav class="toc" id="toc"><h2 class="s-${preset.styles['toc-heading'].id}">目录</h2><ol>${items.join('')}</ol></nav>`,
  ].join('\n');
}

/** The whole export as one HTML file. */
export function documentHtml(doc: ExportDocument, options: HtmlOptions): string {
  const preset = PRESETS[options.preset];
  const title = doc.book || doc.entries.length !== 1 ? doc.volumeTitle : (doc.entries[0]?.title ?? doc.volumeTitle);
  return [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<meta name="generator" content="编校台 Casebook Workbench"/>',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${styleCss(options.preset, options.pageSize)}\n${printCss(options.preset, options.pageSize, doc.book)}\n</style>`,
    '</head>',
    '<body>',
    ...(doc.book ? [frontHtml(doc, preset)] : []),
    ...doc.entries.map((e) => entryHtml(e, options.preset)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
