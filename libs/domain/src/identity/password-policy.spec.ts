import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('қызыл алма мен көк шай', { email: 'aigerim@aqtalu.kz' })).toEqual([]);
  });

  it('refuses a short password and says how long it must be', () => {
    expect(passwordProblems('Short1!')).toEqual([expect.stringContaining('at least 12 characters')]);
  });

  it('counts characters, not bytes, so Kazakh letters are one each', () => {
    expect(passwordProblems('әәәғғғқққңңң')).not.toContainEqual(expect.stringContaining('at least'));
  });

  it('refuses a common password', () => {
    expect(passwordProblems('Password1234')).toContainEqual(expect.stringContaining('most common'));
  });

  it('refuses a password made of one repeated character', () => {
    expect(passwordProblems('zzzzzzzzzzzzzz')).toContainEqual(expect.stringContaining('repeats'));
  });

  it('refuses a password that contains the e-mail name or the person\'s name', () => {
    expect(passwordProblems('nurlanova-2026-spring', { email: 'nurlanova@aqtalu.kz' })).toContainEqual(expect.stringContaining('e-mail name'));
    expect(passwordProblems('айгерім-көктем-2026', { displayName: 'Айгерім Нұрланқызы' })).toContainEqual(expect.stringContaining('your name'));
  });

  it('refuses an absurdly long password', () => {
    expect(passwordProblems('x'.repeat(300) + 'abc')).toContainEqual(expect.stringContaining('at most 256'));
  });
});
