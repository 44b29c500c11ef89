import { ConnectedSocket, MessageBody, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { SyncAck } from '../common/ws/client-events';
import { ChatServer, ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { UnsavedAcrossNodes } from '../messages/unsaved-across-nodes';
import { SyncDto } from './dto/sync.dto';
import { TimelineService } from './timeline.service';

/** The room stream's client events; DMs and channels alike (a channel's id is its room id). */
@WebSocketGateway()
@WsHandlers()
export class TimelineGateway implements OnGatewayInit {
  constructor(
    private readonly timeline: TimelineService,
    private readonly unsaved: UnsavedAcrossNodes,
  ) {}

  afterInit(server: ChatServer): void {
    this.unsaved.listen(server);
  }

  @OnClientEvent('sync')
  async sync(@ConnectedSocket() client: ChatSocket, @MessageBody() dto: SyncDto): Promise<SyncAck> {
    return { success: true, rooms: await this.timeline.sync(client.data.user.id, dto) };
  }
}
