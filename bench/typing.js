// The typing row: server CPU per typing event relayed to a room vs per message delivered
// to the same room, on a server of its own. Typers alternate true/false, so every event is
// relayed (none is absorbed by the 2 s renewal throttle) and costs one room-wide emit.
const { connectMany, closeAll, now } = require('./clients');
const { seed } = require('./seed');
const servers = require('./servers');

const TYPERS = 10;
const WARMUP_SECONDS = 0.5;
const ms = (v) => Math.round(v * 1000) / 1000;

/** Resolves once `count()` reaches `target`, or fails after the timeout (a lost event is a bug, not noise). */
async function until(count, target, what, timeoutMs = 10_000) {
  const deadline = now() + timeoutMs;
  while (count() < target) {
    if (now() > deadline) throw new Error(`typing bench: ${count()} of ${target} ${what} arrived`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Each typer sends events back to back (one in flight per socket) for `seconds`; returns how many. */
async function closedLoop(typers, seconds, payload) {
  const end = now() + seconds * 1000;
  let sent = 0;
  await Promise.all(typers.map(async (socket, t) => {
    for (let i = 0; now() < end; i++) {
      const [event, body] = payload(t, i);
      const res = await socket.timeout(30_000).emitWithAck(event, body);
      if (!res.success) throw new Error(`${event} refused: ${JSON.stringify(res.error)}`);
      sent++;
    }
  }));
  return sent;
}

/** CPU per event of one kind, measured until the watching member saw every one of them. */
async function cpuPerEvent(server, typers, seconds, payload, seen) {
  const [before, cpuBefore] = [seen(), await server.cpu()];
  const sent = await closedLoop(typers, seconds, payload);
  await until(() => seen() - before, sent, 'events');
  return ((await server.cpu()) - cpuBefore) / sent;
}

async function typing(_running, _seedData, opts) {
  const size = opts.typingSize;
  const data = seed(size, [{ kind: 'channel', members: size }]);
  const roomId = data.roomIds[0];
  const server = await servers.startOurs({ ...opts.env, ...data.env });
  try {
    const sockets = await connectMany(server.url, data.tokens);
    const [watcher, typers] = [sockets[size - 1], sockets.slice(0, TYPERS)];
    const counts = { typing: 0, confirmed: 0 };
    watcher.on('userTyping', () => counts.typing++);
    watcher.on('channelMessageConfirmed', () => counts.confirmed++);
    const typingEvent = (_t, i) => ['typing', { roomId, isTyping: i % 2 === 0 }];
    let messages = 0;
    const message = () => ['NEW_MESSAGE', { channelId: roomId, body: 'benchmark message body', tempId: `typing-bench-${++messages}` }];
    // One after the other: the server's CPU counter cannot tell two concurrent loads apart.
    const measure = async (seconds) => [
      await cpuPerEvent(server, typers, seconds, typingEvent, () => counts.typing),
      await cpuPerEvent(server, typers, seconds, message, () => counts.confirmed),
    ];
    await measure(WARMUP_SECONDS);
    const [typingCpu, messageCpu] = await measure(opts.seconds);
    closeAll(sockets);
    const scenario = `typing vs message, ${size} members`;
    return [{ scenario, metric: 'server CPU per event relayed to the room', ours: ms(typingCpu), baseline: ms(messageCpu), unit: 'µs', against: 'message' }];
  } finally {
    await server.stop();
  }
}

module.exports = { typing };
