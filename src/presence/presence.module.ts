import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { RoomsModule } from '../rooms/rooms.module';
import { PresenceStateModule } from './presence-state.module';
import { PresenceGateway } from './presence.gateway';
import { SocketQuota } from './socket-quota';
import { SocketRooms } from './socket-rooms';

/** The connection lifecycle (handshake, subscriptions, presence events) on top of the presence state. */
@Module({
  imports: [AuthModule, CommonWsModule, MetricsModule, PresenceStateModule, ReceiptsModule, RoomsModule],
  providers: [PresenceGateway, SocketQuota, SocketRooms],
})
export class PresenceModule {}
