import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { codePointLength } from '../../../common/dto/text-length';

// mongoose's maxlength counts UTF-16 units; the API's limits are in code points.
const atMostCodePoints = (max: number) => ({ validator: (v: string | null) => v === null || codePointLength(v) <= max, message: `at most ${max} characters` });

@Schema({ collection: 'rooms', versionKey: false })
export class RoomDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true, enum: ['direct', 'channel'] }) kind: 'direct' | 'channel';
  @Prop({ type: String, default: null, validate: atMostCodePoints(80) }) name: string | null;
  /** Lower-cased name of a public channel: unique among them. */
  @Prop({ type: String }) nameKey?: string;
  @Prop({ type: String, default: null, validate: atMostCodePoints(500) }) description: string | null;
  @Prop({ required: true }) isPrivate: boolean;
  /** "a:b" with sorted user ids: the one direct room of two users. */
  @Prop({ type: String }) directKey?: string;
  @Prop({ required: true }) createdAt: Date;
  /** The newest saved message's createdAt: orders a user's room list without reading messages. */
  @Prop({ type: Date }) lastMessageAt?: Date;
}

export const RoomSchema = SchemaFactory.createForClass(RoomDoc);
RoomSchema.index({ directKey: 1 }, { unique: true, partialFilterExpression: { directKey: { $type: 'string' } }, name: 'direct_pair_unique' });
RoomSchema.index({ nameKey: 1 }, { unique: true, partialFilterExpression: { nameKey: { $type: 'string' } }, name: 'public_channel_name_unique' });
RoomSchema.index({ kind: 1, isPrivate: 1, _id: 1 }, { name: 'channel_listing' });
