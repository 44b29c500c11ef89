import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BlockList } from './block-list.service';
import { BlocksController } from './blocks.controller';

/** Blocking (issue 12): the REST routes and the BlockList that rooms, channels and the send path ask. */
@Module({
  imports: [AuthModule],
  controllers: [BlocksController],
  providers: [BlockList],
  exports: [BlockList],
})
export class BlocksModule {}
