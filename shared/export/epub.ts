import type { ExportDocument } from './exportModel.ts';
import { entryAnchor, entryHtml, escapeHtml, styleCss } from './html.ts';
import type { PageSize, PresetId } from './docxPresets.ts';
import { zipFiles, type ExportFile } from './zip.ts';

/**
 * EPUB 3: one XHTML chapter per entry, a navigation document, zh-CN language metadata and the
 * preset's paragraph styles (without the print-only page rules), zipped by fflate with the
 * uncompressed `mimetype` first, as the OCF container requires.
 */

export interface EpubOptions {
  preset: PresetId;
  pageSize: PageSize;
  /** A unique identifier of this publication (`urn:uuid:…`). */
  identifier: string;
  modified: Date;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

function xhtml(title: string, body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${extraNs} lang="zh-CN" xml:lang="zh-CN">
<head>
<meta charset="utf-8"/>
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/** `2026-01-04T08:00:00Z`: EPUB's dcterms:modified allows no fractions of a second. */
const epubDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The files of the EPUB, in container order (also what a test may inspect without unzipping). */
export function epubFiles(doc: ExportDocument, options: EpubOptions): ExportFile[] {
  const chapters = doc.entries.map((e, i) => ({ entry: e, file: `chapter-${String(i + 1).padStart(4, '0')}.xhtml` }));
  const css = styleCss(options.preset, options.pageSize);
  const titlePage = doc.book
    ? [
        {
          id: 'title-page',
          file: 'title.xhtml',
          body: `<section class="title-page" epub:type="titlepage"><h1 class="volume-title">${escapeHtml(doc.volumeTitle)}</h1></section>`,
        },
      ]
    : [];
  const navItems = chapters
    .map(
      (c) =>
        `<li><a href="${c.file}#${entryAnchor(c.entry)}">${escapeHtml(c.entry.title || c.entry.organization || '—')}</a></li>`,
    )
    .join('\n');
  const nav = xhtml(
    '目录',
    `<nav epub:type="toc" id="toc"><h1>目录</h1>\n<ol>\n${navItems}\n</ol>\n</nav>\n` +
      `<nav epub:type="landmarks" id="landmarks" hidden="hidden"><ol><li><a epub:type="bodymatter" href="${chapters[0]?.file ?? 'nav.xhtml'}">正文</a></li></ol></nav>`,
  );
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...titlePage.map((t) => `<item id="${t.id}" href="${t.file}" media-type="application/xhtml+xml"/>`),
    ...chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`),
  ];
  const spine = [
    ...titlePage.map((t) => `<itemref idref="${t.id}"/>`),
    '<itemref idref="nav"/>',
    ...chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`),
  ];
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="zh-CN">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="bookid">${escapeHtml(options.identifier)}</dc:identifier>
    <dc:title>${escapeHtml(doc.volumeTitle || '—')}</dc:title>
    <dc:language>zh-CN</dc:language>
    <meta property="dcterms:modified">${epubDate(options.modified)}</meta>
  </metadata>
  <manifest>
    ${manifest.join('\n    ')}
  </manifest>
  <spine>
    ${spine.join('\n    ')}
  </spine>
</package>
`;
  return [
    { name: 'mimetype', data: 'application/epub+zip' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/nav.xhtml', data: nav },
    { name: 'OEBPS/style.css', data: `${css}\n.volume-title { text-align: center; margin-top: 30%; }\n` },
    ...titlePage.map((t) => ({ name: `OEBPS/${t.file}`, data: xhtml(doc.volumeTitle, t.body) })),
    ...chapters.map((c) => ({ name: `OEBPS/${c.file}`, data: xhtml(c.entry.title, entryHtml(c.entry, options.preset)) })),
  ];
}

/** The EPUB file's bytes. */
export function buildEpub(doc: ExportDocument, options: EpubOptions): Uint8Array {
  return zipFiles(epubFiles(doc, options), { stored: ['mimetype'], mtime: options.modified });
}
