import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { MongoBlockRepository } from '../../src/persistence/mongo/mongo-block.repository';
import { MongoMembershipRepository } from '../../src/persistence/mongo/mongo-membership.repository';
import { MongoMessageRepository } from '../../src/persistence/mongo/mongo-message.repository';
import { MongoRoomRepository } from '../../src/persistence/mongo/mongo-room.repository';
import { MongoUserRepository } from '../../src/persistence/mongo/mongo-user.repository';
import { BlockDoc, BlockSchema } from '../../src/persistence/mongo/schemas/block.schema';
import { MembershipDoc, MembershipSchema } from '../../src/persistence/mongo/schemas/membership.schema';
import { MessageDoc, MessageSchema } from '../../src/persistence/mongo/schemas/message.schema';
import { RoomDoc, RoomSchema } from '../../src/persistence/mongo/schemas/room.schema';
import { RoomPositionDoc, RoomPositionSchema } from '../../src/persistence/mongo/schemas/room-position.schema';
import { UserDoc, UserSchema } from '../../src/persistence/mongo/schemas/user.schema';
import { describeRepositoryContract } from './repository-contract';

/** Where a MongoDB can come from here, or why none can (then the suite is skipped, saying so). */
function mongoSource(): { uri: string } | { memoryServer: true } | { skip: string } {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI };
  const caches = [join(homedir(), '.cache', 'mongodb-binaries'), join(__dirname, '..', '..', 'node_modules', '.cache', 'mongodb-memory-server')];
  const cachedBinary = caches.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('mongod')));
  if (process.env.MONGOMS_SYSTEM_BINARY || process.env.CHAT_TEST_MONGO_DOWNLOAD === '1' || cachedBinary) return { memoryServer: true };
  return {
    skip: 'MONGODB_URI is not set and mongodb-memory-server has no mongod binary on this machine (MongoDB is not in Debian and its download host is unreachable); set MONGODB_URI, MONGOMS_SYSTEM_BINARY, or CHAT_TEST_MONGO_DOWNLOAD=1 to run it',
  };
}

const source = mongoSource();

const skipReason = 'skip' in source ? source.skip : undefined;
if (skipReason) process.stdout.write(`\nMongoDB contract suite skipped: ${skipReason}\n`);

describeRepositoryContract('MongoDB', async () => {
  let stopServer = async () => undefined as unknown;
  let uri = 'uri' in source ? source.uri : '';
  if (!uri) {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await MongoMemoryServer.create();
    uri = server.getUri();
    stopServer = () => server.stop();
  }
  const conn = await mongoose.createConnection(uri, { dbName: `chat_contract_${process.pid}_${Date.now()}`, serverSelectionTimeoutMS: 5000 }).asPromise();
  const users = conn.model(UserDoc.name, UserSchema);
  const rooms = conn.model(RoomDoc.name, RoomSchema);
  const memberships = conn.model(MembershipDoc.name, MembershipSchema);
  const messages = conn.model(MessageDoc.name, MessageSchema);
  const positions = conn.model(RoomPositionDoc.name, RoomPositionSchema);
  const blocks = conn.model(BlockDoc.name, BlockSchema);
  await Promise.all([users, rooms, memberships, messages, positions, blocks].map((m) => m.syncIndexes()));
  const messageRepo = new MongoMessageRepository(messages, users, positions, rooms);
  return {
    users: new MongoUserRepository(users),
    rooms: new MongoRoomRepository(rooms, memberships, messages, users),
    memberships: new MongoMembershipRepository(memberships, users, messages),
    messages: messageRepo,
    blocks: new MongoBlockRepository(blocks),
    close: async () => {
      await conn.dropDatabase();
      await conn.close();
      await stopServer();
    },
  };
}, skipReason);
