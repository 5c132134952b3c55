import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block, CaseDoc } from '../../../../shared/model/caseDoc.ts';

const seedDir = fileURLToPath(new URL('../../../fixtures/seed/', import.meta.url));

interface TruthCase {
  title: string;
  organization: string;
  commentary: { paragraphs: string[]; signature: string };
  sections: { heading: string | null; paragraphs: string[] }[];
}
interface Truth {
  pages: { index: number; printed: number | null; startLine: number }[];
  cases: TruthCase[];
}

/**
 * Case 001 of the seed as a CaseDoc, with its page breaks placed where excerpt.txt starts each
 * page: the first characters of a page's first line are looked up in the clean block texts.
 */
export function seedCaseDoc(): { doc: CaseDoc; printed: Map<number, string | null> } {
  const truth = JSON.parse(readFileSync(seedDir + 'excerpt.truth.json', 'utf8')) as Truth;
  const lines = readFileSync(seedDir + 'excerpt.txt', 'utf8').split('\n');
  const c = truth.cases[0]!;
  const firstPage = truth.pages.find((p) => p.printed === 1)!.index;
  const blocks: Block[] = [
    { kind: 'title', text: c.title, page: firstPage, breaks: [] },
    { kind: 'organization', text: c.organization, page: firstPage, breaks: [] },
    ...c.commentary.paragraphs.map((t): Block => ({ kind: 'commentary', text: t, page: firstPage, breaks: [] })),
    { kind: 'commentary-signature', text: c.commentary.signature, page: firstPage, breaks: [] },
  ];
  for (const s of c.sections) {
    const awards = s.heading === '获奖情况';
    if (s.heading) blocks.push({ kind: awards ? 'awards-heading' : 'heading', text: s.heading, page: firstPage, breaks: [] });
    for (const p of s.paragraphs) blocks.push({ kind: awards ? 'awards' : 'body', text: p, page: firstPage, breaks: [] });
  }
  let running = firstPage;
  let blockIdx = 0;
  for (const page of truth.pages.filter((p) => p.index > firstPage)) {
    const probe = lines[page.startLine]!.replace(/\s/g, '').slice(0, 12);
    for (; blockIdx < blocks.length; blockIdx++) {
      const b = blocks[blockIdx]!;
      b.page = b.breaks.length ? b.page : running;
      const at = b.text.indexOf(probe);
      if (at > 0) {
        b.breaks.push({ at, page: page.index });
        break;
      }
      if (at === 0) {
        b.page = page.index;
        break;
      }
    }
    if (blockIdx === blocks.length) throw new Error(`page ${page.index} start not found`);
    running = page.index;
  }
  for (let i = blockIdx + 1; i < blocks.length; i++) blocks[i]!.page = running;
  const printed = new Map(truth.pages.map((p) => [p.index, p.printed === null ? null : String(p.printed)]));
  return { doc: { version: 1, blocks }, printed };
}
