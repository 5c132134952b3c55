import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

/** Reads a DOCX's parts with an XML parser: what an independent reader sees, not our own model. */

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface Docx {
  files: Record<string, Uint8Array>;
  part(name: string): XmlDocument;
}

export function openDocx(bytes: Uint8Array): Docx {
  const files = unzipSync(bytes);
  return {
    files,
    part(name) {
      const data = files[name];
      if (!data) throw new Error(`no ${name} in the package`);
      return new DOMParser().parseFromString(strFromU8(data), 'text/xml');
    },
  };
}

export function children(el: XmlElement | XmlDocument, local: string): XmlElement[] {
  return Array.from(el.getElementsByTagNameNS(W, local));
}

/** The direct child `w:<local>` of an element. */
export function child(el: XmlElement, local: string): XmlElement | null {
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === W && (n as XmlElement).localName === local) return n as XmlElement;
  }
  return null;
}

export const attr = (el: XmlElement | null | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

export interface DocxParagraph {
  style: string | null;
  text: string;
  pageBreakBefore: boolean;
  el: XmlElement;
}

/** The body's paragraphs with their style id and text (`w:t`, `w:br` as a line break). */
export function paragraphs(doc: XmlDocument): DocxParagraph[] {
  const body = children(doc, 'body')[0]!;
  return children(body, 'p').map((p) => {
    const pPr = child(p, 'pPr');
    let text = '';
    for (const r of children(p, 'r')) {
      for (const n of Array.from(r.childNodes)) {
        const e = n as XmlElement;
        if (e.localName === 't') text += e.textContent ?? '';
        else if (e.localName === 'br') text += '\n';
      }
    }
    return {
      style: attr(pPr ? child(pPr, 'pStyle') : null, 'val'),
      text,
      pageBreakBefore: !!(pPr && child(pPr, 'pageBreakBefore')),
      el: p,
    };
  });
}

export interface DocxStyle {
  id: string;
  name: string;
  eastAsia: string | null;
  /** Half-points. */
  size: number | null;
  el: XmlElement;
}

export function styles(doc: XmlDocument): Map<string, DocxStyle> {
  const out = new Map<string, DocxStyle>();
  for (const s of children(doc, 'style')) {
    const rPr = child(s, 'rPr');
    const fonts = rPr ? child(rPr, 'rFonts') : null;
    const sz = rPr ? child(rPr, 'sz') : null;
    const id = attr(s, 'styleId')!;
    out.set(id, {
      id,
      name: attr(child(s, 'name'), 'val') ?? '',
      eastAsia: attr(fonts, 'eastAsia'),
      size: sz ? Number(attr(sz, 'val')) : null,
      el: s,
    });
  }
  return out;
}

/** A style's paragraph property element (`w:ind`, `w:spacing`, `w:pBdr`…). */
export function pPr(style: DocxStyle, local: string): XmlElement | null {
  const p = child(style.el, 'pPr');
  return p ? child(p, local) : null;
}
