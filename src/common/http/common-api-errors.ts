import { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_STATUS, ErrorCode } from '../errors/app-error';
import { errorExample } from './api-errors.decorator';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type JsonContent = { schema?: unknown; examples?: Record<string, unknown> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
// Routes that answer without the store; every other one may meet an outage.
const STORELESS_PATHS = new Set(['/metrics']);
const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };

function addError(op: Operation, code: ErrorCode): void {
  const status = String(ERROR_STATUS[code]);
  const existing = op.responses[status] as { description: string; content?: Record<string, JsonContent> } | undefined;
  if (!existing) {
    op.responses[status] = { description: code, content: { 'application/json': { schema: ERROR_SCHEMA, examples: { [code]: errorExample(code) } } } };
    return;
  }
  const json = existing.content?.['application/json'];
  // A response documented with a shape of its own (e.g. /health's) is left as it is.
  if (!json?.examples || code in json.examples) return;
  json.examples[code] = errorExample(code);
  existing.description = `${existing.description} | ${code}`;
}

/**
 * The errors every operation can meet, added to the document once instead of on each handler:
 * SERVER.ERROR everywhere, STORE.UNAVAILABLE where the store is used, the token errors where a
 * bearer token is required, VALIDATION.FAILED where there is input to validate, PAYLOAD.TOO_LARGE where there is a body.
 */
export function documentCommonErrors(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (op.requestBody || op.parameters?.length) addError(op, 'VALIDATION.FAILED');
      if (op.requestBody) addError(op, 'PAYLOAD.TOO_LARGE');
      if (op.security?.length) ['AUTH.INVALID_TOKEN', 'AUTH.TOKEN_EXPIRED'].forEach((code) => addError(op, code as ErrorCode));
      if (!STORELESS_PATHS.has(path)) addError(op, 'STORE.UNAVAILABLE');
      addError(op, 'SERVER.ERROR');
    }
  }
  return doc;
}
