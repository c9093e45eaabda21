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

export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < passwordMinLength) problems.push(`password must be at least ${passwordMinLength} characters long (a phrase of several words is easiest to remember)`);
  if (length > passwordMaxLength) problems.push(`password must be at most ${passwordMaxLength} characters long`);
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) problems.push('password is one of the most common passwords: choose another');
  if (length >= 4 && new Set(lower).size <= 2) problems.push('password repeats one or two characters: choose one with more variety');
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) problems.push('password must not contain your e-mail name');
  const nameParts = (context.displayName ?? '').toLowerCase().split(/\s+/).filter((part) => part.length >= 4);
  if (nameParts.some((part) => lower.includes(part))) problems.push('password must not contain your name');
  return problems;
}
