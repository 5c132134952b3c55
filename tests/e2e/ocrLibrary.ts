import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeScanFile } from '../../main/scans/files.ts';
import { openLibrary, writeImport } from '../../main/store/index.ts';
import type { Block } from '../../shared/model/caseDoc.ts';
import type { ScanInfo } from '../../shared/model/entities.ts';
import { ocrParagraph, seedOcrPage } from '../fixtures/ocr-pages/seedPages.ts';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { ProofreadPage } from './pages/index.ts';
import { E2E_USER, startWorkbench, type Workbench } from './workbench.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

export interface OcrLibraryOptions {
  /** Low-confidence threshold in the preferences (default: none set). */
  threshold?: number;
  /** Store the pages' OCR (default true); without it only a scan's own text layer can link lines. */
  storeOcr?: boolean;
  /** A PDF of the seed (tests/fixtures/seed) attached as the volume's scan, page for page. */
  scan?: 'excerpt-scan.pdf' | 'excerpt.pdf';
}

/**
 * A library holding case 001 as OCR read it (tests/fixtures/ocr-pages: pages 5 and 6 of the seed
 * scan): commentary, title, organisation on page 5, the body's first paragraph on page 6.
 */
export function ocrLibrary(options: OcrLibraryOptions = {}): { dataDir: string; caseId: number } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
  const prefs = { userName: E2E_USER, ...(options.threshold !== undefined ? { ocrConfidenceThreshold: options.threshold } : {}) };
  fs.writeFileSync(path.join(dataDir, 'preferences.json'), JSON.stringify(prefs));
  const p5 = seedOcrPage(5);
  const p6 = seedOcrPage(6);
  const blocks: Block[] = [
    { kind: 'commentary', text: ocrParagraph(p5, 1, 3), page: 5, breaks: [] },
    { kind: 'title', text: p5.lines[5]!.text, page: 5, breaks: [] },
    { kind: 'organization', text: ocrParagraph(p5, 6, 6), page: 5, breaks: [] },
    { kind: 'body', text: ocrParagraph(p6, 0, 6), page: 6, breaks: [] },
  ];
  const storeOcr = options.storeOcr ?? true;
  const libDir = path.join(dataDir, 'library');
  const lib = openLibrary(libDir);
  try {
    let scan: ScanInfo | null = null;
    if (options.scan) {
      const name = storeScanFile(lib, fs.readFileSync(path.join(FIXTURES, 'seed', options.scan)), 'pdf');
      scan = { kind: 'pdf', files: [name], pageCount: 9, offset: 0 };
    }
    const volume = writeImport(lib.db, {
      volume: { title: '创先争优好做法（扫描）', sourceName: 'excerpt-scan.pdf', sourceHash: null, scan },
      // Pages 0–4 (foreword, contents) came from a text layer: no OCR.
      pages: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((index) => ({
        index,
        printedLabel: null,
        rawText: '',
        ocr: storeOcr && (index === 5 || index === 6) ? seedOcrPage(index) : null,
      })),
      toc: [],
      cases: [
        {
          number: 1,
          title: blocks[1]!.text,
          organization: blocks[2]!.text,
          pageStart: 5,
          pageEnd: 6,
          printedStart: null,
          printedEnd: null,
          doc: { version: 1, blocks },
        },
      ],
      who: E2E_USER,
    });
    const row = lib.db.prepare('SELECT id FROM cases WHERE volume_id = ?').get(volume.id);
    return { dataDir, caseId: Number(row?.id) };
  } finally {
    lib.close();
  }
}

/**
 * Opens case 001 of a fresh `ocrLibrary` in the proofreading view (its scan drawn, when it has one),
 * runs `run`, then stops the workbench and removes the library.
 */
export async function withOcrCase(
  page: Page,
  options: OcrLibraryOptions,
  run: (proof: ProofreadPage) => Promise<void>,
): Promise<void> {
  const { dataDir, caseId } = ocrLibrary(options);
  let wb: Workbench | null = null;
  try {
    wb = await startWorkbench(dataDir);
    const proof = new ProofreadPage(page);
    await proof.goto(wb.url, caseId);
    await expect(proof.editor).toBeVisible();
    if (options.scan) await expect(proof.scanCanvas).toHaveAttribute('data-rendered-page', '5');
    await run(proof);
  } finally {
    await wb?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
