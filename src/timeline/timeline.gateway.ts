import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import type { SyncAck } from '../common/ws/client-events';
import { ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { SyncDto } from './dto/sync.dto';
import { TimelineService } from './timeline.service';

/** The room stream's client events; DMs and channels alike (a channel's id is its room id). */
@WebSocketGateway()
@WsHandlers()
export class TimelineGateway {
  constructor(private readonly timeline: TimelineService) {}

  @OnClientEvent('sync')
  async sync(@ConnectedSocket() client: ChatSocket, @MessageBody() dto: SyncDto): Promise<SyncAck> {
    return { success: true, rooms: await this.timeline.sync(client.data.user.id, dto) };
  }
}
