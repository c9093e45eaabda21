import { Layout as RaLayout, type LayoutProps } from 'react-admin';
import { useDocumentLanguage } from './useDocumentLanguage';

export const Layout = ({ children }: LayoutProps) => {
  useDocumentLanguage();
  return <RaLayout>{children}</RaLayout>;
};
