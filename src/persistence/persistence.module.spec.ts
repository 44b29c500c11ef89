import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import mongoose from 'mongoose';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { MongoHealth } from './mongo/mongo-connection';
import { MongoMembershipRepository } from './mongo/mongo-membership.repository';
import { MongoMessageRepository } from './mongo/mongo-message.repository';
import { MongoRoomRepository } from './mongo/mongo-room.repository';
import { MongoUserRepository } from './mongo/mongo-user.repository';
import { PersistenceModule } from './persistence.module';
import { MembershipRepository, MessageRepository, RoomRepository, StoreHealth, UserRepository } from './ports';

describe(PersistenceModule.name, () => {
  it('binds every port to its MongoDB adapter when MONGODB_URI is set (offline: a connection that never connects)', async () => {
    const config = Object.assign(new AppConfig(), { mongodbUri: 'mongodb://127.0.0.1:1/chat' });
    const sut = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(config)] })
      .overrideProvider(getConnectionToken())
      .useValue(mongoose.createConnection())
      .compile();
    expect(sut.get(UserRepository)).toBeInstanceOf(MongoUserRepository);
    expect(sut.get(RoomRepository)).toBeInstanceOf(MongoRoomRepository);
    expect(sut.get(MembershipRepository)).toBeInstanceOf(MongoMembershipRepository);
    expect(sut.get(MessageRepository)).toBeInstanceOf(MongoMessageRepository);
    expect(sut.get(StoreHealth)).toBeInstanceOf(MongoHealth);
    await expect(sut.get(StoreHealth).ping()).rejects.toThrow('not connected');
  });
});
