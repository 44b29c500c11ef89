import type { HistoryPage, Member, Room, UserSummary } from '../../../src/persistence/models';
import { readRoomList, RoomListPage } from './room-list';

export interface Session {
  accessToken: string;
  user: UserSummary;
}

/** A refused REST call, with the server's error code (DESIGN.md section 9). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

/** The REST half of the API, on fetch (browsers and Node 20+ alike). */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    private token?: string,
  ) {}

  async register(username: string, email: string, password: string): Promise<Session> {
    return this.useSession(await this.call<Session>('POST', '/auth/register', { username, email, password }));
  }

  async login(username: string, password: string): Promise<Session> {
    return this.useSession(await this.call<Session>('POST', '/auth/login', { username, password }));
  }

  searchUsers = (search: string) => this.call<UserSummary[]>('GET', `/users?search=${encodeURIComponent(search)}`);
  usersByIds = (ids: string[]) => this.call<UserSummary[]>('GET', `/users?ids=${ids.join(',')}`);
  openDirect = (userId: string) => this.call<Room>('POST', `/direct/${encodeURIComponent(userId)}`);
  channels = (search = '') => this.call<{ channels: Room[]; hasMore: boolean }>('GET', `/channels?search=${encodeURIComponent(search)}`);
  channel = (id: string) => this.call<Room>('GET', `/channels/${id}`);
  createChannel = (body: { name: string; isPrivate?: boolean; memberIds?: string[] }) => this.call<Room>('POST', '/channels', body);
  joinChannel = (id: string) => this.call<Room>('POST', `/channels/${id}/join`);
  leaveChannel = (id: string) => this.call<unknown>('POST', `/channels/${id}/leave`);
  invite = (id: string, userId: string) => this.call<Room>('POST', `/channels/${id}/invite`, { userId });
  members = (id: string) => this.call<Array<Member & { online: boolean }>>('GET', `/channels/${id}/members`);

  /** One page of my rooms: the whole list from a server that does not page; else the next page comes by `X-Next-Cursor`. */
  async rooms(myId: string, cursor?: string | null): Promise<RoomListPage> {
    const { data, headers } = await this.request('GET', `/rooms${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    const page = readRoomList(data, myId);
    const next = headers.get('x-next-cursor');
    return next ? { ...page, hasMore: true, cursor: next } : page;
  }

  /** Ascending by seq; `before` pages backwards (older), none gives the latest page. */
  history(roomId: string, q: { before?: number; after?: number; limit?: number } = {}): Promise<HistoryPage> {
    const params = Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join('&');
    return this.call<HistoryPage>('GET', `/rooms/${roomId}/messages${params ? `?${params}` : ''}`);
  }

  private useSession(session: Session): Session {
    this.token = session.accessToken;
    return session;
  }

  private async call<T>(method: string, path: string, body?: Json): Promise<T> {
    return (await this.request(method, path, body)).data as T;
  }

  private async request(method: string, path: string, body?: Json): Promise<{ data: unknown; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: body && JSON.stringify(body) });
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ApiError(res.status, data?.code ?? 'HTTP.ERROR', Array.isArray(data?.message) ? data.message.join('; ') : (data?.message ?? res.statusText));
    return { data, headers: res.headers };
  }
}
