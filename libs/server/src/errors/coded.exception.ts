import { HttpException, type HttpStatus } from '@nestjs/common';
import { renderCode, type Code, type CodeParams, type FieldProblem } from '@aqtalu/contracts';

/** Params may be left out for a code that has none. */
export type CodeArgs<C extends Code> = CodeParams[C] extends Record<string, never>
  ? [params?: CodeParams[C], extra?: CodedExtra]
  : [params: CodeParams[C], extra?: CodedExtra];

/** What a problem answer carries besides code and params: field problems, the version to reload, … */
export interface CodedExtra {
  errors?: FieldProblem[];
  [key: string]: unknown;
}

/**
 * An HTTP refusal that speaks a code of the catalogue (libs/contracts/src/codes.ts) with its params; its
 * English text, the problem's `detail`, comes from the catalogue's template, so a throw site is one line:
 * `throw new CodedException(HttpStatus.CONFLICT, 'commission.vote_closed')`.
 */
export class CodedException<C extends Code = Code> extends HttpException {
  readonly code: C;
  readonly params: CodeParams[C];

  constructor(status: HttpStatus, code: C, ...[params, extra]: CodeArgs<C>) {
    const filled = (params ?? {}) as CodeParams[C];
    const detail = renderCode(code, filled);
    super({ ...extra, message: detail, code, params: filled }, status);
    this.code = code;
    this.params = filled;
  }
}

/** A field problem with its code, for the `errors` of a 400. */
export function fieldProblem<C extends Code>(field: string, code: C, params: CodeParams[C]): FieldProblem {
  return { field, message: renderCode(code, params), code, params: params as Record<string, unknown> };
}
