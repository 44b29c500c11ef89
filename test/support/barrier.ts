import { openDirect, TestUser } from './http';
import { ack, Client, next } from './sockets';

/**
 * Resolves once `to` got a DM sent after everything before it: a barrier, not a sleep. Per
 * connection, the server's events arrive in order, so nothing sent earlier is still on the way.
 */
export async function barrier(url: string, from: Client, fromUser: TestUser, to: Client, toUser: TestUser): Promise<void> {
  const roomId = await openDirect(url, fromUser, toUser);
  const tempId = `barrier-${Math.random()}`;
  const got = next(to, 'roomMessageRecieved', (m) => m.tempId === tempId);
  await ack(from, 'roomMessage', { roomId, body: 'barrier', tempId });
  await got;
}
