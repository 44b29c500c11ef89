import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { BlockList } from '../blocks/block-list.service';
import { AppError } from '../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../common/http/page-cursor';
import { RealtimeService } from '../common/ws/realtime.service';
import { ChannelPage, Member, Room, UserSummary } from '../persistence/models';
import { DuplicateKeyError, MembershipRepository, RoomRepository, UserRepository } from '../persistence/ports';
import { PresenceService } from '../presence/presence.service';
import { MembershipChanges } from '../rooms/membership-changes';
import { RoomAccess } from '../rooms/room-access.service';
import { ChannelLimits } from './channel-limits';
import { CreateChannelDto, ListChannelsQuery, ListMembersQuery } from './dto/channel.dto';

const summary = (u: UserSummary): UserSummary => ({ id: u.id, username: u.username });

/** Channel management; channel messages go through the shared MessagePipeline. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly changes: MembershipChanges,
    private readonly access: RoomAccess,
    private readonly limits: ChannelLimits,
    private readonly presence: PresenceService,
    private readonly realtime: RealtimeService,
    private readonly blocks: BlockList,
  ) {}

  async create(me: AuthenticatedUser, dto: CreateChannelDto): Promise<Room> {
    await this.limits.admitCreate(me.id, dto.memberIds ?? []);
    const memberIds = (dto.memberIds ?? []).filter((id) => id !== me.id);
    await Promise.all(memberIds.map((id) => this.assertReachable(me.id, id)));
    let channel: Room;
    try {
      channel = await this.rooms.createChannel({ name: dto.name, description: dto.description ?? null, isPrivate: dto.isPrivate ?? false, ownerId: me.id, memberIds });
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw new AppError('CHANNEL.NAME_TAKEN', `a public channel named "${dto.name}" exists`);
      throw err;
    }
    await this.changes.announce(channel.id, channel.memberIds, 'joined');
    this.realtime.to({ userIds: channel.memberIds }).emit('channelCreated', channel);
    return channel;
  }

  async list(me: AuthenticatedUser, q: ListChannelsQuery): Promise<ChannelPage & { nextCursor: string | null }> {
    const page = await this.rooms.listChannels(me.id, { search: q.search, after: q.after, limit: q.limit });
    return { ...page, nextCursor: page.hasMore ? page.channels[page.channels.length - 1].id : null };
  }

  /** Members see any channel; everyone sees a public one. */
  async get(me: AuthenticatedUser, channelId: string): Promise<Room> {
    const channel = await this.access.find(channelId, 'channel');
    if (channel.isPrivate && !channel.memberIds.includes(me.id)) throw new AppError('ROOM.NOT_MEMBER', 'this channel is private');
    return channel;
  }

  /** A page of the members, oldest first, with presence; `nextCursor` continues it (null on the last page). */
  async members(me: AuthenticatedUser, channelId: string, q: ListMembersQuery): Promise<{ members: Array<Member & { online: boolean }>; nextCursor: string | null }> {
    await this.get(me, channelId);
    const after = q.after === undefined ? undefined : decodeCursor(q.after, 'after');
    const page = await this.memberships.page(channelId, { after: after && { joinedAt: after.at, userId: after.id }, limit: q.limit });
    const last = page.members[page.members.length - 1];
    return {
      members: await Promise.all(page.members.map(async (m) => ({ ...m, online: await this.presence.isOnline(m.userId) }))),
      nextCursor: page.hasMore ? encodeCursor({ at: last.joinedAt.getTime(), id: last.userId }) : null,
    };
  }

  async join(me: AuthenticatedUser, channelId: string): Promise<Room> {
    const channel = await this.access.find(channelId, 'channel');
    if (channel.isPrivate && !channel.memberIds.includes(me.id)) throw new AppError('CHANNEL.PRIVATE', 'this channel is private: ask a member for an invitation');
    return this.addMember(channelId, summary(me));
  }

  async invite(me: AuthenticatedUser, channelId: string, userId: string): Promise<Room> {
    await this.limits.admitInvite(me.id);
    const channel = await this.access.assertMember(channelId, me.id, 'channel');
    if (channel.isPrivate) {
      const mine = (await this.memberships.list(channelId)).find((m) => m.userId === me.id);
      if (mine?.role === 'member') throw new AppError('CHANNEL.FORBIDDEN', 'only the owner or an admin may invite to a private channel');
    }
    return this.addMember(channelId, await this.assertReachable(me.id, userId), summary(me));
  }

  async leave(me: AuthenticatedUser, channelId: string): Promise<void> {
    await this.access.assertMember(channelId, me.id, 'channel');
    if (!(await this.memberships.remove(channelId, me.id))) return;
    // Announced before unsubscribing, so the leaver's other tabs hear it too.
    this.realtime.to({ roomIds: [channelId], userIds: [me.id] }).emit('channelMemberLeft', { channelId, userId: me.id });
    await this.changes.announce(channelId, [me.id], 'left');
  }

  private async addMember(channelId: string, user: UserSummary, invitedBy?: UserSummary): Promise<Room> {
    if (!(await this.memberships.add(channelId, user.id, 'member'))) return this.access.find(channelId);
    await this.changes.announce(channelId, [user.id], 'joined');
    const channel = await this.access.find(channelId);
    this.realtime.to({ roomIds: [channelId] }).emit('channelMemberJoined', { channelId, user, ...(invitedBy && { invitedBy }) });
    return channel;
  }

  private async assertReachable(actorId: string, userId: string): Promise<UserSummary> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('USER.NOT_FOUND', `no user ${userId}`);
    await this.blocks.assertNotBlockedBy(actorId, [userId]);
    return summary(user);
  }
}
