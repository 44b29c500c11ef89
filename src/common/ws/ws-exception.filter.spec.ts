import { ArgumentsHost, ForbiddenException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppError } from '../errors/app-error';
import { markStoreFailure } from '../errors/store-failure';
import { WsExceptionFilter } from './ws-exception.filter';

describe(WsExceptionFilter.name, () => {
  const sut = new WsExceptionFilter(new EventEmitter2());

  /** The ack the filter answers with when the handler raised `exception`. */
  const ackFor = (exception: unknown): unknown => {
    const ack = jest.fn();
    const host = {
      switchToWs: () => ({ getPattern: () => 'roomMessage', getData: () => ({}), getClient: () => ({ emit: jest.fn() }) }),
      getArgByIndex: () => ack,
    } as unknown as ArgumentsHost;
    sut.catch(exception, host);
    return ack.mock.calls[0][0];
  };

  it.each([
    ['HttpException 429', new HttpException('slow down', 429), 'RATE.LIMITED'],
    ['HttpException 503', new HttpException('busy', 503), 'SERVER.BUSY'],
    ['NotFoundException', new NotFoundException(), 'ROUTE.NOT_FOUND'],
    ['PayloadTooLargeException', new PayloadTooLargeException(), 'PAYLOAD.TOO_LARGE'],
    ['HttpException 401', new HttpException('bad token', 401), 'AUTH.INVALID_TOKEN'],
    ['HttpException 500', new HttpException('teapot', 500), 'SERVER.ERROR'],
    ['WsException', new WsException('malformed'), 'VALIDATION.FAILED'],
  ])('answers %s with its real code %s', (_name, exception, code) => {
    expect(ackFor(exception)).toEqual({ success: false, error: { code, message: expect.any(String) } });
  });

  it('keeps an AppError as it is, retryAfterMs included', () => {
    expect(ackFor(new AppError('RATE.LIMITED', 'wait', { retryAfterMs: 250 }))).toEqual({ success: false, error: { code: 'RATE.LIMITED', message: 'wait', retryAfterMs: 250 } });
  });

  it('keeps the code of an HttpException whose body carries one of ours', () => {
    expect(ackFor(new ForbiddenException({ code: 'CHANNEL.FORBIDDEN', message: 'owner only' }))).toEqual({ success: false, error: { code: 'CHANNEL.FORBIDDEN', message: 'owner only' } });
  });

  it('answers a store failure with STORE.UNAVAILABLE and retryAfterMs, without the driver text', () => {
    const ack = ackFor(markStoreFailure(new TypeError('The database connection is not open')));
    expect(ack).toEqual({ success: false, error: { code: 'STORE.UNAVAILABLE', message: expect.any(String), retryAfterMs: expect.any(Number) } });
    expect(JSON.stringify(ack)).not.toContain('database');
  });

  it('answers anything else with SERVER.ERROR and no stack', () => {
    expect(ackFor(new TypeError('x is undefined'))).toEqual({ success: false, error: { code: 'SERVER.ERROR', message: 'Internal server error' } });
  });
});
