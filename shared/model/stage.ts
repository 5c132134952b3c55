import { z } from 'zod';

/**
 * Editorial stages of a case, in workflow order: imported, the three reviews (三审: 初审, 复审, 终审),
 * the three proofreadings (三校: 一校, 二校, 三校), then final (定稿). Any transition is allowed (an
 * editor may send a case back); each one is recorded as an event.
 */
export const STAGES = ['imported', 'review1', 'review2', 'review3', 'proof1', 'proof2', 'proof3', 'final'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** Page proofreading status, as on Wikisource: 未校对 / 有问题 / 已校对 / 已验证 / 无文字. */
export const PAGE_STATUSES = ['unproofed', 'problem', 'proofed', 'validated', 'empty'] as const;
export const PageStatus = z.enum(PAGE_STATUSES);
export type PageStatus = z.infer<typeof PageStatus>;
