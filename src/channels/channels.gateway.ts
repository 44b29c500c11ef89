import { ConnectedSocket, MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { ChatSocket } from '../common/ws/server-events';
import { OnClientEvent, WsHandlers } from '../common/ws/ws-handlers.decorator';
import { CHANNEL_DELIVERY } from '../messages/delivery-kind';
import { SendChannelMessageDto } from '../messages/dto/send-message.dto';
import { socketSender } from '../messages/message-delivery';
import { MessagePipeline, SendAck } from '../messages/message-pipeline.service';
import { ChannelsService } from './channels.service';
import { ChannelIdDto, CreateChannelDto, InviteToChannelDto } from './dto/channel.dto';

@WebSocketGateway()
@WsHandlers()
export class ChannelsGateway {
  constructor(
    private readonly channels: ChannelsService,
    private readonly pipeline: MessagePipeline,
  ) {}

  @OnClientEvent('NEW_MESSAGE')
  send(@ConnectedSocket() client: ChatSocket, @MessageBody() { channelId, body, tempId }: SendChannelMessageDto): Promise<SendAck> {
    return this.pipeline.send(CHANNEL_DELIVERY, socketSender(client), { roomId: channelId, body, tempId });
  }

  @OnClientEvent('createChannel')
  async create(@ConnectedSocket() client: ChatSocket, @MessageBody() dto: CreateChannelDto) {
    return { success: true, channel: await this.channels.create(client.data.user, dto) };
  }

  @OnClientEvent('joinChannel')
  async join(@ConnectedSocket() client: ChatSocket, @MessageBody() { channelId }: ChannelIdDto) {
    return { success: true, channelId, channel: await this.channels.join(client.data.user, channelId) };
  }

  @OnClientEvent('leaveChannel')
  async leave(@ConnectedSocket() client: ChatSocket, @MessageBody() { channelId }: ChannelIdDto) {
    await this.channels.leave(client.data.user, channelId);
    return { success: true, channelId };
  }

  @OnClientEvent('inviteToChannel')
  async invite(@ConnectedSocket() client: ChatSocket, @MessageBody() { channelId, userId }: InviteToChannelDto) {
    return { success: true, channelId, userId, channel: await this.channels.invite(client.data.user, channelId, userId) };
  }
}
