import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTicketLinks } from '../../app/use-ticket-links.js';
import { useDeskServices } from '../../services.js';
import './desktop.css';

/** The console's side of the desktop integration: ticket links, and an update waiting for the app to quit. */
export function DesktopNotices() {
  const { t } = useTranslation('desktop');
  const { client } = useDeskServices();
  const link = useTicketLinks();
  const [update, setUpdate] = useState<string | null>(null);
  useEffect(() => client.on('desk.updateReady', ({ version }) => setUpdate(version)), [client]);

  return (
    <>
      {link.notFound !== null && (
        <div className="desktop-notice desktop-notice--warning" role="alert" data-testid="ticket-link-not-found">
          <span className="desktop-notice__icon" aria-hidden="true">
            ⚠
          </span>
          <span className="desktop-notice__text">{t('ticketLink.notFound', { number: link.notFound })}</span>
          <button type="button" className="button" onClick={link.dismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {update !== null && (
        <div className="desktop-notice" role="status" data-testid="update-ready">
          <span className="desktop-notice__icon" aria-hidden="true">
            ↓
          </span>
          <span className="desktop-notice__text">{t('update.ready', { version: update })}</span>
          <button type="button" className="button" onClick={() => setUpdate(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
