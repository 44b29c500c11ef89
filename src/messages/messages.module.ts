import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommonWsModule } from '../common/ws/common-ws.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RoomsModule } from '../rooms/rooms.module';
import { AcceptedMessages } from './accepted-messages';
import { DeliveryShutdown } from './delivery-shutdown';
import { DurableDelivery } from './durable-delivery';
import { MessagePersistenceListener } from './listeners/message-persistence.listener';
import { MessageDelivery } from './message-delivery';
import { MessagePipeline } from './message-pipeline.service';
import { MessageWriteQueue } from './message-write-queue';
import { MessagesController } from './messages.controller';
import { RateLimiter } from './rate-limiter.service';
import { ResendAnswers } from './resend-answers';
import { UnsavedAcrossNodes } from './unsaved-across-nodes';
import { UnsavedMessages } from './unsaved-messages';

/** The one delivery pipeline, used by direct messages and channels alike. */
@Module({
  imports: [AuthModule, CommonWsModule, MetricsModule, RoomsModule],
  controllers: [MessagesController],
  providers: [
    MessagePipeline,
    AcceptedMessages,
    RateLimiter,
    MessageWriteQueue,
    MessageDelivery,
    MessagePersistenceListener,
    DeliveryShutdown,
    UnsavedMessages,
    UnsavedAcrossNodes,
    ResendAnswers,
    DurableDelivery,
  ],
  exports: [MessagePipeline, UnsavedMessages, UnsavedAcrossNodes],
})
export class MessagesModule {}
