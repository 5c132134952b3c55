import { z } from 'zod';
import { Id } from './ids.ts';
import { Tag } from './entities.ts';

/** A tag's colour: CSS hex `#rrggbb` (kept lowercase), or '' for the default look. */
export const TagColor = z
  .string()
  .trim()
  .regex(/^(#[0-9a-fA-F]{6})?$/, 'A colour is #rrggbb, or empty for the default')
  .transform((s) => s.toLowerCase());

/** The colours offered when tagging: mid-tone, each readable with the text colour `readableTextOn` picks. */
export const TAG_PALETTE = [
  { key: 'red', color: '#c73a3a' },
  { key: 'orange', color: '#e8833a' },
  { key: 'yellow', color: '#f2c94c' },
  { key: 'green', color: '#3f9d5a' },
  { key: 'teal', color: '#2a9d99' },
  { key: 'blue', color: '#3b73c4' },
  { key: 'purple', color: '#8a5cc2' },
  { key: 'grey', color: '#959eaa' },
] as const;
export type PaletteKey = (typeof TAG_PALETTE)[number]['key'];

/** At most this many cases per bulk call: a whole volume (about a hundred cases) with room to spare. */
export const BULK_MAX_CASES = 5000;
export const CaseIdList = z.array(Id).min(1).max(BULK_MAX_CASES);

/** Who a case is assigned to, as typed. */
export const Assignee = z.string().trim().min(1).max(100);

/** A tag with the number of cases (in the whole library) that carry it. */
export const TagUsage = Tag.extend({ cases: z.number().int().nonnegative() });
export type TagUsage = z.infer<typeof TagUsage>;

/** One case's tags (ids, by tag name); cases without tags are left out of a tag map. */
export const CaseTagIds = z.object({ caseId: Id, tagIds: z.array(Id) });
export type CaseTagIds = z.infer<typeof CaseTagIds>;

export const AssigneeCount = z.object({ name: z.string(), cases: z.number().int().nonnegative() });
export type AssigneeCount = z.infer<typeof AssigneeCount>;

/** What a bulk edit changed: cases newly tagged, untagged or reassigned (the rest already were). */
export const BulkResult = z.object({ changed: z.number().int().nonnegative() });
export type BulkResult = z.infer<typeof BulkResult>;

const DARK_TEXT = '#1f2328';
const LIGHT_TEXT = '#ffffff';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The text colour (dark or white) with the higher WCAG contrast on `background` (#rrggbb). */
export function readableTextOn(background: string): string {
  const bg = luminance(background);
  const onDark = (bg + 0.05) / (luminance(DARK_TEXT) + 0.05);
  const onLight = (luminance(LIGHT_TEXT) + 0.05) / (bg + 0.05);
  return onDark >= onLight ? DARK_TEXT : LIGHT_TEXT;
}
