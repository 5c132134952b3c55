import { AppErrorShape } from '../../shared/ipc/errors.ts';
import { EXPORT_PREFIX } from '../../shared/ipc/transport.ts';
import { ApiError } from './apiError.ts';
import { authHeaders, statusCode } from './transport.ts';

/**
 * Browser mode: fetches a finished export (`GET /export/<jobId>`, the token in the Authorization
 * header) and hands it to the browser as a download under `fileName`.
 */
export async function downloadExport(jobId: string, fileName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(new URL(EXPORT_PREFIX + encodeURIComponent(jobId), window.location.origin), {
      headers: { ...authHeaders() },
    });
  } catch (err) {
    throw new ApiError('INTERNAL', `Cannot reach the workbench server: ${String(err)}`);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    const shape = AppErrorShape.safeParse(body?.error);
    throw shape.success ? ApiError.fromShape(shape.data) : new ApiError(statusCode(res.status), `HTTP ${res.status}`);
  }
  saveBlob(fileName, await res.blob());
}

/** Hands a blob to the browser (or Electron's download handling) as a file named `fileName`. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the blob once the click is handled; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
