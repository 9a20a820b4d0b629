import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { makeEscalation, people } from '../../../../shared/alerts/fixtures.js';
import { createDeskClient } from '../../../../shared/desk-api/client.js';
import { createDeskServices, DeskServicesProvider } from '../../services.js';
import { deskWith } from '../../testing/fake-desk.js';
import { manualClock, memoryStorage } from '../../testing/render.js';
import { useEscalatedToMe } from './queue-hooks.js';

async function escalatedToPiotr() {
  const services = createDeskServices(createDeskClient(deskWith({})), { clock: manualClock(), storage: memoryStorage() });
  const wrapper = ({ children }: { children: ReactNode }) => <DeskServicesProvider services={services}>{children}</DeskServicesProvider>;
  let renders = 0;
  const hook = renderHook(
    () => {
      renders++;
      return useEscalatedToMe(people.piotr.userId);
    },
    { wrapper },
  );
  // The hook asks the desk for the agent's escalations (none) when it mounts; the test's lists come after.
  await waitFor(() => expect(services.escalations.getState().status).toBe('ready'));
  return { services, hook, renders: () => renders };
}

describe('the tickets escalated to the agent', () => {
  it('are those paging them or held by them', async () => {
    const { services, hook } = await escalatedToPiotr();
    const paging = makeEscalation({ id: 'e1', ticketId: 't-paging' });
    const held = makeEscalation({ id: 'e2', ticketId: 't-held', state: 'acknowledged', acknowledgedBy: { userId: people.piotr.userId, name: 'Piotr Zieliński' } });
    const someoneElses = makeEscalation({ id: 'e3', ticketId: 't-other', paged: [people.sam] });
    await act(async () => services.escalations.setState({ status: 'ready', mine: [paging, held, someoneElses] }));
    expect([...hook.result.current].sort()).toEqual(['t-held', 't-paging']);
  });

  it('redraw the queue only when the tickets change, not with every new list of escalations', async () => {
    const { services, hook, renders } = await escalatedToPiotr();
    const paging = makeEscalation({ id: 'e1', ticketId: 't-paging' });
    await act(async () => services.escalations.setState({ status: 'ready', mine: [paging] }));
    const before = { set: hook.result.current, renders: renders() };

    // Another page of the same escalation, and someone else's escalation: a new list, the same tickets.
    await act(async () => services.escalations.setState({ mine: [{ ...paging, pages: [...paging.pages, { ...paging.pages[0]!, level: 2 }] }, makeEscalation({ id: 'e3', ticketId: 't-other', paged: [people.sam] })] }));
    expect(renders()).toBe(before.renders);
    expect(hook.result.current).toBe(before.set);

    await act(async () => services.escalations.setState({ mine: [] }));
    expect(renders()).toBe(before.renders + 1);
    expect(hook.result.current.size).toBe(0);
  });
});
