import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BlocksModule } from '../blocks/blocks.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { MembershipSync } from './listeners/membership-sync.listener';
import { MembershipChanges } from './membership-changes';
import { RoomAccess } from './room-access.service';
import { RoomsController } from './rooms.controller';
import { RoomsGateway } from './rooms.gateway';
import { RoomsService } from './rooms.service';

@Module({
  imports: [AuthModule, BlocksModule, CommonWsModule],
  controllers: [RoomsController],
  providers: [RoomsService, RoomAccess, RoomsGateway, MembershipChanges, MembershipSync],
  exports: [BlocksModule, RoomsService, RoomAccess, MembershipChanges, MembershipSync],
})
export class RoomsModule {}
