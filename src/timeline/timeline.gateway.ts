import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { ChatServer, ChatSocket } from '../common/ws/server-events';
import { WsHandlers } from '../common/ws/ws-handlers.decorator';
import { SyncDto } from './dto/sync.dto';
import { RoomSync, TimelineService } from './timeline.service';
import { UnsavedAcrossNodes } from '../messages/unsaved-across-nodes';

export interface SyncAck {
  success: true;
  rooms: RoomSync[];
}

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

  @SubscribeMessage('sync')
  async sync(@ConnectedSocket() client: ChatSocket, @MessageBody() dto: SyncDto): Promise<SyncAck> {
    return { success: true, rooms: await this.timeline.sync(client.data.user.id, dto) };
  }
}
