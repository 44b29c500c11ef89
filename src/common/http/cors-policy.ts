import { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { IncomingMessage } from 'node:http';
import type { ServerOptions } from 'socket.io';

/**
 * Which browser pages may use the server: '*' any origin, otherwise the listed origins. A page
 * served from the server's own host always may, and a request without an Origin header (not a
 * browser, or not cross-origin) is never refused here: authentication is the token's job.
 */
export class CorsPolicy {
  constructor(private readonly allowed: '*' | string[]) {}

  /** For Nest's enableCors: reflect an allowed origin, add no CORS header for any other. */
  forRest(): CorsOptions {
    // Paged lists carry their continuation in these headers; a cross-origin page must be able to read them.
    return { origin: (origin, callback) => callback(null, this.listed(origin)), exposedHeaders: ['X-Next-Cursor', 'Link'] };
  }

  /**
   * CORS headers for Socket.IO's polling transport, and the same check on every handshake:
   * browsers apply no CORS to WebSockets, so without it any page could open one.
   */
  forSocketIo(): Pick<ServerOptions, 'cors' | 'allowRequest'> {
    return {
      cors: { origin: (origin, callback) => callback(null, this.listed(origin)) },
      allowRequest: (req: IncomingMessage, callback) => callback(null, this.allows(req.headers.origin, req.headers.host)),
    };
  }

  allows(origin: string | undefined, host: string | undefined): boolean {
    return !origin || this.listed(origin) || (host !== undefined && sameHost(origin, host));
  }

  private listed(origin: string | undefined): boolean {
    return this.allowed === '*' || (origin !== undefined && this.allowed.includes(origin.toLowerCase()));
  }
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
