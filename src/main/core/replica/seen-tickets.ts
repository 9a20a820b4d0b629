/**
 * The tickets as this console shows them, for SQL over the replica: the overlay's row where this
 * console has changes the server has not confirmed yet, the server's row otherwise. In the FROM
 * clause `t` is the tickets table and `o` the overlay.
 */
export const seenTickets = 'tickets t LEFT JOIN overlay_tickets o ON o.id = t.id';
export const seenRow = 'COALESCE(o.row, t.row)';
