import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'rooms', versionKey: false })
export class RoomDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true, enum: ['direct', 'channel'] }) kind: 'direct' | 'channel';
  @Prop({ type: String, default: null, maxlength: 80 }) name: string | null;
  /** Lower-cased name of a public channel: unique among them. */
  @Prop({ type: String }) nameKey?: string;
  @Prop({ type: String, default: null, maxlength: 500 }) description: string | null;
  @Prop({ required: true }) isPrivate: boolean;
  /** "a:b" with sorted user ids: the one direct room of two users. */
  @Prop({ type: String }) directKey?: string;
  @Prop({ required: true }) createdAt: Date;
}

export const RoomSchema = SchemaFactory.createForClass(RoomDoc);
RoomSchema.index({ directKey: 1 }, { unique: true, partialFilterExpression: { directKey: { $type: 'string' } }, name: 'direct_pair_unique' });
RoomSchema.index({ nameKey: 1 }, { unique: true, partialFilterExpression: { nameKey: { $type: 'string' } }, name: 'public_channel_name_unique' });
RoomSchema.index({ kind: 1, isPrivate: 1, _id: 1 }, { name: 'channel_listing' });
