import { Button as MuiButton, type ButtonProps as MuiButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export type LabelledButtonProps = Omit<MuiButtonProps, 'children'> & {
  /** A translation key or text. */
  label: string;
  /** An icon before the label. */
  children?: ReactNode;
};

/**
 * react-admin's Button with its label kept on a phone: react-admin's own turns into an icon button below
 * 600 px, which for a button without an icon is an empty square (the liaison's "Ответить" was one).
 */
export const LabelledButton = ({ label, children, size = 'small', ...rest }: LabelledButtonProps) => {
  const translate = useTranslate();
  return (
    <MuiButton size={size} startIcon={children} {...rest}>
      {translate(label, { _: label })}
    </MuiButton>
  );
};
