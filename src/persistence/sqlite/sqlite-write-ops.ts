import { MemberRole, NewChannel } from '../models';

export type InsertRow = [id: string, roomId: string, seq: number, senderId: string, body: string, tempId: string, createdAt: number];
/** Per row: saved (a stored tempId answers the stored row), or refused by a constraint. */
export type InsertResult = ['saved', id: string, seq: number, createdAt: number] | ['rejected', reason: string, retryable: boolean];

export interface UserRow {
  id: string;
  username: string;
  email: string;
  password_hash: string;
  created_at: number;
}

/**
 * The op table of the writer thread (sqlite-*.ops.js), by name: what each op takes and
 * answers. Arguments and results cross the thread boundary, so they are plain data.
 */
export interface WriteOps {
  insertMessages(rows: InsertRow[]): InsertResult[];
  reserveSeq(roomId: string, size: number): number;
  releaseSeq(positions: { roomId: string; last: number; limit: number }[]): void;
  createUser(row: UserRow): void;
  findOrCreateDirect(roomId: string, key: string, userIds: string[], now: number): string;
  createChannel(roomId: string, channel: NewChannel, now: number): void;
  addMember(roomId: string, userId: string, role: MemberRole, now: number): boolean;
  removeMember(roomId: string, userId: string): boolean;
  block(blockerId: string, blockedId: string, now: number): boolean;
  unblock(blockerId: string, blockedId: string): boolean;
  markRead(roomId: string, userId: string, seq: number): { lastReadSeq: number; moved: boolean } | null;
}

export type WriteOp = keyof WriteOps;
