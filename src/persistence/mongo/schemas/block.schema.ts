import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One user blocking another (issue 12); the blocker's list is read whole, through the unique index. */
@Schema({ collection: 'blocks', versionKey: false })
export class BlockDoc {
  @Prop({ required: true }) blockerId: string;
  @Prop({ required: true }) blockedId: string;
  @Prop({ required: true }) createdAt: Date;
}

export const BlockSchema = SchemaFactory.createForClass(BlockDoc);
BlockSchema.index({ blockerId: 1, blockedId: 1 }, { unique: true, name: 'block_unique' });
