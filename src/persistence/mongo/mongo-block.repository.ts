import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BlockRepository } from '../ports';
import { BlockDoc } from './schemas/block.schema';

@Injectable()
export class MongoBlockRepository extends BlockRepository {
  constructor(@InjectModel(BlockDoc.name) private readonly blocks: Model<BlockDoc>) {
    super();
  }

  async block(blockerId: string, blockedId: string): Promise<boolean> {
    // An upsert, so two concurrent blocks of the same pair store one and report one creation.
    const result = await this.blocks.updateOne({ blockerId, blockedId }, { $setOnInsert: { createdAt: new Date() } }, { upsert: true });
    return result.upsertedCount > 0;
  }

  async unblock(blockerId: string, blockedId: string): Promise<boolean> {
    return (await this.blocks.deleteOne({ blockerId, blockedId })).deletedCount > 0;
  }

  async blockedBy(blockerId: string): Promise<string[]> {
    const docs = await this.blocks.find({ blockerId }, { blockedId: 1 }).sort({ createdAt: 1, blockedId: 1 }).lean<BlockDoc[]>();
    return docs.map((d) => d.blockedId);
  }
}
