import WebSocket from 'ws';

/** A raw Socket.IO v4 client over a plain WebSocket, so a test can stop reading from the TCP socket. */
export function rawClient(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith('42["ready"')) resolve(ws);
    });
  });
}

/** The tab freezes: nothing more is read, so the kernel buffers fill and then the server's queue grows. */
export function stopReading(ws: WebSocket): void {
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
}
