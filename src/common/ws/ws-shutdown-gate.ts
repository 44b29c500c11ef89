import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error';

type Ack = (...args: unknown[]) => void;

/**
 * Makes a stopping server answer every event that carries an ack. Without it, an event whose
 * handler was still awaiting (or that arrived after the last flush) had its answer written
 * to a socket that the server then closed, discarding it: the client only saw a timeout.
 * ChatIoAdapter passes every event through admit(); once closed, the gate answers new
 * events SERVER.BUSY at once and waits for the handlers already running, so the flush
 * that follows carries every answer.
 */
@Injectable()
export class WsShutdownGate {
  private readonly logger = new Logger(WsShutdownGate.name);
  private closing = false;
  private received = 0;
  private answered = 0;

  /**
   * Called for every incoming event before its handler: counts one with an ack and wraps
   * the ack to count its answer. While closing, answers SERVER.BUSY itself and returns false.
   */
  admit(args: unknown[]): boolean {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return !this.closing;
    this.received++;
    const counted = (args[args.length - 1] = this.counted(ack as Ack));
    if (!this.closing) return true;
    counted({ success: false, error: new AppError('SERVER.BUSY', 'the server is shutting down', { retryAfterMs: 1000 }).toBody() });
    return false;
  }

  /** Refuses new events from now on; resolves when every running handler has answered (or the timeout passed). */
  async close(timeoutMs = 3000): Promise<void> {
    this.closing = true;
    const deadline = Date.now() + timeoutMs;
    while (this.answered < this.received && Date.now() < deadline) await sleep(5);
  }

  /** Logged once the sockets are closed, when no event can arrive any more. */
  report(): void {
    this.logger.log(`stopped: ${this.received} events with an ack received, ${this.answered} answered`);
  }

  private counted(ack: Ack): Ack {
    let done = false;
    return (...args) => {
      if (!done) this.answered++;
      done = true;
      ack(...args);
    };
  }
}
