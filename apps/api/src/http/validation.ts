import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { renderCode, type Code, type FieldProblem } from '@aqtalu/contracts';
import { getMetadataStorage } from 'class-validator';

/** The code of each class-validator rule; a rule not listed reads as `validation.invalid`. */
const ruleCodes: Record<string, Code> = {
  whitelistValidation: 'validation.unknown_field',
  isDefined: 'validation.required',
  isNotEmpty: 'validation.required',
  isString: 'validation.must_be_string',
  isInt: 'validation.must_be_integer',
  isNumber: 'validation.must_be_number',
  isBoolean: 'validation.must_be_boolean',
  isUuid: 'validation.must_be_uuid',
  isArray: 'validation.must_be_array',
  isObject: 'validation.must_be_object',
  nestedValidation: 'validation.must_be_object',
  isEmail: 'validation.must_be_email',
  isDateString: 'validation.must_be_date',
  isIso8601: 'validation.must_be_date',
  isEnum: 'validation.must_be_one_of',
  isIn: 'validation.must_be_one_of',
  min: 'validation.min',
  max: 'validation.max',
  minLength: 'validation.min_length',
  maxLength: 'validation.max_length',
  arrayMinSize: 'validation.array_min_size',
  arrayMaxSize: 'validation.array_max_size',
};

/** The arguments the DTO gave the rule (the enum, the limit), read back from class-validator's metadata. */
function constraintOf(error: ValidationError, rule: string): unknown {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((entry) => entry.propertyName === error.property && (entry.name === rule || entry.type === rule));
  return metadata?.constraints?.[0];
}

function coded(error: ValidationError, field: string, rule: string, message: string): FieldProblem {
  const code = ruleCodes[rule] ?? 'validation.invalid';
  const limit = Number(constraintOf(error, rule));
  let params: Record<string, unknown> = { field };
  switch (code) {
    case 'validation.invalid':
      params = { field, rule };
      break;
    case 'validation.must_be_date':
      params = { field, example: '2026-11-24' };
      break;
    case 'validation.must_be_one_of': {
      const allowed = constraintOf(error, rule);
      params = { field, values: Array.isArray(allowed) ? allowed.map(String) : allowed && typeof allowed === 'object' ? Object.values(allowed).map(String) : [] };
      break;
    }
    case 'validation.min':
    case 'validation.min_length':
    case 'validation.array_min_size':
      params = { field, min: limit };
      break;
    case 'validation.max':
    case 'validation.max_length':
    case 'validation.array_max_size':
      params = { field, max: limit };
      break;
  }
  // The DTO's own English message stays the fallback (it often names an example); unknown fields read from the catalogue.
  const text = rule === 'whitelistValidation' ? renderCode('validation.unknown_field', { field }) : message;
  return { field, message: text, code, params };
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => coded(error, field, rule, message));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Unknown fields are refused, not silently dropped; every problem is named with its field and its code. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const [only] = fieldErrors;
      // One problem: its code is the answer's; several: `validation.failed` and each in `errors`.
      const code = fieldErrors.length === 1 && only?.code ? only.code : 'validation.failed';
      const params = fieldErrors.length === 1 && only?.params ? only.params : { count: fieldErrors.length };
      return new BadRequestException({ message: fieldErrors.map((error) => error.message), errors: fieldErrors, code, params });
    },
  });
}
