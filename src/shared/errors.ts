/** An error that crosses the message boundary with a stable code the UI can translate. */
export class SiftError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SiftError';
  }
}
