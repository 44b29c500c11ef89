import { Global, Module } from '@nestjs/common';
import { MembershipRepository, MessageRepository, RoomRepository, StoreHealth, UserRepository } from './ports';
import { SqliteConnection } from './sqlite/sqlite-connection';
import { SqliteMembershipRepository } from './sqlite/sqlite-membership.repository';
import { SqliteMessageRepository } from './sqlite/sqlite-message.repository';
import { SqliteRoomRepository } from './sqlite/sqlite-room.repository';
import { SqliteUserRepository } from './sqlite/sqlite-user.repository';

/** Binds every repository port to its adapter. SQLite is the embedded default. */
@Global()
@Module({
  providers: [
    SqliteConnection,
    { provide: StoreHealth, useExisting: SqliteConnection },
    { provide: UserRepository, useClass: SqliteUserRepository },
    { provide: RoomRepository, useClass: SqliteRoomRepository },
    { provide: MembershipRepository, useClass: SqliteMembershipRepository },
    { provide: MessageRepository, useClass: SqliteMessageRepository },
  ],
  exports: [StoreHealth, UserRepository, RoomRepository, MembershipRepository, MessageRepository],
})
export class PersistenceModule {}
