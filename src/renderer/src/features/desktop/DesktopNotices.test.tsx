import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { agent, deskWith, makeTicket } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { DesktopNotices } from './DesktopNotices.js';

function desktopWith(options: Parameters<typeof deskWith>[0] = {}, language: 'en' | 'pl' | 'ru' | 'lv' = 'en') {
  const ticket = makeTicket({ number: 1042 });
  const desk = deskWith({ tickets: [ticket], ...options });
  desk.api['tickets.byNumber'] = async ({ number }) => {
    const found = desk.tickets.find((t) => t.number === number);
    return found ? { id: found.id } : null;
  };
  const rendered = renderFeature(<DesktopNotices />, desk, { user: agent, language });
  return { desk, ticket, ...rendered };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('ticket links in the console', () => {
  it('opens the ticket the desktop shell was asked for, and says so when it is not on this computer', async () => {
    const { desk, ticket, services } = desktopWith();
    await waitFor(() => expect(desk.listenerCount('desk.openTicket')).toBe(1));

    act(() => desk.emit('desk.openTicket', { number: 1042 }));
    await waitFor(() => expect(services.ticketPane.getState().openId).toBe(ticket.id));
    expect(screen.queryByTestId('ticket-link-not-found')).toBeNull();

    act(() => desk.emit('desk.openTicket', { number: 999 }));
    const notice = await screen.findByTestId('ticket-link-not-found');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('Ticket #999 is not among the tickets on this computer');
    // The open ticket stays open.
    expect(services.ticketPane.getState().openId).toBe(ticket.id);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('ticket-link-not-found')).toBeNull();
  });

  it('takes ?ticket= from the address, as the browser host does, and forgets it once handled', async () => {
    window.history.replaceState(null, '', '/?ticket=1042');
    const { ticket, services } = desktopWith();
    await waitFor(() => expect(services.ticketPane.getState().openId).toBe(ticket.id));
    expect(window.location.search).toBe('');
  });

  it('follows #ticket= typed into the address of a console already open', async () => {
    const { ticket, services } = desktopWith();
    act(() => {
      window.location.hash = '#ticket=1042';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(services.ticketPane.getState().openId).toBe(ticket.id));
    expect(window.location.hash).toBe('');
  });

  it('waits for the first sync before saying a ticket is not there', async () => {
    window.history.replaceState(null, '', '/#ticket=2001');
    const { desk, services } = desktopWith({ connection: 'connecting' }, 'pl');
    await waitFor(() => expect(desk.callsOf('tickets.byNumber')).toHaveLength(1));
    expect(screen.queryByTestId('ticket-link-not-found')).toBeNull();

    // The first sync brings it.
    const arrived = makeTicket({ number: 2001 });
    desk.tickets.push(arrived);
    act(() => desk.setConnection('online'));
    await waitFor(() => expect(services.ticketPane.getState().openId).toBe(arrived.id));
    expect(screen.queryByTestId('ticket-link-not-found')).toBeNull();
  });

  it('a link with no such ticket after the sync is reported in the agent language', async () => {
    window.history.replaceState(null, '', '/?ticket=31337');
    desktopWith({ connection: 'online' }, 'ru');
    expect((await screen.findByTestId('ticket-link-not-found')).textContent).toContain('Заявки #31337 нет среди заявок на этом компьютере');
    expect(screen.getByRole('button', { name: 'Закрыть' })).toBeTruthy();
  });
});

describe('update notice', () => {
  it('says a downloaded update installs when the app quits', async () => {
    const { desk } = desktopWith({}, 'lv');
    await waitFor(() => expect(desk.listenerCount('desk.updateReady')).toBe(1));
    act(() => desk.emit('desk.updateReady', { version: '1.5.0' }));
    const notice = screen.getByTestId('update-ready');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('Shiftdesk 1.5.0 ir lejupielādēts. Tas tiks instalēts, kad aizvērsiet lietotni');
    fireEvent.click(screen.getByRole('button', { name: 'Aizvērt' }));
    expect(screen.queryByTestId('update-ready')).toBeNull();
  });
});
