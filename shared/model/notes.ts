import { z } from 'zod';
import { BlockId } from './caseDoc.ts';
import { Id, Timestamp } from './ids.ts';

/** Bounds of a note: a remark on a paragraph, not a document. */
export const NOTE_LIMITS = {
  bodyChars: 4000,
  /** How much of the block's text a note quotes. */
  quoteChars: 80,
} as const;

/** A note's or reply's text as it crosses the boundary: trimmed, not blank, bounded. */
export const NoteBody = z.string().trim().min(1).max(NOTE_LIMITS.bodyChars);

export const NoteReply = z.object({
  id: Id,
  uuid: z.string(),
  author: z.string(),
  at: Timestamp,
  body: z.string(),
});
export type NoteReply = z.infer<typeof NoteReply>;

/**
 * A note on a case, anchored to a block by the block's id. `blockIndex` and `quote` describe the
 * block as it reads now (null index: the case has no block left to anchor to, and `quote` is what
 * the block said when the note was written).
 */
export const CaseNote = z.object({
  id: Id,
  uuid: z.string(),
  caseId: Id,
  blockId: BlockId.nullable(),
  blockIndex: z.number().int().nonnegative().nullable(),
  quote: z.string(),
  author: z.string(),
  at: Timestamp,
  body: z.string(),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  /** Oldest first. */
  replies: z.array(NoteReply),
});
export type CaseNote = z.infer<typeof CaseNote>;

/** The start of a block's text as a note shows it (one line, cut at `NOTE_LIMITS.quoteChars`). */
export function quoteOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > NOTE_LIMITS.quoteChars ? `${line.slice(0, NOTE_LIMITS.quoteChars)}…` : line;
}
