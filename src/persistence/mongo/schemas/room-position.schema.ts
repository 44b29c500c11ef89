import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A room's durable position reservation (DESIGN.md 5.10): seqs are handed out only up to `reserved`. */
@Schema({ collection: 'room_positions', versionKey: false })
export class RoomPositionDoc {
  /** The room id. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true, min: 0 }) reserved: number;
}

export const RoomPositionSchema = SchemaFactory.createForClass(RoomPositionDoc);
