import { useEffect, useState } from 'react';
import { ticketInLocation } from '../../../shared/desktop/ticket-link.js';
import { useConnectionStatus, useDeskServices } from '../services.js';

/**
 * Opens the ticket a link asks for: `shiftdesk://ticket/<number>` as the desktop shell passes it
 * (`desk.openTicket`, or `?ticket=` on the first load) and `?ticket=` / `#ticket=` in the browser host's
 * address. The number is looked up in this agent's replica; during a first sync the answer waits for
 * it. Answers the number of a link that found no ticket, for the console to say so.
 */
export function useTicketLinks(): { notFound: number | null; dismiss(): void } {
  const { client, ticketPane } = useDeskServices();
  const status = useConnectionStatus();
  const [requested, setRequested] = useState<{ number: number } | null>(() => {
    const number = ticketInLocation(window.location.search, window.location.hash);
    return number === null ? null : { number };
  });
  const [notFound, setNotFound] = useState<number | null>(null);

  useEffect(() => client.on('desk.openTicket', ({ number }) => setRequested({ number })), [client]);
  // A `#ticket=` typed into the address of an open console changes only the hash: no reload.
  useEffect(() => {
    const onHash = () => {
      const number = ticketInLocation('', window.location.hash);
      if (number !== null) setRequested({ number });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!requested) return;
    let current = true;
    void client
      .call('tickets.byNumber', { number: requested.number })
      .catch(() => null)
      .then((found) => {
        if (!current) return;
        // Not there while the first sync runs may only mean not there yet: asked again once it is done.
        if (!found && (status === 'connecting' || status === null)) return;
        setRequested(null);
        // A reload of the page must not open the ticket again.
        if (ticketInLocation(window.location.search, window.location.hash) !== null) window.history.replaceState(null, '', window.location.pathname);
        if (found) {
          setNotFound(null);
          ticketPane.getState().open(found.id);
        } else setNotFound(requested.number);
      });
    return () => {
      current = false;
    };
  }, [client, ticketPane, requested, status]);

  return { notFound, dismiss: () => setNotFound(null) };
}
