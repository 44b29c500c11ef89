import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MessagesModule } from '../messages/messages.module';
import { RoomsModule } from '../rooms/rooms.module';
import { DirectMessagesController } from './direct-messages.controller';
import { DirectMessagesGateway } from './direct-messages.gateway';

@Module({
  imports: [AuthModule, RoomsModule, MessagesModule],
  controllers: [DirectMessagesController],
  providers: [DirectMessagesGateway],
})
export class DirectMessagesModule {}
