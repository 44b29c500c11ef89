import { AppConfig } from '../../src/config/app-config';
import { SqliteBlockRepository } from '../../src/persistence/sqlite/sqlite-block.repository';
import { SqliteConnection } from '../../src/persistence/sqlite/sqlite-connection';
import { SqliteMembershipRepository } from '../../src/persistence/sqlite/sqlite-membership.repository';
import { SqliteMessageRepository } from '../../src/persistence/sqlite/sqlite-message.repository';
import { SqliteRoomRepository } from '../../src/persistence/sqlite/sqlite-room.repository';
import { SqliteUserRepository } from '../../src/persistence/sqlite/sqlite-user.repository';
import { tempDbPath } from '../support/harness';
import { describeRepositoryContract } from './repository-contract';

describeRepositoryContract('SQLite', async () => {
  const conn = new SqliteConnection(Object.assign(new AppConfig(), { sqlitePath: tempDbPath() }));
  return {
    users: new SqliteUserRepository(conn),
    rooms: new SqliteRoomRepository(conn),
    memberships: new SqliteMembershipRepository(conn),
    messages: new SqliteMessageRepository(conn),
    blocks: new SqliteBlockRepository(conn),
    close: async () => conn.onApplicationShutdown(),
  };
});
