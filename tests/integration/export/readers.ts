// Independent readers for the round trips: Debian's pandoc and epubcheck, and pdf.js. They are
// installed by .ci/run; missing, a test fails naming the command that installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { normalizeRadicals } from '../../../shared/text/radicals.ts';

const INSTALL = 'apt-get install -y pandoc epubcheck';

function need(tool: string, probe: string[]): void {
  const res = spawnSync(probe[0]!, probe.slice(1), { stdio: 'ignore' });
  if (res.error || res.status !== 0) throw new Error(`${tool} is needed for this test; install it with: ${INSTALL}`);
}

/** `pandoc -f <from> -t plain --wrap=none` of a file. */
export function pandocPlain(file: string, from: 'docx' | 'markdown' | 'html'): string {
  need('pandoc', ['pandoc', '--version']);
  return execFileSync('pandoc', ['-f', from, '-t', 'plain', '--wrap=none', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Debian's /usr/bin/epubcheck is the jar itself (run through binfmt where it is set up): run it with java. */
export function epubcheck(file: string): { ok: boolean; output: string } {
  const jar = fs.realpathSync.native(
    fs.existsSync('/usr/bin/epubcheck') ? '/usr/bin/epubcheck' : '/usr/share/java/epubcheck.jar',
  );
  need('epubcheck', ['java', '-version']);
  const res = spawnSync('java', ['-jar', jar, file], { encoding: 'utf8' });
  return { ok: res.status === 0, output: `${res.stdout}\n${res.stderr}` };
}

/** Text of each PDF page through pdf.js, without what sits in the bottom `footerPt` points (page numbers). */
export async function pdfPageTexts(bytes: Uint8Array, footerPt = 40): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        if (item.transform[5] < footerPt) continue;
        text += item.str;
      }
      pages.push(normalizeRadicals(text));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Text without any whitespace, for comparing what layout re-wrapped. */
export const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** Asserts-style helper: the index of each `needle` in `hay`, in order, or the first one missing. */
export function findInOrder(hay: string, needles: readonly string[]): { missing: string | null } {
  let from = 0;
  for (const n of needles) {
    const at = hay.indexOf(n, from);
    if (at < 0) return { missing: n };
    from = at + n.length;
  }
  return { missing: null };
}
