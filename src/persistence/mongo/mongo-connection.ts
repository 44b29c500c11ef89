import { Injectable } from '@nestjs/common';
import { InjectConnection, MongooseModuleOptions } from '@nestjs/mongoose';
import mongoose, { Connection } from 'mongoose';
import { StoreHealth } from '../ports';

const SERVER_SELECTION_TIMEOUT_MS = 5000;

/** Fail fast: @nestjs/mongoose would otherwise retry for minutes, and mongoose would buffer queries forever. */
export function mongooseOptions(): MongooseModuleOptions {
  return { retryAttempts: 1, retryDelay: 1000, serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS, bufferCommands: false };
}

/** The URI's hosts, with any credentials left out: safe for logs. */
export function describeMongoUri(uri: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/)(?:[^@/]*@)?([^/?]*)/.exec(uri);
  return match ? `${match[1]}${match[2]}` : 'an invalid MongoDB URI';
}

/** Connects once before the app starts, so an unreachable server is one clear line, not a stack of retries. */
export async function checkMongoReachable(uri: string): Promise<void> {
  const conn = mongoose.createConnection(uri, { serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS });
  try {
    await conn.asPromise();
    await conn.db!.admin().ping();
  } catch (err) {
    throw new Error(`Cannot reach MongoDB at ${describeMongoUri(uri)}: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await conn.close().catch(() => undefined);
  }
}

@Injectable()
export class MongoHealth extends StoreHealth {
  constructor(@InjectConnection() private readonly connection: Connection) {
    super();
  }

  async ping(): Promise<void> {
    if (!this.connection.db) throw new Error('MongoDB is not connected');
    await this.connection.db.admin().ping();
  }
}
