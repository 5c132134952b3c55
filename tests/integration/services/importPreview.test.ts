// The preview of an import comes as a summary plus slices; input without structure is warned about
// or refused before anything is written.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { importText } from '../../../shared/import/pipeline.ts';
import { MAX_PAGE_CHARS } from '../../../shared/import/splitPages.ts';
import { MAX_CASE_CHARS } from '../../../shared/import/limits.ts';
import { parseWarning } from '../../../shared/import/warnings.ts';
import type { ImportPreview } from '../../../shared/ipc/contract.ts';
import type { Page, Volume } from '../../../shared/model/entities.ts';
import type {
  PreviewCase,
  PreviewPage,
  PreviewSite,
  PreviewSlice,
  PreviewTocEntry,
} from '../../../shared/model/importPreview.ts';
import { PREVIEW_SLICE_MAX, PREVIEW_TEXT_MAX } from '../../../shared/model/importPreview.ts';
import { volumeTextLayer } from '../../fixtures/generator/textLayer.ts';
import { bootTemp, call } from './helpers.ts';
import { hanText, parseBytes, stagedFiles, utf8 } from './importHelpers.ts';

const app = await bootTemp();
after(() => app.done());

async function volumeCount(): Promise<number> {
  return (await call<Volume[]>(app, 'volumes:list')).length;
}

/** Every row of one kind, fetched a slice of `limit` at a time. */
async function allRows<T>(channel: string, jobId: string, limit: number, extra: Record<string, unknown> = {}): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const slice = await call<PreviewSlice<T>>(app, channel, { jobId, offset, limit, ...extra });
    assert.equal(slice.offset, offset);
    assert.ok(slice.items.length <= limit);
    rows.push(...slice.items);
    if (offset + limit >= slice.total) {
      assert.equal(rows.length, slice.total);
      return rows;
    }
  }
}

describe('the preview: a summary first, rows a slice at a time', () => {
  test('slices put together are the whole parse; the summary is small', async () => {
    const { text } = volumeTextLayer(100, 2);
    const { jobId } = await parseBytes(app, 'volume.txt', utf8(text));
    const whole = importText(text, { sourceName: 'volume.txt', encoding: 'utf-8' });

    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    assert.deepEqual(preview.counts, {
      pages: whole.pages.length,
      toc: whole.toc.length,
      cases: whole.cases.length,
      frontMatter: whole.frontMatter.length,
    });
    assert.deepEqual(preview.warnings, whole.warnings);
    assert.deepEqual(
      preview.changes,
      whole.changes.map((c) => ({ rule: c.rule, count: c.count, siteCount: c.sites.length })),
    );
    assert.ok(preview.memory.peakMb > 0 && preview.memory.peakMb <= preview.memory.budgetMb, JSON.stringify(preview.memory));
    const summaryBytes = JSON.stringify(preview).length;
    assert.ok(summaryBytes < 16 * 1024, `summary of ${summaryBytes} bytes`);

    const cases = await allRows<PreviewCase>('import:previewCases', jobId, 30);
    assert.deepEqual(
      cases.map((c) => [c.number, c.title, c.organization, c.pageStart, c.pageEnd, c.printedPages]),
      whole.cases.map((c) => [c.number, c.title, c.organization, c.pageStart, c.pageEnd, c.printedPages]),
    );
    assert.deepEqual(
      cases.map((c) => c.pagePrinted),
      whole.cases.map((c) => [whole.pages[c.pageStart]!.printed, whole.pages[c.pageEnd]!.printed]),
    );
    const pages = await allRows<PreviewPage>('import:previewPages', jobId, 64);
    assert.deepEqual(
      pages.map((p) => p.text),
      whole.pages.map((p) => p.raw),
    );
    assert.deepEqual(
      pages.map((p) => p.printed),
      whole.pages.map((p) => p.printed),
    );
    assert.deepEqual(await allRows<PreviewTocEntry>('import:previewToc', jobId, PREVIEW_SLICE_MAX), whole.toc);
    const front = await allRows<{ title: string }>('import:previewFront', jobId, 1);
    assert.deepEqual(
      front.map((f) => f.title),
      whole.frontMatter.map((f) => f.title),
    );
    for (const report of whole.changes) {
      const sites = await allRows<PreviewSite>('import:previewChanges', jobId, 50, { rule: report.rule });
      assert.equal(sites.length, report.sites.length, report.rule);
      sites.forEach((s, i) => {
        const want = report.sites[i]!;
        assert.deepEqual([s.page, s.line], [want.page, want.line]);
        assert.ok(s.before.length <= PREVIEW_TEXT_MAX + 1 && want.before.startsWith(s.before.replace(/…$/, '')));
      });
    }

    // A slice is bounded; past the end is empty, not an error.
    const tooMany = await app.dispatch('import:previewCases', { jobId, limit: PREVIEW_SLICE_MAX + 1 });
    assert.equal(tooMany.ok, false);
    if (!tooMany.ok) assert.equal(tooMany.error.code, 'VALIDATION');
    const past = await call<PreviewSlice<PreviewCase>>(app, 'import:previewCases', { jobId, offset: 10_000 });
    assert.deepEqual(past.items, []);
    await call(app, 'jobs:cancel', { jobId });
    assert.equal((await app.dispatch('import:previewCases', { jobId })).ok, false);
  });

  test('text without page breaks, contents or titles is warned about in the preview; nothing is written', async () => {
    const before = await volumeCount();
    const text = hanText(30_000);
    const { jobId, status } = await parseBytes(app, 'notes.txt', utf8(text));
    assert.equal(status.state, 'done');
    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    const warnings = preview.warnings.map((w) => parseWarning(w));
    assert.deepEqual(warnings.find((w) => w?.key === 'no-structure')?.params, { chars: 30_000 });
    assert.ok(warnings.some((w) => w?.key === 'page-split'));
    assert.equal(await volumeCount(), before);
    await call(app, 'jobs:cancel', { jobId });
  });

  test('an over-long page is cut into pages of bounded size, and nothing of it is lost', async () => {
    const body = hanText(3 * MAX_PAGE_CHARS);
    const text = `第一页\n\f${body}\f第三页\n`;
    const { jobId } = await parseBytes(app, 'long-page.txt', utf8(text));
    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    const split = preview.warnings.map((w) => parseWarning(w)).find((w) => w?.key === 'page-split');
    assert.deepEqual(split?.params, { pages: 1, into: preview.counts.pages - 2, limit: MAX_PAGE_CHARS });
    const pages = await allRows<PreviewPage>('import:previewPages', jobId, 10);
    assert.ok(pages.length >= 5);
    assert.ok(pages.every((p) => p.chars <= MAX_PAGE_CHARS));
    assert.equal(
      pages
        .slice(1, -1)
        .map((p) => p.text)
        .join('\n'),
      body.replace(/\n$/, ''),
    );

    const volume = await call<Volume>(app, 'import:commit', { jobId, title: '长页' });
    const stored = await call<Page[]>(app, 'pages:list', { volumeId: volume.id });
    assert.equal(stored.length, pages.length);
  });

  test('a huge text in which no case boundary is found is refused, not stored as one case', async () => {
    const before = await volumeCount();
    const { jobId, status } = await parseBytes(app, 'huge.txt', utf8(hanText(MAX_CASE_CHARS * 3)));
    assert.equal(status.state, 'failed');
    const error = (await call<{ error: { code: string; details: Record<string, unknown> } }>(app, 'jobs:get', { jobId })).error;
    assert.equal(error.code, 'IMPORT_CASE_TOO_LONG');
    assert.equal(error.details.chars, MAX_CASE_CHARS * 3);
    assert.equal(error.details.limit, MAX_CASE_CHARS);
    assert.equal(error.details.file, 'huge.txt');
    assert.equal(await volumeCount(), before);
    assert.equal(stagedFiles(app), 0);
  });
});
