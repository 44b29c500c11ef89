import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'messages', versionKey: false })
export class MessageDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) roomId: string;
  @Prop({ required: true, min: 1 }) seq: number;
  /** The position of the last change (DESIGN.md 10); seq until the message changes. */
  @Prop({ required: true, min: 1 }) rev: number;
  @Prop({ required: true }) senderId: string;
  @Prop({ required: true, minlength: 1 }) body: string;
  @Prop({ required: true, minlength: 1, maxlength: 128 }) tempId: string;
  @Prop({ required: true }) createdAt: Date;
}

export const MessageSchema = SchemaFactory.createForClass(MessageDoc);
MessageSchema.index({ roomId: 1, seq: 1 }, { unique: true, name: 'room_seq_unique' });
MessageSchema.index({ roomId: 1, senderId: 1, tempId: 1 }, { unique: true, partialFilterExpression: { tempId: { $type: 'string' } }, name: 'idempotency_unique' });
MessageSchema.index({ roomId: 1, seq: -1 }, { name: 'history' });
MessageSchema.index({ roomId: 1, rev: 1 }, { name: 'stream' });
