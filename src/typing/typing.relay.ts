import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../common/ws/realtime.service';
import { ChatServer, TypingSignal, userChannel } from '../common/ws/server-events';

/** Where TypingService's decisions go; a port so the state machine is tested without sockets. */
export abstract class TypingRelay {
  /** A decision of this node: to the room's sockets everywhere (other nodes mirror it). */
  abstract send(signal: TypingSignal): void;
  /** To this node's sockets only: other nodes reach the same decision themselves (expiry, a mirrored signal). */
  abstract deliver(signal: TypingSignal): void;
  /** Called once the server exists; `mirror` takes the other nodes' decisions (one node has none). */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  attach(server: ChatServer, mirror: (signal: TypingSignal) => void): void {}
}

/** One node: `userTyping` to every socket subscribed to the room except the typer's own (all tabs). */
@Injectable()
export class SocketTypingRelay extends TypingRelay {
  constructor(private readonly realtime: RealtimeService) {
    super();
  }

  send(signal: TypingSignal): void {
    this.realtime.to({ roomIds: [signal.roomId] }).except(userChannel(signal.userId)).emit('userTyping', signal);
  }

  deliver(signal: TypingSignal): void {
    this.send(signal);
  }
}
