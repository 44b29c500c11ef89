import { ack, Client, next } from './sockets';

let batch = 0;

/** Sends `count` messages as `from` (to a DM room, or a channel) and resolves once every one is saved. */
export async function sendSaved(from: Client, roomId: string, count: number, kind: 'direct' | 'channel' = 'direct'): Promise<void> {
  const tag = `saved-${process.pid}-${++batch}-`;
  const [event, confirmed, key] = kind === 'channel' ? ['NEW_MESSAGE', 'channelMessageConfirmed', 'channelId'] : ['roomMessage', 'roomMessageConfirmed', 'roomId'];
  const saved = Array.from({ length: count }, (_, i) => next(from, confirmed, (c: { tempId: string }) => c.tempId === `${tag}${i}`));
  for (let i = 0; i < count; i++) {
    const res = await ack(from, event, { [key]: roomId, body: `message ${i + 1}`, tempId: `${tag}${i}` });
    if (!res.success) throw new Error(`send refused: ${JSON.stringify(res)}`);
  }
  await Promise.all(saved);
}
