import { z } from 'zod';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** User preferences, stored by electron-store in Electron and by `conf` elsewhere (same schema). */
export const Prefs = z.object({
  language: Language.default('zh-CN'),
  userName: z.string().default(''),
  libraryPath: z.string().nullable().default(null),
  recentLibraries: z.array(z.string()).default([]),
  windowBounds: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
    .nullable()
    .default(null),
  /** Editor/scan layout, remembered across sessions. */
  layout: z.enum(['side', 'stacked']).default('side'),
  splitRatio: z.number().min(0.1).max(0.9).default(0.5),
  /** Import: keep a space between CJK and digits (`1412 户`) instead of removing it. */
  cjkDigitSpace: z.boolean().default(false),
});
export type Prefs = z.infer<typeof Prefs>;
export const PrefsPatch = Prefs.partial();
export type PrefsPatch = z.infer<typeof PrefsPatch>;
