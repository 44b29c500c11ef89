import { Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service';
import { SlowConsumerSweeper } from './slow-consumer.sweeper';
import { WsShutdownGate } from './ws-shutdown-gate';

@Module({ providers: [RealtimeService, SlowConsumerSweeper, WsShutdownGate], exports: [RealtimeService, WsShutdownGate] })
export class CommonWsModule {}
