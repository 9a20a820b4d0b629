import { act, renderHook } from '@testing-library/react';
import { ticketCommands, useTicketCommand } from './ticket-commands.js';

describe('ticket commands', () => {
  it('reaches each listener of the asked command once per request, and none of the others', () => {
    const replies = vi.fn();
    const escalations = vi.fn();
    renderHook(() => {
      useTicketCommand('reply', replies);
      useTicketCommand('escalate', escalations);
    });

    act(() => ticketCommands.getState().request('reply'));
    act(() => ticketCommands.getState().request('reply'));

    expect(replies).toHaveBeenCalledTimes(2);
    expect(escalations).not.toHaveBeenCalled();
  });

  it('does not replay a request made before the listener mounted', () => {
    act(() => ticketCommands.getState().request('note'));
    const notes = vi.fn();
    renderHook(() => useTicketCommand('note', notes));
    expect(notes).not.toHaveBeenCalled();
  });
});
