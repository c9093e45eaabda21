import { renderCode, type Coded } from '@aqtalu/contracts';

/**
 * Password rules after NIST SP 800-63B: length matters, composition rules do not; known and
 * context-derived passwords are refused. Each problem is a sentence a person can act on.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 256;

/** A few of the most common choices; a longer list can be loaded as data when needed. */
const commonPasswords = new Set([
  'password1234', '123456789012', 'qwertyuiop12', 'qwerty123456', '111111111111', 'aaaaaaaaaaaa',
  'password123!', 'iloveyou1234', 'administrator', 'admin1234567', 'letmein12345', 'welcome12345',
  'qazwsxedcrfv', '1q2w3e4r5t6y', 'zxcvbnm12345', 'kazakhstan12', 'astana123456', 'almaty123456',
]);

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

export type PasswordProblem = Coded<'password.too_short' | 'password.too_long' | 'password.common' | 'password.repetitive' | 'password.contains_email' | 'password.contains_name'>;

/** Each problem as a code of the catalogue, for a screen to say in its language. */
export function passwordProblemCodes(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < passwordMinLength) problems.push({ code: 'password.too_short', params: { min: passwordMinLength } });
  if (length > passwordMaxLength) problems.push({ code: 'password.too_long', params: { max: passwordMaxLength } });
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) problems.push({ code: 'password.common', params: {} });
  if (length >= 4 && new Set(lower).size <= 2) problems.push({ code: 'password.repetitive', params: {} });
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) problems.push({ code: 'password.contains_email', params: {} });
  const nameParts = (context.displayName ?? '').toLowerCase().split(/\s+/).filter((part) => part.length >= 4);
  if (nameParts.some((part) => lower.includes(part))) problems.push({ code: 'password.contains_name', params: {} });
  return problems;
}

/** The problems in English, a sentence each. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  return passwordProblemCodes(password, context).map((problem) => renderCode(problem.code, problem.params));
}
