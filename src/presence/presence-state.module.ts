import { Module } from '@nestjs/common';
import { InMemoryPresenceService } from './in-memory-presence.service';
import { PresenceService } from './presence.service';

/** Who is online where: the state alone, so rooms and channels can use it without the gateway. */
@Module({
  providers: [{ provide: PresenceService, useClass: InMemoryPresenceService }],
  exports: [PresenceService],
})
export class PresenceStateModule {}
