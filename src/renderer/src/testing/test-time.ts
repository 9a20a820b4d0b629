/** The instant every test starts at unless it says otherwise: Monday 10 March 2025, 04:00 in Riga. */
export const testNow = Date.parse('2025-03-10T02:00:00.000Z');
