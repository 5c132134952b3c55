import { z } from 'zod';

/**
 * A stage's key: stable, stored in cases and in the event log. The stage list itself is a
 * per-library setting (see shared/workflow/settings.ts); these are its defaults, in workflow order:
 * imported, the three reviews (三审: 初审, 复审, 终审), the three proofreadings (三校: 一校, 二校,
 * 三校), then final (定稿). Built-in keys are shown by their translated names unless renamed.
 */
export const DEFAULT_STAGES = ['imported', 'review1', 'review2', 'review3', 'proof1', 'proof2', 'proof3', 'final'] as const;
export type BuiltInStage = (typeof DEFAULT_STAGES)[number];
export const Stage = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/u, 'A stage key is lower-case letters, digits and hyphens');
export type Stage = z.infer<typeof Stage>;

export function isBuiltInStage(key: string): key is BuiltInStage {
  return (DEFAULT_STAGES as readonly string[]).includes(key);
}

/** Page proofreading status, as on Wikisource: 未校对 / 有问题 / 已校对 / 已验证 / 无文字. */
export const PAGE_STATUSES = ['unproofed', 'problem', 'proofed', 'validated', 'empty'] as const;
export const PageStatus = z.enum(PAGE_STATUSES);
export type PageStatus = z.infer<typeof PageStatus>;
