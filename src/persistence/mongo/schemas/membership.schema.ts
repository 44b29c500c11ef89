import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'memberships', versionKey: false })
export class MembershipDoc {
  @Prop({ required: true }) roomId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true, enum: ['owner', 'admin', 'member'], default: 'member' }) role: 'owner' | 'admin' | 'member';
  @Prop({ required: true, default: 0, min: 0 }) lastReadSeq: number;
  @Prop({ required: true }) joinedAt: Date;
}

export const MembershipSchema = SchemaFactory.createForClass(MembershipDoc);
MembershipSchema.index({ roomId: 1, userId: 1 }, { unique: true, name: 'member_unique' });
MembershipSchema.index({ userId: 1, roomId: 1 }, { name: 'rooms_of_user' });
MembershipSchema.index({ roomId: 1, joinedAt: 1, userId: 1 }, { name: 'members_by_join' });
