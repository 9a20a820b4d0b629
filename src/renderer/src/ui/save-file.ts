import type { DownloadedFile } from '../../../shared/desk-api/file-methods.js';

/**
 * Hands a file from the core to the browser's (or Electron's) download: bytes into a Blob, a link with
 * the file's name clicked. The link is never shown, and the Blob's URL is let go after the click.
 */
export function saveFile(file: DownloadedFile): void {
  const binary = atob(file.base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download reads the Blob after the click returns; a minute is plenty, and then it is freed.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
