// The baseline: a plain Socket.IO 4 server (no Nest, no auth, no store) with the same
// payloads and room broadcast as ours. Started by bench/run.js; prints "listening on port N".
const { createServer } = require('node:http');
const { Server } = require('socket.io');

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
const seqs = new Map();

function relay(socket, kind, roomId, body, tempId, ack) {
  const seq = (seqs.get(roomId) ?? 0) + 1;
  seqs.set(roomId, seq);
  const message = { _id: tempId, tempId, [kind.idField]: roomId, sender: { id: socket.id, username: 'x' }, body, seq, createdAt: new Date(), isOptimistic: true };
  socket.emit(kind.sent, message);
  socket.to(`room:${roomId}`).emit(kind.received, message);
  if (typeof ack === 'function') ack({ success: true, tempId, _id: tempId, seq });
}

const DM = { idField: 'roomId', sent: 'roomMessageSent', received: 'roomMessageRecieved' };
const CHANNEL = { idField: 'channelId', sent: 'channelMessageSent', received: 'NEW_MESSAGE_RECEIVED' };

io.on('connection', (socket) => {
  socket.on('joinRoom', ({ roomId }, ack) => {
    socket.join(`room:${roomId}`);
    if (typeof ack === 'function') ack({ success: true, roomId, connectedUsers: [] });
  });
  socket.on('roomMessage', ({ roomId, body, tempId }, ack) => relay(socket, DM, roomId, body, tempId, ack));
  socket.on('NEW_MESSAGE', ({ channelId, body, tempId }, ack) => relay(socket, CHANNEL, channelId, body, tempId, ack));
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening on port ${http.address().port}\n`);
});
