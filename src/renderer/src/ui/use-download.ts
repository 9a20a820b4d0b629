import { useRef, useState } from 'react';
import type { DownloadedFile } from '../../../shared/desk-api/file-methods.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import { errorMessage } from './format.js';
import { saveFile } from './save-file.js';

/** Why a download did not happen: the server is away (the usual case at night), or it refused. */
export type DownloadFailure = { kind: 'offline' } | { kind: 'failed'; message: string };

/**
 * One download button's state: fetches the file through the core and saves it. A second press while
 * the first is on its way does nothing; a failure stays on screen until the next try.
 */
export function useDownload(fetchFile: () => Promise<DownloadedFile>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DownloadFailure | null>(null);
  const running = useRef(false);

  async function download(): Promise<void> {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    try {
      saveFile(await fetchFile());
    } catch (error) {
      setFailure(error instanceof DeskError && error.code === 'unavailable' ? { kind: 'offline' } : { kind: 'failed', message: errorMessage(error) });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return { busy, failure, download };
}
