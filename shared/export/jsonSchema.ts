import { z } from 'zod';
import { BlockKind } from '../model/blockKind.ts';
import { Stage } from '../model/stage.ts';

/**
 * The JSON export format, version 1: the structured cases of one volume, re-importable.
 *
 * ```json
 * {
 *   "format": "casebook-workbench.cases",
 *   "version": 1,
 *   "exportedAt": "2026-01-04T08:00:00.000Z",
 *   "generator": "编校台 Casebook Workbench 0.1.0",
 *   "volume": { "title": "创先争优好做法" },
 *   "cases": [
 *     { "kind": "case", "number": 1, "title": "…", "organization": "…", "stage": "final",
 *       "printedStart": "1", "printedEnd": "4",
 *       "blocks": [ { "kind": "title", "text": "…" }, { "kind": "body", "text": "…" } ] }
 *   ]
 * }
 * ```
 *
 * - `cases` are in table-of-contents order; `kind` says whether an entry is front matter (a
 *   foreword, unnumbered, before the cases), a numbered case, or back matter (an afterword).
 * - `blocks` are the case's text in order, each tagged with its kind (see `BLOCK_KINDS`); the text
 *   is as stored. Page positions, import provenance, suspects and history are not part of the
 *   format: it carries what a case says, not where the printed original put it.
 * - A later version adds fields or bumps `version`; a reader refuses versions it does not know.
 */
export const EXPORT_JSON_FORMAT = 'casebook-workbench.cases';
export const EXPORT_JSON_VERSION = 1;

export const ExportJsonBlock = z.object({
  kind: BlockKind,
  text: z.string(),
});
export type ExportJsonBlock = z.infer<typeof ExportJsonBlock>;

export const ExportJsonCase = z.object({
  kind: z.enum(['front', 'case', 'back']),
  /** The case's number in the volume; null for front and back matter. */
  number: z.number().int().nullable(),
  title: z.string(),
  organization: z.string(),
  /** Editorial stage when exported (`final` = 定稿). */
  stage: Stage,
  /** Printed page labels of the first and last page in the original, when known. */
  printedStart: z.string().nullable(),
  printedEnd: z.string().nullable(),
  blocks: z.array(ExportJsonBlock),
});
export type ExportJsonCase = z.infer<typeof ExportJsonCase>;

export const ExportJson = z.object({
  format: z.literal(EXPORT_JSON_FORMAT),
  version: z.literal(EXPORT_JSON_VERSION),
  exportedAt: z.string(),
  generator: z.string(),
  volume: z.object({ title: z.string() }),
  cases: z.array(ExportJsonCase),
});
export type ExportJson = z.infer<typeof ExportJson>;

/** The same schema as a JSON Schema document (draft 2020-12), for readers outside this app. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ExportJson) as Record<string, unknown>;
}
