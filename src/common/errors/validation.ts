import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { MAX_PAYLOAD_DEPTH, nestedDeeperThan } from '../dto/payload-depth';
import { AppError, FieldError } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], `${field}.`)];
  });
}

export function validationFailed(details: FieldError[]): AppError {
  const summary = details.map((d) => `${d.field}: ${d.errors.join(', ')}`).join('; ');
  return new AppError('VALIDATION.FAILED', summary || 'invalid payload', { details });
}

/** The one ValidationPipe configuration used by REST and WebSocket handlers alike. */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) => validationFailed(flatten(errors)),
    });
  }

  // A socket payload can be anything (a string, an array, nothing): refuse what is not an object.
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (isDto && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw validationFailed([{ field: 'payload', errors: ['payload must be a JSON object'] }]);
    }
    if (isDto && nestedDeeperThan(value, MAX_PAYLOAD_DEPTH)) {
      throw validationFailed([{ field: 'payload', errors: [`payload must not nest deeper than ${MAX_PAYLOAD_DEPTH} levels`] }]);
    }
    return super.transform(value, metadata);
  }
}
