// Load-generator helpers: real socket.io-clients, bounded concurrency, percentiles.
const { io } = require('socket.io-client');

const now = () => performance.now();

function connectOne(url, token, timeoutMs = 20_000) {
  const socket = io(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), timeoutMs);
    // Ours says `ready` once subscribed to every room; the baseline only `connect`s.
    socket.once(token ? 'ready' : 'connect', () => { clearTimeout(timer); resolve(socket); });
    socket.once('connect_error', (err) => { clearTimeout(timer); reject(err); });
  });
}

/** Connects one socket per token (or `count` anonymous ones), `concurrency` at a time. */
async function connectMany(url, tokens, concurrency = 100) {
  const sockets = new Array(tokens.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < tokens.length) {
      const i = nextIndex++;
      sockets[i] = await connectOne(url, tokens[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tokens.length) }, worker));
  return sockets;
}

/** The baseline has no membership: its sockets join the room explicitly. */
async function joinAll(sockets, roomId) {
  await Promise.all(sockets.map((s) => s.timeout(10_000).emitWithAck('joinRoom', { roomId })));
}

function closeAll(sockets) {
  sockets.forEach((s) => s.close());
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

module.exports = { now, connectMany, joinAll, closeAll, summarize };
