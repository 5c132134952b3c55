import type { CaseDoc } from '../model/caseDoc.ts';
import type { Case } from '../model/entities.ts';
import type { Stage } from '../model/stage.ts';
import { zodIssues } from '../ipc/errors.ts';
import { tocOrder } from './exportModel.ts';
import { EXPORT_JSON_FORMAT, EXPORT_JSON_VERSION, ExportJson } from './jsonSchema.ts';

/** What the JSON export reads of a stored case. */
export type JsonCaseInput = Pick<
  Case,
  'id' | 'number' | 'title' | 'organization' | 'stage' | 'pageStart' | 'printedStart' | 'printedEnd' | 'doc'
>;

/** The JSON export of cases (any order in; table-of-contents order out), as an object. */
export function exportJson(
  volumeTitle: string,
  cases: readonly JsonCaseInput[],
  meta: { generator: string; exportedAt: string },
): ExportJson {
  return {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    exportedAt: meta.exportedAt,
    generator: meta.generator,
    volume: { title: volumeTitle },
    cases: tocOrder(cases).map((c) => ({
      kind: c.kind,
      number: c.number,
      title: c.title,
      organization: c.organization,
      stage: c.stage,
      printedStart: c.printedStart,
      printedEnd: c.printedEnd,
      blocks: c.doc.blocks.map((b) => ({ kind: b.kind, text: b.text })),
    })),
  };
}

export function exportJsonText(json: ExportJson): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

export type JsonReadResult =
  { ok: true; value: ExportJson } | { ok: false; message: string; issues: Array<{ path: string; message: string }> };

/** Reads an export back, checking it against the schema; a wrong format or version is refused by name. */
export function readExportJson(text: string): JsonReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `Not JSON: ${err instanceof Error ? err.message : String(err)}`, issues: [] };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (head?.format !== EXPORT_JSON_FORMAT) return { ok: false, message: `Not a ${EXPORT_JSON_FORMAT} file`, issues: [] };
  if (head.version !== EXPORT_JSON_VERSION)
    return {
      ok: false,
      message: `Unsupported version ${String(head.version)} (this app reads ${EXPORT_JSON_VERSION})`,
      issues: [],
    };
  const parsed = ExportJson.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'The file does not match the schema', issues: zodIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** A case to store again from an export: its document has no page positions (page 0, no breaks). */
export interface ReimportCase {
  number: number | null;
  title: string;
  organization: string;
  stage: Stage;
  printedStart: string | null;
  printedEnd: string | null;
  /** The entry's position, standing in for the printed page so that the table-of-contents order (an afterword after the cases) survives. */
  pageStart: number;
  doc: CaseDoc;
}

export function reimportCases(json: ExportJson): ReimportCase[] {
  return json.cases.map((c, i) => ({
    number: c.number,
    title: c.title,
    organization: c.organization,
    stage: c.stage,
    printedStart: c.printedStart,
    printedEnd: c.printedEnd,
    pageStart: i,
    doc: { version: 1, blocks: c.blocks.map((b) => ({ kind: b.kind, text: b.text, page: 0, breaks: [] })) },
  }));
}
