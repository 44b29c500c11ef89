import { Global, Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module';
import { InMemoryPresenceService } from './in-memory-presence.service';
import { PresenceGateway } from './presence.gateway';
import { PresenceService } from './presence.service';

/** Global so room and channel services can mark members online without importing the gateway. */
@Global()
@Module({
  imports: [RoomsModule],
  providers: [PresenceGateway, { provide: PresenceService, useClass: InMemoryPresenceService }],
  exports: [PresenceService],
})
export class PresenceModule {}
