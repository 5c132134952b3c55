import type { IncomingMessage, ServerResponse } from 'node:http';
import { isChannel, type Envelope } from '../../shared/ipc/contract.ts';
import type { ErrorCode } from '../../shared/ipc/errors.ts';
import { FILE_NAME_HEADER } from '../../shared/ipc/transport.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import { mediaType } from './guards.ts';
import { BodyTooLargeError, failure, prepareEarlyAnswer, readBody, sendJson } from './http.ts';

const STAGE_CHANNEL = 'files:stage';

/**
 * Every error code's HTTP status. Exhaustive on purpose: a new code does not compile until it has
 * one, and only INTERNAL is a server error (a user's bad file is not the server's fault).
 */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNKNOWN_CHANNEL: 404,
  CONFLICT: 409,
  CANCELLED: 409,
  LIBRARY_LOCKED: 423,
  DB_TOO_NEW: 409,
  DB_CORRUPT: 503,
  IMPORT_EMPTY: 422,
  IMPORT_BINARY: 415,
  IMPORT_ENCODING: 422,
  IMPORT_TOO_LARGE: 413,
  IMPORT_PDF_BROKEN: 422,
  IMPORT_PDF_ENCRYPTED: 422,
  IMPORT_SCAN_UNSUPPORTED: 415,
  IMPORT_OUT_OF_MEMORY: 413,
  IMPORT_CASE_TOO_LONG: 422,
  OCR_PAGE_FAILED: 422,
  OCR_IMAGE_SIZE: 422,
  OCR_NO_SCAN: 422,
  OCR_NO_SCAN_PAGE: 422,
  STAGING_FULL: 507,
  EXPORT_EMPTY_SCOPE: 422,
  EXPORT_CASE_NOT_IN_VOLUME: 422,
  EXPORT_NO_CHROMIUM: 503,
  EXPORT_DESTINATION: 422,
  SIGNER_REQUIRED: 422,
  SAME_SIGNER: 409,
  STAGE_SKIP: 409,
  REASON_REQUIRED: 422,
  CASE_LOCKED: 423,
  OPEN_NOTES: 409,
  STAGE_UNKNOWN: 422,
  STAGE_IN_USE: 409,
  REGEX_INVALID: 422,
  REGEX_TIMEOUT: 422,
  SEARCH_EMPTY_QUERY: 422,
  BATCH_UNDO_REFUSED: 409,
  BATCH_ALREADY_UNDONE: 409,
  WORDLIST_FORMAT: 422,
  WORDLIST_FULL: 422,
  SYNC_VIEWER_READ_ONLY: 403,
  SYNC_UNREACHABLE: 502,
  SYNC_CERT_UNCONFIRMED: 400,
  SYNC_CERT_CHANGED: 409,
  INTERNAL: 500,
};

/** HTTP status for an envelope: 200 when ok; the error code's status otherwise. */
export function httpStatusFor(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200;
  return STATUS_BY_CODE[envelope.error.code];
}

export interface ApiLimits {
  maxJsonBytes: number;
  maxStageBytes: number;
}

function answer(req: IncomingMessage, res: ServerResponse, envelope: Envelope<unknown>, status = httpStatusFor(envelope)) {
  prepareEarlyAnswer(req, res);
  sendJson(res, status, envelope);
}

/**
 * `POST /api/<channel>`, already authenticated. JSON bodies go to dispatch as parsed; `files:stage`
 * takes the raw bytes plus the URI-encoded name header and becomes `{name, bytes}`.
 */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  rawChannel: string,
  dispatch: Dispatch,
  limits: ApiLimits,
): Promise<void> {
  if (req.method !== 'POST') {
    prepareEarlyAnswer(req, res);
    sendJson(res, 405, failure('VALIDATION', 'Use POST for API calls'), { Allow: 'POST' });
    return;
  }
  let channel: string;
  try {
    channel = decodeURIComponent(rawChannel);
  } catch {
    channel = rawChannel;
  }
  // Unknown channels are answered by dispatch itself (same envelope as over IPC) without reading the body.
  if (!isChannel(channel)) return answer(req, res, await dispatch(channel, undefined));

  const type = mediaType(req.headers['content-type']);
  const isStage = channel === STAGE_CHANNEL;
  const expected = isStage ? 'application/octet-stream' : 'application/json';
  if (type !== expected) {
    return answer(req, res, failure('VALIDATION', `${channel} expects Content-Type ${expected}`, { channel }), 415);
  }

  let input: unknown;
  if (isStage) {
    const rawName = req.headers[FILE_NAME_HEADER];
    let name: string;
    try {
      name = typeof rawName === 'string' ? decodeURIComponent(rawName) : '';
    } catch {
      name = '';
    }
    if (!name) {
      return answer(req, res, failure('VALIDATION', `files:stage needs a URI-encoded ${FILE_NAME_HEADER} header`, { channel }));
    }
    let body: Buffer;
    try {
      body = await readBody(req, limits.maxStageBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return answer(req, res, failure('IMPORT_TOO_LARGE', err.message, { limit: err.limit }), 413);
      }
      throw err;
    }
    // A plain Uint8Array view (not the Buffer subclass) is what the contract describes.
    input = { name, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  } else {
    let body: Buffer;
    try {
      body = await readBody(req, limits.maxJsonBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return answer(req, res, failure('VALIDATION', err.message, { limit: err.limit }), 413);
      }
      throw err;
    }
    const text = body.toString('utf8');
    if (text.trim() === '') {
      input = undefined;
    } else {
      try {
        input = JSON.parse(text);
      } catch {
        return answer(req, res, failure('VALIDATION', 'Request body is not valid JSON', { channel }));
      }
    }
  }
  answer(req, res, await dispatch(channel, input));
}
