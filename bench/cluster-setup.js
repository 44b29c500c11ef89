// The cluster rows' servers: a real redis-server, `clusterNodes` (2) built nodes in cluster
// mode on one shared SQLite file (WAL), and one node without Redis on a copy of the same seed, so the
// two set-ups are compared in one run (all pinned to the servers' one core); memory per idle connection.
const { connectMany, closeAll } = require('./clients');
const { KINDS, Room } = require('./measure');
const { LocalReceivers, RemoteReceivers } = require('./receivers');
const { startRedis } = require('./redis-server');
const { seed } = require('./seed');
const servers = require('./servers');

/** Rooms: [0] a DM of users 0 and 1, [1] a channel of users 0..size-1; users from `size` on are idle. */
function seedRooms(size, idle) {
  return seed(size + idle, [{ kind: 'direct', members: 2 }, { kind: 'channel', members: size }]);
}

/** The nodes first (they drain on SIGTERM while Redis is still there), then Redis. */
async function stopAll([redis, ...nodes]) {
  await Promise.all(nodes.map((n) => n.stop()));
  await redis?.stop();
}

async function startSetups(opts) {
  const [clusterData, singleData] = [seedRooms(opts.clusterSize, opts.clusterConnections), seedRooms(opts.clusterSize, opts.clusterConnections)];
  const started = [];
  const track = async (promise) => {
    const s = await promise;
    started.push(s);
    return s;
  };
  try {
    const redis = await track(startRedis());
    const clusterEnv = { ...opts.env, ...clusterData.env, REDIS_URL: redis.url };
    // One after the other: the first one migrates the shared file.
    const a = await track(servers.startOurs(clusterEnv));
    // Nodes past the second only read the stream: what each more node costs Redis.
    const more = Array.from({ length: Math.max(1, opts.clusterNodes - 1) }, () => track(servers.startOurs(clusterEnv)));
    const [single, b] = await Promise.all([track(servers.startOurs({ ...opts.env, ...singleData.env })), ...more]);
    return { redis, a, b, single, clusterData, singleData, stop: () => stopAll(started) };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

/**
 * A room with its sender on `senderUrl` and every other member on `receiverUrl`: a DM's one
 * receiver in this process, a channel's in a child process (as the fan-out rows do).
 */
async function openRoom(kind, data, senderUrl, receiverUrl, size) {
  const [roomId, tokens] = kind === 'direct' ? [data.roomIds[0], data.tokens.slice(0, 2)] : [data.roomIds[1], data.tokens.slice(0, size)];
  const event = KINDS[kind].received;
  const [sender] = await connectMany(senderUrl, tokens.slice(0, 1));
  const local = kind === 'direct' ? await connectMany(receiverUrl, tokens.slice(1)) : [];
  const receivers = kind === 'direct' ? new LocalReceivers(local, event) : await RemoteReceivers.start({ url: receiverUrl, tokens: tokens.slice(1), roomId, event, join: false });
  const room = new Room(kind, roomId, sender, receivers);
  return {
    room,
    async close() {
      await room.close();
      closeAll([sender, ...local]);
    },
  };
}

/** Heap of `server` (and Redis memory) per idle connection; RSS at 1,000 is allocator noise (README). */
async function idleMemory(server, tokens, redis) {
  const [before, r0] = [await server.memory(), redis && (await redis.info())];
  const sockets = await connectMany(server.url, tokens);
  const [after, r1] = [await server.memory(), redis && (await redis.info())];
  closeAll(sockets);
  const per = (v) => Math.round(v / tokens.length);
  return { heap: per(after.heapUsed - before.heapUsed), redis: redis && per(r1.fields.used_memory - r0.fields.used_memory) };
}

module.exports = { startSetups, openRoom, idleMemory };
