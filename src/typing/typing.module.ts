import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { RoomsModule } from '../rooms/rooms.module';
import { AppConfig } from '../config/app-config';
import { RealtimeService } from '../common/ws/realtime.service';
import { ClusterTypingRelay } from './cluster-typing.relay';
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
    // Cluster mode mirrors typing on every node (through the adapter, no Redis state).
    { provide: TypingRelay, inject: [AppConfig, RealtimeService], useFactory: (config: AppConfig, realtime: RealtimeService) => (config.redisUrl ? new ClusterTypingRelay() : new SocketTypingRelay(realtime)) },
    { provide: Clock, useValue: systemClock },
  ],
})
export class TypingModule {}
