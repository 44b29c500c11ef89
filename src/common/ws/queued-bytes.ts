/** An engine.io packet waiting in a connection's writeBuffer. */
export interface QueuedPacket {
  data?: unknown;
}

/**
 * Roughly how many bytes these packets will take on the wire, stopping early once past
 * `limit` (a huge backlog is not walked to its end). Strings count their UTF-16 length:
 * exact for ASCII and cheap, where Buffer.byteLength would scan every character.
 */
export function queuedBytesOver(packets: readonly QueuedPacket[], limit: number): boolean {
  let bytes = 0;
  for (const packet of packets) {
    bytes += 1 + sizeOf(packet.data);
    if (bytes > limit) return true;
  }
  return false;
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
