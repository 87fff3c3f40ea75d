// Typed errors of the routing engine. `code` follows Amazon Connect's exception names so the CCP emulator
// can hand them to amazon-connect-streams as the real service would.

export type EngineErrorCode =
  | 'ResourceNotFoundException'
  | 'InvalidParameterException'
  | 'InvalidStateException'
  | 'AccessDeniedException';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export const notFound = (what: string, id: string) => new EngineError('ResourceNotFoundException', `${what} ${id} does not exist`);
export const invalidState = (message: string) => new EngineError('InvalidStateException', message);
export const invalidParameter = (message: string) => new EngineError('InvalidParameterException', message);
