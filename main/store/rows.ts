import type { SQLOutputValue } from 'node:sqlite';
import type { z } from 'zod';
import { AppError, zodIssues } from '../../shared/ipc/errors.ts';
import { CaseDoc } from '../../shared/model/caseDoc.ts';

export type Row = Record<string, SQLOutputValue>;

export function nowIso(): string {
  return new Date().toISOString();
}

/** Parses a stored row (or JSON column) with its schema; a mismatch means the file was damaged or hand-edited. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('DB_CORRUPT', `Stored ${where} does not match its schema`, {
      where,
      issues: zodIssues(parsed.error).slice(0, 5),
    });
  }
  return parsed.data;
}

export function parseJson(text: unknown, where: string): unknown {
  if (typeof text !== 'string') throw new AppError('DB_CORRUPT', `Stored ${where} is not text`, { where });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('DB_CORRUPT', `Stored ${where} is not valid JSON`, { where });
  }
}

export function readDoc(text: unknown, where: string): CaseDoc {
  return parseStored(CaseDoc, parseJson(text, where), where);
}

/** Validates a document before it is written, so bad input is a VALIDATION error rather than a corrupt row later. */
export function checkDoc(doc: unknown): CaseDoc {
  const parsed = CaseDoc.safeParse(doc);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'Invalid case document', {
      issues: zodIssues(parsed.error).slice(0, 5),
    });
  }
  return parsed.data;
}

export function notFound(entity: string, id: number): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
}

export function rowId(value: number | bigint): number {
  return Number(value);
}
