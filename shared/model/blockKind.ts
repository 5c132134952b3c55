import { z } from 'zod';

/** Kinds of block a case document is made of; import classifies into these, the editor tags with them. */
export const BLOCK_KINDS = [
  'title',
  'organization',
  'commentary',
  'commentary-signature',
  'heading',
  'body',
  'awards-heading',
  'awards',
  'caption',
  'other',
] as const;

export const BlockKind = z.enum(BLOCK_KINDS);
export type BlockKind = z.infer<typeof BlockKind>;
