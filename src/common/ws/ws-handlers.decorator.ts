import { applyDecorators, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { SubscribeMessage } from '@nestjs/websockets';
import type { ClientEventName } from './client-events';
import { AppValidationPipe } from '../errors/validation';
import { WsExceptionFilter } from './ws-exception.filter';
import { WsJwtGuard } from './ws-jwt.guard';

/**
 * On a gateway class: validated payloads, errors answered in the ack shape, and (unless
 * `guarded` is false) the token's expiry checked per event. Nest applies no global pipes
 * or filters to gateways, hence this decorator.
 */
export const WsHandlers = ({ guarded = true } = {}) =>
  applyDecorators(UsePipes(AppValidationPipe), UseFilters(WsExceptionFilter), ...(guarded ? [UseGuards(WsJwtGuard)] : []));

/** `@SubscribeMessage` for an event of the shared ClientToServerEvents map: a renamed event breaks the gateway and the SDK alike. */
export const OnClientEvent = (event: ClientEventName) => SubscribeMessage(event);
