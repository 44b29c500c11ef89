import { ExecutionContext } from '@nestjs/common';
import { WsJwtGuard } from './ws-jwt.guard';

describe(WsJwtGuard.name, () => {
  const sut = new WsJwtGuard();
  const contextFor = (user: unknown) => ({ switchToWs: () => ({ getClient: () => ({ data: { user } }) }) }) as unknown as ExecutionContext;

  it('lets a socket with an unexpired token through', () => {
    expect(sut.canActivate(contextFor({ id: 'a', username: 'a', exp: Date.now() / 1000 + 60 }))).toBe(true);
  });

  it('refuses an expired token with AUTH.TOKEN_EXPIRED', () => {
    expect(() => sut.canActivate(contextFor({ id: 'a', username: 'a', exp: Date.now() / 1000 - 1 }))).toThrow(expect.objectContaining({ code: 'AUTH.TOKEN_EXPIRED' }));
  });

  it('refuses a socket without a user with AUTH.INVALID_TOKEN', () => {
    expect(() => sut.canActivate(contextFor(undefined))).toThrow(expect.objectContaining({ code: 'AUTH.INVALID_TOKEN' }));
  });
});
