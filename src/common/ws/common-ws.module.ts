import { Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service';
import { SlowConsumerSweeper } from './slow-consumer.sweeper';

@Module({ providers: [RealtimeService, SlowConsumerSweeper], exports: [RealtimeService] })
export class CommonWsModule {}
