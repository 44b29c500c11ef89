export { ChatClient, type ChatClientOptions, type ChatEvents } from './chat-client';
export { ApiError, RestClient, type Session } from './rest';
export type { ChatMessage, MessageState, RoomInfo, UserSummary } from './types';
