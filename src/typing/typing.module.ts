import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { RoomsModule } from '../rooms/rooms.module';
import { TypingEndListener } from './listeners/typing-end.listener';
import { TypingGateway } from './typing.gateway';
import { SocketTypingRelay, TypingRelay } from './typing.relay';
import { Clock, systemClock, TypingService } from './typing.service';

/** Typing indicators: ephemeral, per user and room, never stored. */
@Module({
  imports: [AuthModule, CommonWsModule, RoomsModule],
  providers: [
    TypingService,
    TypingGateway,
    TypingEndListener,
    { provide: TypingRelay, useClass: SocketTypingRelay },
    { provide: Clock, useValue: systemClock },
  ],
})
export class TypingModule {}
