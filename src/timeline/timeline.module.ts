import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MessagesModule } from '../messages/messages.module';
import { RoomsModule } from '../rooms/rooms.module';
import { TimelineGateway } from './timeline.gateway';
import { TimelineService } from './timeline.service';

/** The room stream: catch-up with `sync`. */
@Module({
  imports: [AuthModule, RoomsModule, MessagesModule],
  providers: [TimelineService, TimelineGateway],
})
export class TimelineModule {}
