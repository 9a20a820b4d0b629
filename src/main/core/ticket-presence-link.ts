import type { Socket } from 'socket.io-client';
import { TicketPresenceSchema, ticketPresenceSocketEvents, type TicketPresenceUpdate, type TicketViewer } from '../../shared/desk-api/ticket-presence-methods.js';

const SET_TIMEOUT_MS = 5000;

/**
 * This console's side of ticket presence, over the sync client's socket: says which ticket the agent
 * has open (again after every reconnect), and keeps what the server tells of the others. Nothing is
 * stored: offline the agent sees nobody, and colleagues stop seeing them.
 */
export class TicketPresenceLink {
  private socket: Socket | null = null;
  private current: TicketPresenceUpdate = { ticketId: null, replying: false };
  private viewers: { ticketId: string; viewers: TicketViewer[] } | null = null;

  constructor(
    private readonly selfId: () => string | null,
    private readonly changed: (ticketId: string, viewers: TicketViewer[]) => void,
  ) {}

  /** Handed each new socket of the sync client. */
  attach(socket: Socket): void {
    this.socket = socket;
    socket.on('connect', () => this.tell());
    socket.on('disconnect', () => {
      if (this.viewers) this.changed(this.viewers.ticketId, []);
      this.viewers = null;
    });
    socket.on(ticketPresenceSocketEvents.changed, (raw: unknown) => {
      const parsed = TicketPresenceSchema.safeParse(raw);
      // The server may still send a ticket the agent just left: only the open one counts.
      if (!parsed.success || parsed.data.ticketId !== this.current.ticketId) return;
      const others = parsed.data.viewers.filter((viewer) => viewer.userId !== this.selfId());
      this.viewers = { ticketId: parsed.data.ticketId, viewers: others };
      this.changed(parsed.data.ticketId, others);
    });
  }

  set(update: TicketPresenceUpdate): void {
    if (update.ticketId !== this.current.ticketId) this.viewers = null;
    const same = update.ticketId === this.current.ticketId && update.replying === this.current.replying;
    this.current = update;
    if (!same) this.tell();
  }

  get(ticketId: string): TicketViewer[] {
    return this.viewers?.ticketId === ticketId ? this.viewers.viewers : [];
  }

  private tell(): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    // Best effort: a refusal (a ticket no longer visible) or a timeout leaves the notice empty.
    socket.timeout(SET_TIMEOUT_MS).emitWithAck(ticketPresenceSocketEvents.set, this.current).catch(() => undefined);
  }
}
