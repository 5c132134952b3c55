import { z } from 'zod';
import { Id, Timestamp } from './ids.ts';
import { PageStatus, Stage } from './stage.ts';

const Count = z.number().int().nonnegative();

/** How many of the longest lists' entries `dashboard:volume` sends (the cards show fewer, with "+N more"). */
export const DASHBOARD_LIMITS = { stuck: 12, activity: 30 } as const;

/** A case as the dashboard names and links it. */
export const DashboardCase = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  stage: Stage,
});
export type DashboardCase = z.infer<typeof DashboardCase>;

export const StageCount = z.object({ stage: Stage, count: Count });
export type StageCount = z.infer<typeof StageCount>;

/** One assignee's cases per stage (only stages they have cases in, in the library's order); null: unassigned. */
export const AssigneeRow = z.object({
  assignee: z.string().nullable(),
  total: Count,
  stages: z.array(StageCount),
});
export type AssigneeRow = z.infer<typeof AssigneeRow>;

/** A page of the volume, with the case printed on it (the first one by case order), null when none is. */
export const DashboardPage = z.object({
  index: z.number().int().nonnegative(),
  printedLabel: z.string().nullable(),
  status: PageStatus,
  caseId: Id.nullable(),
});
export type DashboardPage = z.infer<typeof DashboardPage>;

/** What recent activity reports: workflow events, and edits (revisions) folded per case, person and hour. */
export const ACTIVITY_KINDS = [
  'signoff',
  'sendback',
  'unlock',
  'flag',
  'unflag',
  'move',
  'save',
  'restore',
  'replace',
  'undo-replace',
  'merge',
] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ActivityItem = z.object({
  kind: ActivityKind,
  case: DashboardCase,
  who: z.string(),
  /** The latest of the folded entries. */
  at: Timestamp,
  fromStage: Stage.nullable(),
  toStage: Stage.nullable(),
  /** The sign-off's note, the send-back's or flag's reason. */
  note: z.string().nullable(),
  /** Revisions folded into this entry (1 for an event). */
  count: z.number().int().positive(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

/** A volume's state at a glance: what `dashboard:volume` answers. */
export const VolumeDashboard = z.object({
  volumeId: Id,
  caseCount: Count,
  /** Cases per stage of the library's list, in its order, empty stages included. */
  stages: z.array(StageCount),
  /** Assignees by name, the unassigned last. */
  assignees: z.array(AssigneeRow),
  pages: z.array(DashboardPage),
  /** Cases with open notes (top-level, unresolved), most first. */
  openNotes: z.array(z.object({ case: DashboardCase, count: z.number().int().positive(), latestAt: Timestamp })),
  /** Cases flagged 有疑问, newest flag first. */
  flags: z.array(z.object({ case: DashboardCase, reason: z.string(), who: z.string(), at: Timestamp })),
  suspects: z.object({
    /** Whether the library's word list took part (it has words). */
    wordList: z.boolean(),
    /** Cases with suspects left, most first. */
    cases: z.array(z.object({ case: DashboardCase, count: z.number().int().positive() })),
  }),
  /** Cases not yet final, longest in their stage first: since when (from the log). */
  stuck: z.array(z.object({ case: DashboardCase, since: Timestamp })),
  /** Sign-offs per local day (YYYY-MM-DD) and signer, by day. */
  signoffs: z.array(z.object({ day: z.string(), who: z.string(), count: z.number().int().positive() })),
  /** Newest first. */
  activity: z.array(ActivityItem),
});
export type VolumeDashboard = z.infer<typeof VolumeDashboard>;
