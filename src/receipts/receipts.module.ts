import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { MessagesModule } from '../messages/messages.module';
import { RoomsModule } from '../rooms/rooms.module';
import { ReadMarkers } from './read-markers.service';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsGateway } from './receipts.gateway';
import { RoomCounters } from './room-counters';

/** Read markers, receipts and the per-room counters of `ready` (they read room positions, hence MessagesModule). */
@Module({
  imports: [AuthModule, CommonWsModule, MessagesModule, RoomsModule],
  controllers: [ReceiptsController],
  providers: [ReadMarkers, ReceiptsGateway, RoomCounters],
  exports: [RoomCounters],
})
export class ReceiptsModule {}
