import type { DatabaseSync } from 'node:sqlite';
import {
  DASHBOARD_LIMITS,
  type ActivityItem,
  type AssigneeRow,
  type DashboardCase,
  type DashboardPage,
  type StageCount,
  type VolumeDashboard,
} from '../../shared/model/dashboard.ts';
import type { Stage } from '../../shared/model/stage.ts';
import { countDocSuspects } from '../../shared/proof/caseSuspects.ts';
import { indexOcrPage, type OcrCheck, type OcrPageIndex } from '../../shared/proof/ocrSuspects.ts';
import { loadSimplifier } from '../../shared/proof/simplifier.ts';
import type { Simplifier } from '../../shared/proof/suspects.ts';
import { compileWordList, type WordMatcher } from '../../shared/proof/wordList.ts';
import { lockedStage, type WorkflowSettings } from '../../shared/workflow/settings.ts';
import {
  dashboardCases,
  dashboardPages,
  getPageOcr,
  getVolume,
  getWorkflow,
  listWords,
  openFlags,
  openNoteCounts,
  pageOcrStamps,
  recentEdits,
  recentEvents,
  signoffTimes,
  stageSince,
  storedCaseDoc,
  wordListSignature,
  type DashboardCaseRow,
} from '../store/index.ts';
import type { AppContext } from './context.ts';

/**
 * A volume at a glance (`dashboard:volume`): cases by stage and by assignee × stage, pages by
 * status, the cases that need attention (open notes, 有疑问 flags, suspects left, longest in their
 * stage), sign-offs per day and person, and recent activity.
 */
export async function volumeDashboard(ctx: AppContext, volumeId: number): Promise<VolumeDashboard> {
  const db = ctx.lib.db;
  getVolume(db, volumeId);
  // Without the converter the other checks still count (as in the editor).
  const simplify = await loadSimplifier().catch(() => undefined);
  const settings = getWorkflow(db);
  const rows = dashboardCases(db, volumeId);
  const byId = new Map<number, DashboardCase>(
    rows.map((c) => [c.id, { id: c.id, number: c.number, title: c.title, stage: c.stage }]),
  );
  const ref = (id: number): DashboardCase => byId.get(id)!;
  const since = stageSince(db, volumeId);
  const locked = lockedStage(settings);
  const suspects = suspectCounts(db, volumeId, rows, simplify, ctx.prefs.get().ocrConfidenceThreshold);

  return {
    volumeId,
    caseCount: rows.length,
    stages: stageCounts(settings, rows),
    assignees: assigneeRows(settings, rows),
    pages: pagesWithCases(dashboardPages(db, volumeId), rows),
    openNotes: openNoteCounts(db, volumeId).map((n) => ({ case: ref(n.caseId), count: n.count, latestAt: n.latestAt })),
    flags: openFlags(db, volumeId).map((f) => ({ case: ref(f.caseId), reason: f.reason, who: f.who, at: f.at })),
    suspects: {
      wordList: suspects.wordList,
      cases: rows
        .map((c) => ({ case: ref(c.id), count: suspects.counts.get(c.id) ?? 0 }))
        .filter((s) => s.count > 0)
        .sort((a, b) => b.count - a.count),
    },
    stuck: rows
      .filter((c) => c.stage !== locked && since.has(c.id))
      .map((c) => ({ case: ref(c.id), since: since.get(c.id)! }))
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0))
      .slice(0, DASHBOARD_LIMITS.stuck),
    signoffs: signoffsPerDay(signoffTimes(db, volumeId)),
    activity: recentActivity(db, volumeId, ref),
  };
}

/** Per stage of the library's list, in order; a stage the list lost (it cannot, but a log could say so) comes last. */
function stageCounts(settings: WorkflowSettings, rows: readonly DashboardCaseRow[]): StageCount[] {
  const counts = new Map<Stage, number>(settings.stages.map((s) => [s.key, 0]));
  for (const c of rows) counts.set(c.stage, (counts.get(c.stage) ?? 0) + 1);
  return [...counts].map(([stage, count]) => ({ stage, count }));
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function assigneeRows(settings: WorkflowSettings, rows: readonly DashboardCaseRow[]): AssigneeRow[] {
  const order = new Map(settings.stages.map((s, i) => [s.key, i]));
  const groups = new Map<string | null, Map<Stage, number>>();
  for (const c of rows) {
    const g = groups.get(c.assignee) ?? new Map<Stage, number>();
    g.set(c.stage, (g.get(c.stage) ?? 0) + 1);
    groups.set(c.assignee, g);
  }
  const rank = (s: Stage) => order.get(s) ?? Number.MAX_SAFE_INTEGER;
  return [...groups]
    .map(([assignee, g]) => ({
      assignee,
      total: [...g.values()].reduce((a, b) => a + b, 0),
      stages: [...g].map(([stage, count]) => ({ stage, count })).sort((a, b) => rank(a.stage) - rank(b.stage)),
    }))
    .sort((a, b) => (a.assignee === null ? 1 : b.assignee === null ? -1 : collator.compare(a.assignee, b.assignee)));
}

/** Pairs each page with the first case (in case order) whose page range holds it. */
function pagesWithCases(pages: ReadonlyArray<Omit<DashboardPage, 'caseId'>>, rows: readonly DashboardCaseRow[]): DashboardPage[] {
  const caseOf = new Map<number, number>();
  for (const c of rows) {
    if (c.pageStart === null || c.pageEnd === null || c.pageEnd < c.pageStart) continue;
    // A damaged range must not make this loop long: a case spans tens of pages, not thousands.
    const end = Math.min(c.pageEnd, c.pageStart + 999);
    for (let p = c.pageStart; p <= end; p++) if (!caseOf.has(p)) caseOf.set(p, c.id);
  }
  return pages.map((p) => ({ ...p, caseId: caseOf.get(p.index) ?? null }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of a timestamp where this process runs (the user's machine: main and window share it). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local hour of a timestamp (the unit edits are folded by in recent activity). */
function localHour(iso: string): string {
  return `${localDay(iso)}T${pad(new Date(iso).getHours())}`;
}

function signoffsPerDay(times: ReadonlyArray<{ who: string; at: string }>): VolumeDashboard['signoffs'] {
  const counts = new Map<string, { day: string; who: string; count: number }>();
  for (const { who, at } of times) {
    const day = localDay(at);
    const key = `${day}\u0000${who}`;
    const entry = counts.get(key) ?? { day, who, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : collator.compare(a.who, b.who)));
}

function recentActivity(db: DatabaseSync, volumeId: number, ref: (id: number) => DashboardCase): ActivityItem[] {
  const limit = DASHBOARD_LIMITS.activity;
  const rows = [...recentEvents(db, volumeId, limit), ...recentEdits(db, volumeId, limit, localHour)];
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return rows.slice(0, limit).map(({ caseId, ...r }) => ({ ...r, case: ref(caseId) }));
}

// Suspects are computed from each case's text (they are never stored), which costs ~0.5 ms per
// 1,000 characters with the traditional-character check: a case is counted again only when its
// text (version), the word list, the OCR threshold or the OCR of its volume changed since the last
// dashboard of this library.
interface SuspectCache {
  key: string;
  words: WordMatcher | undefined;
  counts: Map<string, { version: number; ocr: string; count: number }>;
}

const caches = new WeakMap<DatabaseSync, SuspectCache>();

/** Each volume's OCR as last seen (a fingerprint per page: `pageOcrStamps`) and a number that changes with it. */
interface SeenOcr {
  stamps: Map<number, string>;
  generation: number;
}

const seenOcr = new WeakMap<DatabaseSync, Map<number, SeenOcr>>();

/**
 * The volume's OCR for the low-confidence suspects, as the editor reads it: a page is read, parsed
 * and indexed once per dashboard, when a case counted again first needs it; the stamp changes when
 * any page's OCR fingerprint does (a page read again keeps the cases' text and versions: every case
 * of the volume is counted again then). Null when no page of the volume has OCR.
 */
function volumeOcr(db: DatabaseSync, volumeId: number, threshold: number): { check: OcrCheck; stamp: string } | null {
  const stamps = pageOcrStamps(db, volumeId);
  let byVolume = seenOcr.get(db);
  if (!byVolume) seenOcr.set(db, (byVolume = new Map()));
  const seen = byVolume.get(volumeId) ?? { stamps: new Map<number, string>(), generation: 0 };
  byVolume.set(volumeId, seen);
  const same = stamps.size === seen.stamps.size && [...stamps].every(([n, stamp]) => seen.stamps.get(n) === stamp);
  if (!same) {
    seen.stamps = stamps;
    seen.generation++;
  }
  if (stamps.size === 0) return null;
  const indexes = new Map<number, OcrPageIndex | null>();
  const pages = (n: number): OcrPageIndex | undefined => {
    if (!stamps.has(n)) return undefined;
    let index = indexes.get(n);
    if (index === undefined) {
      try {
        const ocr = getPageOcr(db, volumeId, n);
        index = ocr ? indexOcrPage(ocr) : null;
      } catch {
        index = null; // As in the editor: a page whose OCR cannot be read adds no suspects.
      }
      indexes.set(n, index);
    }
    return index ?? undefined;
  };
  return { check: { pages, threshold }, stamp: `${volumeId}:${seen.generation}` };
}

function suspectCounts(
  db: DatabaseSync,
  volumeId: number,
  rows: readonly DashboardCaseRow[],
  simplify: Simplifier | undefined,
  threshold: number,
): { wordList: boolean; counts: Map<number, number> } {
  const key = `${wordListSignature(db)}|${simplify ? 't' : '-'}|${threshold}`;
  let cache = caches.get(db);
  if (!cache || cache.key !== key) {
    const entries = listWords(db);
    cache = { key, words: entries.length > 0 ? compileWordList(entries) : undefined, counts: new Map() };
    caches.set(db, cache);
  }
  const ocr = volumeOcr(db, volumeId, threshold);
  const stamp = ocr?.stamp ?? '';
  const counts = new Map<number, number>();
  for (const c of rows) {
    let hit = cache.counts.get(c.uuid);
    if (!hit || hit.version !== c.version || hit.ocr !== stamp) {
      const count = countDocSuspects(storedCaseDoc(db, c.id), simplify, cache.words, ocr?.check);
      hit = { version: c.version, ocr: stamp, count };
      cache.counts.set(c.uuid, hit);
    }
    counts.set(c.id, hit.count);
  }
  return { wordList: cache.words !== undefined, counts };
}
