import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { MessagesModule } from '../messages/messages.module';
import { RoomsModule } from '../rooms/rooms.module';
import { ChannelLimits } from './channel-limits';
import { ChannelsController } from './channels.controller';
import { ChannelsGateway } from './channels.gateway';
import { ChannelsService } from './channels.service';

@Module({
  imports: [AuthModule, CommonWsModule, RoomsModule, MessagesModule],
  controllers: [ChannelsController],
  providers: [ChannelsService, ChannelLimits, ChannelsGateway],
})
export class ChannelsModule {}
