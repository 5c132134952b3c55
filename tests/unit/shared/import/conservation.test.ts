// The conservation check (shared/import/conservation.ts) on small crafted inputs: what it calls
// lost, what invented, and which change log records account for a difference.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyConservation, checkConservation, Ledger, recordDropped } from '../../../../shared/import/conservation.ts';
import { addUnassigned, unassignedFromLines } from '../../../../shared/import/unassigned.ts';
import type { Line } from '../../../../shared/import/lines.ts';
import { ChangeLog, MAX_SITES_PER_RULE } from '../../../../shared/import/changeLog.ts';
import { conservationWarning, parseWarning } from '../../../../shared/import/warnings.ts';
import { importText } from '../../../../shared/import/pipeline.ts';
import type { RawPage } from '../../../../shared/import/types.ts';
import type { Block } from '../../../../shared/model/caseDoc.ts';
import type { ImportedTocEntry, ImportResult } from '../../../../shared/model/importResult.ts';

function pages(...texts: string[][]): RawPage[] {
  let start = 0;
  return texts.map((lines, index) => {
    const page = { index, lines, startLine: start };
    start += lines.length;
    return page;
  });
}

function block(text: string, page: number, breaks: Block['breaks'] = []): Block {
  return { kind: 'body', text, page, breaks, source: { page, lineStart: 0, lineEnd: 0, raw: text } };
}

/** A result holding one case of `blocks` (and `toc`), nothing else. */
function result(blocks: Block[], toc: ImportedTocEntry[] = []): ImportResult {
  return {
    sourceName: 't.txt',
    encoding: 'utf-8',
    pages: [],
    frontMatter: [],
    toc,
    cases: [
      {
        number: 1,
        title: '',
        organization: '',
        commentary: null,
        sections: [],
        printedPages: null,
        pageStart: 0,
        pageEnd: 0,
        doc: { version: 1, blocks },
      },
    ],
    changes: [],
    warnings: [],
  };
}

const none = { tocPages: new Set<number>() };

describe('conservation check', () => {
  test('every character placed on its page: holds, whitespace and dashes aside', () => {
    const input = pages(['　　甲乙丙', '丁。'], ['———戊己']);
    const c = checkConservation(input, result([block('甲乙丙丁。', 0), block('戊己', 1)]), { ...none, ledger: new Ledger() });
    assert.equal(c.holds, true);
    assert.deepEqual([c.input, c.placed, c.lost, c.invented], [7, 7, 0, 0]);
  });

  test('text in no block is lost, with its page and run', () => {
    const input = pages(['甲乙'], ['丙丁戊己庚']);
    const c = checkConservation(input, result([block('甲乙', 0), block('丙丁', 1)]), { ...none, ledger: new Ledger() });
    assert.equal(c.holds, false);
    assert.equal(c.lost, 3);
    assert.equal(c.invented, 0);
    assert.deepEqual(c.examples, [{ kind: 'lost', page: 1, text: '戊己庚' }]);
  });

  test('text in a block but not in the input is invented', () => {
    const input = pages(['甲乙丙']);
    const c = checkConservation(input, result([block('甲乙丙丁戊', 0)]), { ...none, ledger: new Ledger() });
    assert.equal(c.holds, false);
    assert.deepEqual([c.lost, c.invented], [0, 2]);
    assert.deepEqual(c.examples, [{ kind: 'invented', page: 0, text: '丁戊' }]);
  });

  test('text placed on another page than the one it was printed on does not balance', () => {
    const input = pages(['甲乙'], ['丙丁']);
    const moved = checkConservation(input, result([block('甲乙丙丁', 0)]), { ...none, ledger: new Ledger() });
    assert.deepEqual([moved.lost, moved.invented], [2, 2]);
    const broken = checkConservation(input, result([block('甲乙丙丁', 0, [{ at: 2, page: 1 }])]), {
      ...none,
      ledger: new Ledger(),
    });
    assert.equal(broken.holds, true);
  });

  test('removals and rewrites the change log records are accounted for', () => {
    const input = pages(['甲,乙丙', '12'], ['丁戊', '13']);
    const ledger = new Ledger();
    const log = new ChangeLog([], ledger.hear);
    log.record('fullwidth-punct', { page: 0, line: 0 }, { before: '甲,乙', after: '甲，乙' });
    log.record('remove-running-footer', { page: 0, line: 1 }, { before: '12', after: '' });
    log.record('remove-running-footer', { page: 1, line: 3 }, { before: '13', after: '' });
    const c = checkConservation(input, result([block('甲，乙丙丁戊', 0, [{ at: 4, page: 1 }])]), { ...none, ledger });
    assert.equal(c.holds, true);
    assert.deepEqual([c.input, c.placed, c.removed, c.added], [10, 6, 5, 1]);
  });

  test('a removal logged on the wrong page, or not logged, does not balance', () => {
    const input = pages(['甲乙', '12'], ['丙丁']);
    const ledger = new Ledger();
    ledger.hear('remove-running-footer', { page: 1, line: 2 }, { before: '12', after: '' });
    const c = checkConservation(input, result([block('甲乙', 0), block('丙丁', 1)]), { ...none, ledger });
    assert.deepEqual([c.lost, c.invented], [2, 2]);
    assert.deepEqual(
      c.examples.map((e) => [e.kind, e.page, e.text]),
      [
        ['lost', 0, '12'],
        ['invented', 1, '12'],
      ],
    );
  });

  test('records that read the text rather than edit it are not counted as edits', () => {
    const input = pages(['甲乙']);
    const ledger = new Ledger();
    ledger.hear('ocr-folio', { page: 0, line: 0 }, { before: '甲乙', after: '1' });
    const c = checkConservation(input, result([block('甲乙', 0)]), { ...none, ledger });
    assert.equal(c.holds, true);
  });

  test('the TOC pages are one group: titles and organisations compared, numbers as values, the heading as structure', () => {
    const input = pages(['目录', '001 / 标题甲 ………… 5'], ['———组织乙丙 …… 7']);
    const ledger = new Ledger();
    ledger.structural(0, '目录');
    ledger.hear('strip-leaders', { page: 0, line: 1 }, { before: '标题甲 ………… 5', after: '标题甲 5' });
    ledger.hear('strip-leaders', { page: 1, line: 2 }, { before: '组织乙丙 …… 7', after: '组织乙丙 7' });
    const toc = (organization: string): ImportedTocEntry[] => [{ number: 1, title: '标题甲', organization, page: 5 }];
    const tocPages = new Set([0, 1]);
    // The second entry's page (7) is read into no entry: numbers are the TOC's own checks' business.
    const held = checkConservation(input, { ...result([]), toc: toc('组织乙丙') }, { tocPages, ledger });
    assert.equal(held.holds, true);
    assert.equal(held.structural, 2);
    // An organisation cut short loses text, reported on the TOC's first page.
    const cut = checkConservation(input, { ...result([]), toc: toc('组织乙') }, { tocPages, ledger });
    assert.deepEqual([cut.lost, cut.invented], [1, 0]);
    assert.deepEqual(cut.examples, [{ kind: 'lost', page: 0, text: '丙' }]);
  });

  test('an organisation block copied from the TOC (its own line lost its name) is not invented', () => {
    const input = pages(['目录', '1 标题 ———组织甲 3'], ['标题', '———']);
    const org: Block = {
      kind: 'organization',
      text: '组织甲',
      page: 1,
      breaks: [],
      source: { page: 1, lineStart: 3, lineEnd: 3, raw: '———' },
    };
    const toc = [{ number: 1, title: '标题', organization: '组织甲', page: 3 }];
    const ledger = new Ledger();
    ledger.structural(0, '目录');
    const c = checkConservation(input, { ...result([block('标题', 1), org]), toc }, { tocPages: new Set([0]), ledger });
    assert.equal(c.holds, true);
    assert.equal(c.copied, 3);
  });

  test('the ledger hears every record, past the cap on the sites the log keeps', () => {
    const ledger = new Ledger();
    const log = new ChangeLog([], ledger.hear);
    for (let i = 0; i < MAX_SITES_PER_RULE + 50; i++) {
      log.record('remove-running-footer', { page: i, line: i }, { before: String(i), after: '' });
    }
    assert.equal(log.toReports()[0]!.sites.length, MAX_SITES_PER_RULE);
    assert.equal(ledger.edits.length, MAX_SITES_PER_RULE + 50);
  });

  test('the warning carries the counts and the runs, 1-based pages', () => {
    const input = pages(['甲乙'], ['丙丁戊']);
    const c = checkConservation(input, result([block('甲乙', 0), block('丙丁', 1), block('己', 0)]), {
      ...none,
      ledger: new Ledger(),
    });
    const w = parseWarning(conservationWarning(c));
    assert.equal(w?.key, 'text-not-conserved');
    assert.equal(w?.params['lost'], 1);
    assert.equal(w?.params['invented'], 1);
    assert.equal(w?.params['lostRuns'], '2 “戊”');
    assert.equal(w?.params['inventedRuns'], '1 “己”');
  });

  test('the pipeline warns only when conservation fails: a clean volume imports without the warning', () => {
    const text = ['目录', '001 / 标题甲', '———组织乙 …… 1', '\f标题甲', '———组织乙', '　　正文第一段。', '1'].join('\n');
    const r = importText(text, { sourceName: 't.txt', encoding: 'utf-8' });
    assert.equal(r.cases.length, 1);
    assert.deepEqual(
      r.warnings.filter((w) => parseWarning(w)?.key === 'text-not-conserved'),
      [],
    );
  });

  test('a reading that drops OCR dashes or leader junk around a name logs it, so the check balances', () => {
    const input = pages(['一一一组织甲 cate fsin']);
    const ledger = new Ledger();
    const log = new ChangeLog([], ledger.hear);
    recordDropped(
      log,
      { page: 0, line: 0 },
      { text: '一一一组织甲 cate fsin', kept: '组织甲' },
      { head: 'ocr-dash-run', tail: 'ocr-toc-org' },
    );
    assert.deepEqual(
      log.toReports().map((r) => r.rule),
      ['ocr-dash-run', 'ocr-toc-org'],
    );
    const c = checkConservation(input, result([block('组织甲', 0)]), { ...none, ledger });
    assert.equal(c.holds, true);
    // Dashes and spaces alone are not an edit worth a record.
    const quiet = new ChangeLog();
    recordDropped(
      quiet,
      { page: 0, line: 0 },
      { text: '——— 组织甲 ', kept: '组织甲' },
      { head: 'ocr-dash-run', tail: 'ocr-toc-org' },
    );
    assert.deepEqual(quiet.toReports(), []);
  });
});

function line(page: number, lineNo: number, text: string): Line {
  return { page, lineNo, raw: text, text, indent: 0, blankBefore: false, width: text.length, hadLeaders: false };
}

describe('unassigned text', () => {
  test('lines become one piece per run of consecutive lines on a page', () => {
    const items = unassignedFromLines(
      [line(2, 10, '甲乙'), line(2, 11, '丙丁'), line(2, 14, '戊'), line(3, 15, '己庚')],
      'uncertain',
    );
    assert.deepEqual(items, [
      { page: 2, line: 10, text: '甲乙\n丙丁', reason: 'uncertain' },
      { page: 2, line: 14, text: '戊', reason: 'uncertain' },
      { page: 3, line: 15, text: '己庚', reason: 'uncertain' },
    ]);
  });

  test('text in the unassigned place counts as placed, on its own page only', () => {
    const input = pages(['甲乙', '丙丁戊'], ['己庚']);
    const r = result([block('甲乙', 0), block('己庚', 1)]);
    const lost = checkConservation(input, r, { ...none, ledger: new Ledger() });
    assert.deepEqual([lost.holds, lost.lost], [false, 3]);
    addUnassigned(r, [{ page: 0, line: 1, text: '丙丁戊', reason: 'uncertain' }]);
    const held = checkConservation(input, r, { ...none, ledger: new Ledger() });
    assert.equal(held.holds, true);
    assert.deepEqual([held.placed, held.unassigned], [7, 3]);
    // On the wrong page it is still lost there (and invented where it is said to be).
    const moved = result([block('甲乙', 0), block('己庚', 1)]);
    addUnassigned(moved, [{ page: 1, line: 1, text: '丙丁戊', reason: 'uncertain' }]);
    const wrong = checkConservation(input, moved, { ...none, ledger: new Ledger() });
    assert.deepEqual([wrong.lost, wrong.invented], [3, 3]);
  });

  test('adding unassigned text states it in one warning, kept up to date', () => {
    const r = result([]);
    addUnassigned(r, [{ page: 4, line: 80, text: '甲 乙', reason: 'uncertain' }]);
    addUnassigned(r, [{ page: 1, line: 9, text: '丙', reason: 'toc-unread' }]);
    assert.deepEqual(
      r.unassigned?.map((u) => u.page),
      [1, 4],
    );
    const warnings = r.warnings.map(parseWarning).filter((w) => w?.key === 'unassigned-text');
    assert.equal(warnings.length, 1);
    assert.deepEqual(warnings[0]!.params, { count: 2, chars: 3, pages: [1, 4] });
  });

  test('where conservation fails, the cases on those pages are flagged for review', () => {
    const input = pages(['甲乙'], ['丙丁戊'], ['己']);
    const r = result([block('甲乙', 0), block('丙丁', 1), block('己', 2)]);
    r.cases[0]!.pageEnd = 1;
    r.cases.push({ ...r.cases[0]!, number: 2, pageStart: 2, pageEnd: 2, doc: { version: 1, blocks: [] } });
    const c = applyConservation(input, r, { ...none, ledger: new Ledger() });
    assert.equal(c.holds, false);
    assert.deepEqual(c.failures, [{ page: 1, toc: false, lost: '戊', invented: '' }]);
    assert.deepEqual(r.cases[0]!.review, ['not-conserved']);
    assert.equal(r.cases[1]!.review, undefined);
    assert.equal(r.warnings.filter((w) => parseWarning(w)?.key === 'text-not-conserved').length, 1);
  });
});
