import type { Server as SocketServer, Socket } from 'socket.io';
import type { User } from '../../shared/domain/people.js';
import { TicketPresenceUpdateSchema, ticketPresenceSocketEvents, type TicketPresence, type TicketViewer } from '../../shared/desk-api/ticket-presence-methods.js';
import type { ServerContext } from '../context.js';
import { seesTicket, visibleQueueIds } from '../people/visibility.js';
import { answer, SocketRefusal } from '../sync/socket.js';

const room = (ticketId: string) => `ticket:${ticketId}`;

/**
 * "Olga is viewing / replying": which agents have a ticket open, kept in memory only (it is over when
 * they close it, go offline or the server restarts) and told to the ticket's room, which only a
 * console allowed to see the ticket may join. Per socket, so an agent with two consoles stays on the
 * ticket until both leave it.
 */
export function attachTicketPresence(io: SocketServer, { db }: Pick<ServerContext, 'db'>): void {
  const onTicket = new Map<string, Map<string, TicketViewer>>();
  const ticketOf = new Map<string, string>();

  function viewersOf(ticketId: string): TicketViewer[] {
    const byUser = new Map<string, TicketViewer>();
    for (const viewer of onTicket.get(ticketId)?.values() ?? []) {
      const seen = byUser.get(viewer.userId);
      byUser.set(viewer.userId, { ...viewer, replying: viewer.replying || (seen?.replying ?? false) });
    }
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  function publish(ticketId: string): void {
    const presence: TicketPresence = { ticketId, viewers: viewersOf(ticketId) };
    io.to(room(ticketId)).emit(ticketPresenceSocketEvents.changed, presence);
  }

  function leave(socket: Socket): void {
    const ticketId = ticketOf.get(socket.id);
    if (ticketId === undefined) return;
    ticketOf.delete(socket.id);
    const sockets = onTicket.get(ticketId);
    sockets?.delete(socket.id);
    if (sockets?.size === 0) onTicket.delete(ticketId);
    void socket.leave(room(ticketId));
    publish(ticketId);
  }

  io.on('connection', (socket) => {
    const user = (socket.data as { user?: User }).user;
    if (!user) return;
    socket.on(ticketPresenceSocketEvents.set, (raw: unknown, ack: unknown) =>
      answer(raw, ack, TicketPresenceUpdateSchema, async ({ ticketId, replying }) => {
        if (ticketId === null) {
          leave(socket);
          return {};
        }
        const ticket = await db.selectFrom('tickets').select(['queue_id', 'assignee_id']).where('id', '=', ticketId).executeTakeFirst();
        if (!ticket || !seesTicket(user, await visibleQueueIds(db, user), ticket)) throw new SocketRefusal('not_found', `ticketId: no ticket ${ticketId} in your queues`);
        if (ticketOf.get(socket.id) !== ticketId) leave(socket);
        ticketOf.set(socket.id, ticketId);
        const sockets = onTicket.get(ticketId) ?? new Map<string, TicketViewer>();
        onTicket.set(ticketId, sockets);
        const before = sockets.get(socket.id);
        sockets.set(socket.id, { userId: user.id, name: user.name, replying });
        await socket.join(room(ticketId));
        if (before?.replying !== replying || !before) publish(ticketId);
        return {};
      }),
    );
    socket.on('disconnect', () => leave(socket));
  });
}
