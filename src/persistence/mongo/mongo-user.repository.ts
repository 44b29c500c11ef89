import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { User, UserCredentials, UserSummary } from '../models';
import { newObjectId } from '../object-id';
import { DuplicateKeyError, UserRepository } from '../ports';
import { toUser } from './mongo-mappers';
import { containsRegex, isDuplicateKey } from './mongo-queries';
import { UserDoc } from './schemas/user.schema';

@Injectable()
export class MongoUserRepository extends UserRepository {
  constructor(@InjectModel(UserDoc.name) private readonly users: Model<UserDoc>) {
    super();
  }

  async create(input: { username: string; email: string; passwordHash: string }): Promise<User> {
    const doc: UserDoc = { _id: newObjectId(), ...input, email: input.email.toLowerCase(), usernameKey: input.username.toLowerCase(), createdAt: new Date() };
    try {
      await this.users.create(doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw new DuplicateKeyError(err.keyPattern?.email ? 'email' : 'username');
      throw err;
    }
    return toUser(doc);
  }

  async findById(id: string): Promise<User | null> {
    const doc = await this.users.findById(id).lean<UserDoc>();
    return doc ? toUser(doc) : null;
  }

  async findCredentials(username: string): Promise<UserCredentials | null> {
    const doc = await this.users.findOne({ usernameKey: username.toLowerCase() }).lean<UserDoc>();
    return doc ? { ...toUser(doc), passwordHash: doc.passwordHash } : null;
  }

  async search(query: string, limit: number): Promise<UserSummary[]> {
    const docs = await this.users.find({ username: containsRegex(query) }, { username: 1 }).sort({ usernameKey: 1 }).limit(limit).lean<UserDoc[]>();
    return docs.map((d) => ({ id: d._id, username: d.username }));
  }
}
