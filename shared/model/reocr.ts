import { z } from 'zod';

/**
 * How a page image is turned before it is read again: `auto` reads it as scanned (deskewed by the
 * engine); 90, 180 or 270 turn it clockwise first (a page scanned sideways or upside down).
 */
export const ReocrRotation = z.union([z.literal('auto'), z.literal(90), z.literal(180), z.literal(270)]);
export type ReocrRotation = z.infer<typeof ReocrRotation>;

export const REOCR_ROTATIONS: readonly ReocrRotation[] = ['auto', 90, 180, 270];
