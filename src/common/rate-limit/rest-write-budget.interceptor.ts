import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { addressKey } from '../http/client-address';
import { EventBudget } from './event-budget';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Charges every REST write to the same per-user budget as socket events. An interceptor, not
 * a guard: it runs after the route's auth guard, so the key is the token's user; routes
 * without one (register, login) are charged to the client address. Before the pipes, so an
 * invalid body costs as much as a valid one.
 */
@Injectable()
export class RestWriteBudgetInterceptor implements NestInterceptor {
  constructor(private readonly budget: EventBudget) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Global interceptors wrap gateway handlers too; sockets are charged in ChatIoAdapter.
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    if (!WRITES.has(req.method)) return next.handle();
    const key = req.user ? `user:${req.user.id}` : `ip:${addressKey(req.ip ?? req.socket.remoteAddress)}`;
    return from(this.budget.take(key)).pipe(switchMap(() => next.handle()));
  }
}
