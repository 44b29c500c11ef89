import { EventEmitter2 } from '@nestjs/event-emitter';
import { SocketAuthenticator } from '../auth/socket-auth.middleware';
import { RealtimeService } from '../common/ws/realtime.service';
import { ChatSocket } from '../common/ws/server-events';
import { RoomCounters } from '../receipts/room-counters';
import { InMemoryPresenceService } from './in-memory-presence.service';
import { OfflineAnnouncer } from './offline-announcer';
import { PresenceGateway } from './presence.gateway';
import { SocketQuota } from './socket-quota';
import { SocketRooms } from './socket-rooms';

const alice = { id: 'a', username: 'alice' };

/**
 * A socket that hangs up during its own setup while the same user's socket on another node
 * comes or goes (`meanwhile`, run after the ghost's presence record is made): Redis scripts
 * decide first/last the same way as this in-memory presence.
 */
async function ghostConnects(meanwhile: (presence: InMemoryPresenceService) => Promise<unknown>, before?: (presence: InMemoryPresenceService) => Promise<unknown>) {
  const presence = new InMemoryPresenceService();
  await before?.(presence);
  const emitted: Array<{ roomIds?: string[]; except?: string; event: string; payload: unknown }> = [];
  const realtime = {
    to: ({ roomIds }: { roomIds?: string[] }) => ({
      emit: (event: string, payload: unknown) => emitted.push({ roomIds, event, payload }),
      except: (except: string) => ({ emit: (event: string, payload: unknown) => emitted.push({ roomIds, except, event, payload }) }),
    }),
  } as unknown as RealtimeService;
  const socket = { id: 'ghost', data: { user: alice }, disconnected: false, once: () => undefined, emit: () => true } as unknown as ChatSocket & { disconnected: boolean };
  const socketRooms = {
    connect: async () => {
      const cameOnline = await presence.addUser('ghost', alice);
      await presence.joinRooms('a', ['r1']);
      await meanwhile(presence);
      socket.disconnected = true;
      return { rooms: ['r1'], cameOnline };
    },
  } as unknown as SocketRooms;
  const offline = new OfflineAnnouncer(realtime, new EventEmitter2());
  const gateway = new PresenceGateway({} as SocketAuthenticator, {} as SocketQuota, realtime, presence, socketRooms, {} as RoomCounters, offline);
  await gateway.handleConnection(socket);
  return { emitted, online: await presence.isOnline('a') };
}

describe(PresenceGateway.name, () => {
  it("announces the user online when the ghost came first and another node's socket stays", async () => {
    const { emitted, online } = await ghostConnects((presence) => presence.addUser('other-node', alice));
    expect(online).toBe(true);
    expect(emitted).toEqual([{ roomIds: ['r1'], except: 'user:a', event: 'userOnline', payload: { userId: 'a' } }]);
  });

  it("announces the user offline when another node's socket, announced before, left while the ghost held the user", async () => {
    const { emitted, online } = await ghostConnects(
      (presence) => presence.removeUser('other-node'),
      (presence) => presence.addUser('other-node', alice),
    );
    expect(online).toBe(false);
    expect(emitted).toEqual([{ roomIds: ['r1'], event: 'userOffline', payload: { userId: 'a' } }]);
  });
});
