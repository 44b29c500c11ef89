import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { RoomsModule } from '../rooms/rooms.module';
import { OfflineAnnouncer } from './offline-announcer';
import { PresenceGateway } from './presence.gateway';
import { PresenceMetrics } from './presence.metrics';
import { PresenceRestorer } from './presence-restorer';
import { SocketRooms } from './socket-rooms';

/** The connection lifecycle (handshake, subscriptions, presence events) on top of the presence state. */
@Module({
  imports: [AuthModule, CommonWsModule, MetricsModule, ReceiptsModule, RoomsModule],
  providers: [OfflineAnnouncer, PresenceGateway, PresenceMetrics, PresenceRestorer, SocketRooms],
})
export class PresenceModule {}
