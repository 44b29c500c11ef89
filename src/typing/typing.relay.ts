import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../common/ws/realtime.service';
import { TypingSignal, userChannel } from '../common/ws/server-events';

/** Where TypingService's decisions go; a port so the state machine is tested without sockets. */
export abstract class TypingRelay {
  abstract send(signal: TypingSignal): void;
}

/** `userTyping` to every socket subscribed to the room except the typer's own (all tabs). */
@Injectable()
export class SocketTypingRelay extends TypingRelay {
  constructor(private readonly realtime: RealtimeService) {
    super();
  }

  send(signal: TypingSignal): void {
    this.realtime.to({ roomIds: [signal.roomId] }).except(userChannel(signal.userId)).emit('userTyping', signal);
  }
}
