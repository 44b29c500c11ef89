import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { RoomsModule } from '../rooms/rooms.module';
import { DirectMessagesController } from './direct-messages.controller';
import { DirectMessagesGateway } from './direct-messages.gateway';

@Module({
  imports: [RoomsModule, MessagesModule],
  controllers: [DirectMessagesController],
  providers: [DirectMessagesGateway],
})
export class DirectMessagesModule {}
