import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { DIRECT_DELIVERY } from '../messages/delivery-kind';
import { SendDirectMessageDto } from '../messages/dto/send-message.dto';
import { socketSender } from '../messages/message-delivery';
import { MessagePipeline, SendAck } from '../messages/message-pipeline.service';

@WebSocketGateway()
@WsHandlers()
export class DirectMessagesGateway {
  constructor(private readonly pipeline: MessagePipeline) {}

  @OnClientEvent('roomMessage')
  send(@ConnectedSocket() client: ChatSocket, @MessageBody() dto: SendDirectMessageDto): Promise<SendAck> {
    return this.pipeline.send(DIRECT_DELIVERY, socketSender(client), dto);
  }
}
