/**
 * Kept free of zod so the sandboxed preload (which may require nothing but electron) and the web
 * bridge can share these definitions without bundling the schemas.
 */
export const deskErrorCodes = ['invalid_input', 'unauthorized', 'not_found', 'unavailable', 'internal'] as const;
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
