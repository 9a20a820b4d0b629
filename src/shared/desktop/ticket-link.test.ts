import { describe, expect, it } from 'vitest';
import { parseTicketLink, ticketInLocation, ticketLinkInArgv } from './ticket-link.js';

describe('ticket links', () => {
  it('reads the number of shiftdesk://ticket/<number>, with the trailing slash Windows adds', () => {
    expect(parseTicketLink('shiftdesk://ticket/123')).toBe(123);
    expect(parseTicketLink('shiftdesk://ticket/1042/')).toBe(1042);
    expect(parseTicketLink('SHIFTDESK://TICKET/7')).toBe(7);
  });

  it('refuses anything else', () => {
    for (const link of [
      'shiftdesk://ticket/',
      'shiftdesk://ticket/0',
      'shiftdesk://ticket/007',
      'shiftdesk://ticket/-1',
      'shiftdesk://ticket/12a',
      'shiftdesk://ticket/1.5',
      'shiftdesk://ticket/99999999999',
      'shiftdesk://ticket/3000000000',
      'shiftdesk://ticket/123?open=1',
      'shiftdesk://ticket/123#x',
      'shiftdesk://ticket/123/../456',
      'shiftdesk://ticket/123//',
      'shiftdesk://user@ticket/123',
      'shiftdesk://ticket:80/123',
      'shiftdesk://tickets/123',
      'shiftdesk://queue/123',
      'shiftdesk:ticket/123',
      'https://ticket/123',
      'file:///shiftdesk://ticket/123',
      ' shiftdesk://ticket/123',
      `shiftdesk://ticket/1${'0'.repeat(80)}`,
    ]) {
      expect(parseTicketLink(link), link).toBeNull();
    }
  });

  it('finds the link among the arguments a second start or the system passes', () => {
    expect(ticketLinkInArgv(['/opt/Shiftdesk/shiftdesk', '--no-sandbox', 'shiftdesk://ticket/55'])).toBe(55);
    expect(ticketLinkInArgv(['C:\\Shiftdesk\\Shiftdesk.exe', '--allow-file-access-from-files', 'shiftdesk://ticket/55/'])).toBe(55);
    expect(ticketLinkInArgv(['/opt/Shiftdesk/shiftdesk', 'shiftdesk://evil/55', '/tmp/shiftdesk://ticket/9'])).toBeNull();
    expect(ticketLinkInArgv([])).toBeNull();
  });

  it('takes the same ticket from a page address, as the browser host does', () => {
    expect(ticketInLocation('?ticket=123', '')).toBe(123);
    expect(ticketInLocation('', '#ticket=123')).toBe(123);
    expect(ticketInLocation('?lang=pl&ticket=9', '')).toBe(9);
    expect(ticketInLocation('?ticket=12x', '#ticket=0')).toBeNull();
    expect(ticketInLocation('', '')).toBeNull();
  });
});
