import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthModule } from './auth/auth.module';
import { ChannelsModule } from './channels/channels.module';
import { ClusterModule } from './cluster/cluster.module';
import { EventBudgetModule } from './common/rate-limit/event-budget.module';
import { CommonWsModule } from './common/ws/common-ws.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DirectMessagesModule } from './direct-messages/direct-messages.module';
import { HealthModule } from './health/health.module';
import { MessagesModule } from './messages/messages.module';
import { MetricsModule } from './metrics/metrics.module';
import { PersistenceModule } from './persistence/persistence.module';
import { PresenceModule } from './presence/presence.module';
import { ReceiptsModule } from './receipts/receipts.module';
import { RoomsModule } from './rooms/rooms.module';
import { TimelineModule } from './timeline/timeline.module';
import { TypingModule } from './typing/typing.module';

@Module({})
export class AppModule {
  /** The whole application for one validated configuration (tests build theirs). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventEmitterModule.forRoot(),
        CommonWsModule,
        EventBudgetModule,
        MetricsModule,
        PersistenceModule.forRoot(config),
        ClusterModule.forRoot(config),
        AuthModule,
        PresenceModule,
        RoomsModule,
        MessagesModule,
        DirectMessagesModule,
        ChannelsModule,
        ReceiptsModule,
        TimelineModule,
        TypingModule,
        HealthModule,
      ],
    };
  }
}
