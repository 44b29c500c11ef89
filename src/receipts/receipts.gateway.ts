import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { MarkRoomReadDto } from './dto/read-marker.dto';
import { ReadMarkers } from './read-markers.service';

@WebSocketGateway()
@WsHandlers()
export class ReceiptsGateway {
  constructor(private readonly markers: ReadMarkers) {}

  @OnClientEvent('markRead')
  async markRead(@ConnectedSocket() client: ChatSocket, @MessageBody() { roomId, seq }: MarkRoomReadDto) {
    return { success: true, ...(await this.markers.markRead(client.data.user.id, roomId, seq, client.id)) };
  }
}
