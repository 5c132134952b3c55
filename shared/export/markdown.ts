import type { ExportDocument, ExportEntry, ExportPart } from './exportModel.ts';

/**
 * Markdown (CommonMark, read the same by pandoc): a case is a `#` title, its headings `##` (second
 * level `###`), the commentary a block quote opened by its label. A volume starts with a YAML
 * header naming the title and the language.
 */

/** Escapes what Markdown would read as markup: ASCII punctuation it gives meaning to, and line openers. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/[\\`*_[\]<>|~&$]/g, '\\$&')
        .replace(/^([#>+\-=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\\\n');
}

function partMarkdown(part: ExportPart): string {
  if (part.type === 'commentary') {
    const paras = [
      `**${escapeMarkdown(part.label)}**`,
      ...part.paragraphs.map(escapeMarkdown),
      ...part.signatures.map(escapeMarkdown),
    ];
    return paras
      .map((p) =>
        p
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      )
      .join('\n>\n');
  }
  const text = escapeMarkdown(part.text);
  switch (part.role) {
    case 'title':
      return `# ${text}`;
    case 'heading':
    case 'awards-heading':
      return `## ${text}`;
    case 'heading2':
      return `### ${text}`;
    default:
      return text;
  }
}

/** One entry (a case or a foreword) as Markdown. */
export function entryMarkdown(entry: ExportEntry): string {
  return `${entry.parts.map(partMarkdown).join('\n\n')}\n`;
}

const yamlString = (s: string): string => JSON.stringify(s);

/** The whole export as one Markdown file. */
export function documentMarkdown(doc: ExportDocument): string {
  const header = doc.book ? `---\ntitle: ${yamlString(doc.volumeTitle)}\nlang: zh-CN\n---\n\n` : '';
  return header + doc.entries.map(entryMarkdown).join('\n');
}
