import { z } from 'zod';

export const Id = z.number().int().positive();
export type Id = z.infer<typeof Id>;

/** ISO-8601 timestamp string. */
export const Timestamp = z.string();
