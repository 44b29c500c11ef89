import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig } from '../config/app-config';
import { MongoBlockRepository } from './mongo/mongo-block.repository';
import { MongoHealth, mongooseOptions } from './mongo/mongo-connection';
import { MongoMembershipRepository } from './mongo/mongo-membership.repository';
import { MongoMessageRepository } from './mongo/mongo-message.repository';
import { MongoRoomRepository } from './mongo/mongo-room.repository';
import { MongoUserRepository } from './mongo/mongo-user.repository';
import { BlockDoc, BlockSchema } from './mongo/schemas/block.schema';
import { MembershipDoc, MembershipSchema } from './mongo/schemas/membership.schema';
import { MessageDoc, MessageSchema } from './mongo/schemas/message.schema';
import { RoomPositionDoc, RoomPositionSchema } from './mongo/schemas/room-position.schema';
import { RoomDoc, RoomSchema } from './mongo/schemas/room.schema';
import { UserDoc, UserSchema } from './mongo/schemas/user.schema';
import { BlockRepository, MembershipRepository, MessageRepository, RoomRepository, StoreHealth, UserRepository } from './ports';
import { SqliteBlockRepository } from './sqlite/sqlite-block.repository';
import { SqliteConnection } from './sqlite/sqlite-connection';
import { SqliteMembershipRepository } from './sqlite/sqlite-membership.repository';
import { SqliteMessageRepository } from './sqlite/sqlite-message.repository';
import { SqliteRoomRepository } from './sqlite/sqlite-room.repository';
import { SqliteUserRepository } from './sqlite/sqlite-user.repository';
import { guardRepositories } from './store-guard';

const PORTS = [StoreHealth, UserRepository, RoomRepository, MembershipRepository, MessageRepository, BlockRepository];

const sqlite: Provider[] = [
  SqliteConnection,
  { provide: StoreHealth, useExisting: SqliteConnection },
  { provide: UserRepository, useClass: SqliteUserRepository },
  { provide: RoomRepository, useClass: SqliteRoomRepository },
  { provide: MembershipRepository, useClass: SqliteMembershipRepository },
  { provide: MessageRepository, useClass: SqliteMessageRepository },
  { provide: BlockRepository, useClass: SqliteBlockRepository },
];

const mongo: Provider[] = [
  { provide: StoreHealth, useClass: MongoHealth },
  { provide: UserRepository, useClass: MongoUserRepository },
  { provide: RoomRepository, useClass: MongoRoomRepository },
  { provide: MembershipRepository, useClass: MongoMembershipRepository },
  { provide: MessageRepository, useClass: MongoMessageRepository },
  { provide: BlockRepository, useClass: MongoBlockRepository },
];

/**
 * Binds every repository port to one adapter: MongoDB when MONGODB_URI is set, else embedded
 * SQLite. Global on purpose: forRoot() opens the one store connection; a feature module
 * importing it again would open a second.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.mongodbUri) return { module: PersistenceModule, providers: guardRepositories(sqlite), exports: PORTS };
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRoot(config.mongodbUri, mongooseOptions()),
        MongooseModule.forFeature([
          { name: UserDoc.name, schema: UserSchema },
          { name: RoomDoc.name, schema: RoomSchema },
          { name: MembershipDoc.name, schema: MembershipSchema },
          { name: MessageDoc.name, schema: MessageSchema },
          { name: RoomPositionDoc.name, schema: RoomPositionSchema },
          { name: BlockDoc.name, schema: BlockSchema },
        ]),
      ],
      providers: guardRepositories(mongo),
      exports: PORTS,
    };
  }
}
