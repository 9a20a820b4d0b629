import type { Server as SocketServer } from 'socket.io';
import type { User } from '../../shared/domain/people.js';
import type { Router } from './router.js';

/**
 * Consoles on the sync socket are how the desk knows who is there: the first to connect makes its
 * agent present, the last to go starts their grace period. (The chat widget has a namespace of its
 * own and never counts.)
 */
export function watchConsoles(io: SocketServer, router: Router): void {
  io.on('connection', (socket) => {
    const user = (socket.data as { user?: User }).user;
    if (!user) return;
    void router.consoleConnected(user.id);
    socket.on('disconnect', () => void router.consoleDisconnected(user.id));
  });
}
