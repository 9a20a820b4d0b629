/**
 * Kept free of zod so the sandboxed preload (which may require nothing but electron) and the web
 * bridge can share these definitions without bundling the schemas.
 */
/** `forbidden`: signed in, but the server keeps this for another role (admin settings). */
export const deskErrorCodes = ['invalid_input', 'unauthorized', 'forbidden', 'not_found', 'unavailable', 'internal'] as const;
export type DeskErrorCode = (typeof deskErrorCodes)[number];

/** An error that crosses the bridge intact: the code for the program, the message for a person. */
export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}
