import { Module } from '@nestjs/common';
import { RoomAccess } from './room-access.service';
import { RoomsController } from './rooms.controller';
import { RoomsGateway } from './rooms.gateway';
import { RoomsService } from './rooms.service';

@Module({
  controllers: [RoomsController],
  providers: [RoomsService, RoomAccess, RoomsGateway],
  exports: [RoomsService, RoomAccess],
})
export class RoomsModule {}
