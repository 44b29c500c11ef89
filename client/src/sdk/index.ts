export { ChatClient } from './chat-client';
export { ApiError, RestClient, type Session } from './rest';
export type { ChatClientOptions, ChatEvents, ChatMessage, MessageState, RoomInfo, UserSummary } from './types';
