import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { responseSchemas, type ResponseSchemaName } from './response-schemas.js';

/**
 * What a handler may hand Nest for a response type T of libs/contracts: the same shape, where a `Date` may
 * stand for an instant (JSON sends it as its ISO text). The compiler holds the service's answer to the contract.
 */
export type Sent<T> = T extends string
  ? T | Date
  : T extends ReadonlyArray<infer U>
    ? Array<Sent<U>>
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

const ref = (name: ResponseSchemaName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The success answer of an operation, by the name of its type in libs/contracts (responses.ts); `list` for
 * an array, as every list of the simple-REST dialect answers (its total in `Content-Range`).
 */
export function ApiAnswer(name: ResponseSchemaName, options: { status?: HttpStatus; list?: boolean; description?: string } = {}) {
  const status = options.status ?? HttpStatus.OK;
  const description = options.description ?? (options.list ? `A page of ${name}; the total in Content-Range` : name);
  const schema = options.list ? { type: 'array' as const, items: ref(name) } : ref(name);
  return applyDecorators(ApiResponse({ status, description, schema, ...(options.list ? { headers: { 'Content-Range': { description: 'e.g. `cases 0-24/319`', schema: { type: 'string' } } } } : {}) }));
}

/** A file answered as it is (PDF, image): its media types and a binary body. */
export function ApiFileAnswer(...mediaTypes: string[]) {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiResponse({
      status: HttpStatus.OK,
      description: 'The file',
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
}

/** Text answered as it is (the Prometheus exposition format). */
export function ApiTextAnswer(mediaType: string, description: string) {
  return applyDecorators(ApiResponse({ status: HttpStatus.OK, description, content: { [mediaType]: { schema: { type: 'string' } } } }));
}

export { ApiExtraModels, ApiNoContentResponse };

/** The schemas the answers reference, for the document's components. */
export const answerSchemas = responseSchemas as unknown as Record<string, object>;
