import { z } from 'zod';
import { ExportSettings } from './export.ts';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

const MAX_PATH = 4096;

/**
 * Default of `ocrConfidenceThreshold` (tesseract confidences, 0–100); Settings changes it. On the
 * sample scan tesseract.js reads its real misreadings at 76–84 and flags 0–3 characters a page below 85.
 */
export const DEFAULT_OCR_THRESHOLD = 85;

const SplitRatio = z.number().min(0.1).max(0.9);

export const WindowBounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
});

/**
 * Each preference's value, without defaults: a patch is validated against these, so that a patch
 * names exactly what it changes (zod 4 fills `.default()`s even inside `.partial()`).
 */
const fields = {
  language: Language,
  /** Signs revisions and stage events; a name, not a document. */
  userName: z.string().trim().max(100),
  libraryPath: z.string().min(1).max(MAX_PATH).nullable(),
  recentLibraries: z.array(z.string().min(1).max(MAX_PATH)).max(10),
  windowBounds: WindowBounds.nullable(),
  /** Editor/scan layout, remembered across sessions. */
  layout: z.enum(['side', 'stacked']),
  /** The editor's share of the width (side by side) or height (stacked), one per layout. */
  splitRatios: z.object({ side: SplitRatio, stacked: SplitRatio }),
  /** Import: keep a space between CJK and digits (`1412 户`) instead of removing it. */
  cjkDigitSpace: z.boolean(),
  /** The export dialog's last settings (format, layout, file names, kind of scope); null until the first export. */
  exportSettings: ExportSettings.nullable(),
  /** Proofreading: characters OCR read with a confidence (0–100) below this are suspects (shared/proof/ocrSuspects.ts). */
  ocrConfidenceThreshold: z.number().int().min(0).max(100),
};

/** User preferences, stored by electron-store in Electron and by `conf` elsewhere (same schema). */
export const Prefs = z.object({
  language: fields.language.default('zh-CN'),
  userName: fields.userName.default(''),
  libraryPath: fields.libraryPath.default(null),
  recentLibraries: fields.recentLibraries.default([]),
  windowBounds: fields.windowBounds.default(null),
  layout: fields.layout.default('side'),
  splitRatios: fields.splitRatios.default({ side: 0.5, stacked: 0.5 }),
  cjkDigitSpace: fields.cjkDigitSpace.default(false),
  exportSettings: fields.exportSettings.default(null),
  ocrConfidenceThreshold: fields.ocrConfidenceThreshold.default(DEFAULT_OCR_THRESHOLD),
});
export type Prefs = z.infer<typeof Prefs>;

/** A change to some preferences: only the fields it names are touched. */
export const PrefsPatch = z.object(fields).partial();
export type PrefsPatch = z.infer<typeof PrefsPatch>;

/** Every preference's name, for tests and for the field-by-field repair of a hand-edited file. */
export const PREF_KEYS = Object.keys(fields) as Array<keyof Prefs>;
