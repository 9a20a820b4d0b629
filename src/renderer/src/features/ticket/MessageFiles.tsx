import { useTranslation } from 'react-i18next';
import type { AttachmentMeta, Message } from '../../../../shared/domain/ticket.js';
import { useDeskServices } from '../../services.js';
import { DownloadButton } from '../../ui/DownloadButton.js';
import { fileKind, fileTypeLabel, formatFileSize } from '../../ui/files.js';

/** The files that came with a message: each with its type, size and a download (from the server). */
export function AttachmentList({ ticketId, attachments }: { ticketId: string; attachments: readonly AttachmentMeta[] }) {
  const { t } = useTranslation('ticket');
  return (
    <ul className="attachments" aria-label={t('attachments.label', { count: attachments.length })}>
      {attachments.map((attachment) => (
        <AttachmentItem key={attachment.id} ticketId={ticketId} attachment={attachment} />
      ))}
    </ul>
  );
}

function AttachmentItem({ ticketId, attachment }: { ticketId: string; attachment: AttachmentMeta }) {
  const { client } = useDeskServices();
  const { t, i18n } = useTranslation('ticket');
  const size = formatFileSize(attachment.size, i18n.language);

  return (
    <li className="attachment" data-testid="attachment">
      <span className={`file-type file-type--${fileKind(attachment.contentType)}`} title={attachment.contentType}>
        {fileTypeLabel(attachment.filename, attachment.contentType) ?? t('attachments.file')}
      </span>
      <span className="attachment__name" title={attachment.filename}>
        {attachment.filename}
      </span>
      <span className="attachment__size">{size}</span>
      <DownloadButton
        fetchFile={() => client.call('files.download', { ticketId, kind: 'attachment', id: attachment.id })}
        label={t('attachments.download')}
        description={t('attachments.downloadLabel', { name: attachment.filename, size })}
        offlineMessage={t('files.offline')}
      />
    </li>
  );
}

/**
 * The message as it arrived (an email's source, a webhook's body), saved for a mail program or an
 * editor to open: the console never renders what a stranger sent beyond the sanitised view.
 */
export function OriginalButton({ message }: { message: Pick<Message, 'id' | 'ticketId'> }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('ticket');
  return (
    <DownloadButton
      fetchFile={() => client.call('files.download', { ticketId: message.ticketId, kind: 'original', id: message.id })}
      label={t('original.view')}
      description={t('original.description')}
      offlineMessage={t('files.offline')}
    />
  );
}
