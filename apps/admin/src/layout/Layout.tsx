import { useEffect } from 'react';
import { Layout as RaLayout, type LayoutProps, useNavigate } from 'react-admin';
import { totpSetupPath } from '../providers/authProvider';
import { readSession } from '../providers/session';
import { useDocumentLanguage } from './useDocumentLanguage';

/** A sign-in that must still set up its second factor can do nothing else: send it to the set-up page. */
function useTotpEnrolmentRedirect(): void {
  const navigate = useNavigate();
  const mustEnrol = readSession()?.totpEnrolmentRequired === true;
  useEffect(() => {
    if (mustEnrol) navigate(totpSetupPath, { replace: true });
  }, [mustEnrol, navigate]);
}

export const Layout = ({ children }: LayoutProps) => {
  useDocumentLanguage();
  useTotpEnrolmentRedirect();
  return <RaLayout>{children}</RaLayout>;
};
