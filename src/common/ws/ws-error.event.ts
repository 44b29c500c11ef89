import { ErrorCode } from '../errors/app-error';

/** A WS handler answered with an error; raised so common/ needs no metrics module to count it. */
export class WsErrorEvent {
  static readonly eventName = 'ws.error';

  constructor(
    readonly event: string,
    readonly code: ErrorCode,
  ) {}
}
