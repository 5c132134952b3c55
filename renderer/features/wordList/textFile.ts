import { saveBlob } from '../../api/download.ts';

/** Hands `text` to the browser (or Electron's download handling) as a UTF-8 file named `fileName`. */
export function saveTextFile(fileName: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}
