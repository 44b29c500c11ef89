import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Ids are the app's 24-hex strings (ObjectId layout), stored as strings like every other id. */
@Schema({ collection: 'users', versionKey: false })
export class UserDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true, minlength: 3, maxlength: 32 }) username: string;
  /** Lower-cased username: uniqueness and look-ups ignore case, as on SQLite. */
  @Prop({ required: true }) usernameKey: string;
  @Prop({ required: true, lowercase: true }) email: string;
  @Prop({ required: true }) passwordHash: string;
  @Prop({ required: true }) createdAt: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserDoc);
UserSchema.index({ usernameKey: 1 }, { unique: true, name: 'username_unique' });
UserSchema.index({ email: 1 }, { unique: true, name: 'email_unique' });
