import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketViewer } from '../../../../shared/desk-api/ticket-presence-methods.js';
import { useDeskServices } from '../../services.js';

/**
 * "Olga is viewing" / "Olga is replying": other agents on this ticket, so two people do not answer the
 * same customer. Opening the ticket says so to them; leaving it (or closing the console) takes it back.
 */
export function PresenceNotice({ ticketId }: { ticketId: string }) {
  const { client } = useDeskServices();
  const { t, i18n } = useTranslation('ticket');
  const [viewers, setViewers] = useState<{ ticketId: string; viewers: TicketViewer[] }>({ ticketId, viewers: [] });

  useEffect(() => {
    let current = true;
    const off = client.on('ticketPresence.changed', (presence) => {
      if (presence.ticketId === ticketId) setViewers(presence);
    });
    void client.call('ticketPresence.set', { ticketId, replying: false }).catch(() => undefined);
    client.call('ticketPresence.get', { ticketId }).then(
      (list) => current && setViewers({ ticketId, viewers: list }),
      () => undefined,
    );
    return () => {
      current = false;
      off();
      void client.call('ticketPresence.set', { ticketId: null, replying: false }).catch(() => undefined);
    };
  }, [client, ticketId]);

  const others = viewers.ticketId === ticketId ? viewers.viewers : [];
  const list = (names: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);
  const replying = others.filter((viewer) => viewer.replying).map((viewer) => viewer.name);
  const viewing = others.filter((viewer) => !viewer.replying).map((viewer) => viewer.name);
  return (
    // Polite: it can change while the agent types, and must not interrupt a screen reader mid-sentence.
    <div className="presence-notice" role="status" aria-live="polite" data-testid="presence-notice">
      {replying.length > 0 && (
        <p className="presence-notice__line presence-notice__line--replying">
          <span aria-hidden="true">✎ </span>
          {t('presence.replying', { count: replying.length, names: list(replying) })}
        </p>
      )}
      {viewing.length > 0 && (
        <p className="presence-notice__line">
          <span aria-hidden="true">◉ </span>
          {t('presence.viewing', { count: viewing.length, names: list(viewing) })}
        </p>
      )}
    </div>
  );
}
