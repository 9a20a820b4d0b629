import { useTranslation } from 'react-i18next';
import type { DownloadedFile } from '../../../shared/desk-api/file-methods.js';
import { saveFile } from './save-file.js';
import { useServerAction } from './use-server-action.js';
import './download.css';

/**
 * A button that fetches a file through the core and saves it, saying so while it works and why when it
 * could not. `offlineMessage` names what needs the server, in the words of the screen it is on.
 */
export function DownloadButton({
  fetchFile,
  label,
  description,
  offlineMessage,
}: {
  fetchFile(): Promise<DownloadedFile>;
  label: string;
  /** The accessible name where the visible label alone is ambiguous ("Download" in a list of files). */
  description?: string;
  offlineMessage: string;
}) {
  const { t } = useTranslation('labels');
  const { busy, failure, run } = useServerAction();

  return (
    <>
      <button type="button" className="button button--small" aria-label={description} aria-busy={busy} disabled={busy} onClick={() => void run(async () => saveFile(await fetchFile()))}>
        {busy ? t('download.busy') : label}
      </button>
      {failure && (
        <span className="download-error" role="alert">
          {failure.kind === 'offline' ? offlineMessage : t('download.failed', { message: failure.message })}
        </span>
      )}
    </>
  );
}
