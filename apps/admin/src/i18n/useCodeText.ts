import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { codeText, storedText, type CodedText } from './codeText';

/** `codeText` and `storedText` bound to the screen's language. */
export function useCodeText() {
  const translate = useTranslate();
  const text = useCallback((coded: CodedText | null | undefined, fallback: string) => codeText(coded ?? {}, fallback, translate), [translate]);
  const stored = useCallback((value: string) => storedText(value, translate), [translate]);
  return { text, stored };
}
