import { createTheme, ThemeProvider, useTheme } from '@mui/material';
import { enUS, kkKZ, ruRU } from '@mui/material/locale';
import { useEffect, useMemo } from 'react';
import { Layout as RaLayout, Menu, type LayoutProps, useLocaleState, useLogout, useNavigate, useNotify, useTranslate } from 'react-admin';
import { Role } from '@aqtalu/contracts';
import { apiJson } from '../providers/api';
import { totpSetupPath } from '../providers/authProvider';
import { readSession } from '../providers/session';
import { onSignedOut } from '../providers/sessionChannel';
import { useDocumentLanguage } from './useDocumentLanguage';

/** A sign-in that must still set up its second factor can do nothing else: send it to the set-up page. */
function useTotpEnrolmentRedirect(): void {
  const navigate = useNavigate();
  const mustEnrol = readSession()?.totpEnrolmentRequired === true;
  useEffect(() => {
    if (mustEnrol) navigate(totpSetupPath, { replace: true });
  }, [mustEnrol, navigate]);
}

/** A sign-in ended in any tab (a refused refresh, a sign-out) ends here too, at once and without a request. */
function useSignOutWithOtherTabs(): void {
  const logout = useLogout();
  useEffect(() => onSignedOut(() => void logout({}, '/login', false)), [logout]);
}

/**
 * Administrators open the queues' board (bull-board, served by the API at /admin/queues) in a new tab:
 * the API gives a one-minute link that the board trades for a cookie of its own.
 */
const QueuesMenuItem = () => {
  const translate = useTranslate();
  const notify = useNotify();
  if (readSession()?.user.role !== Role.Admin) return null;
  const open = async (event: React.MouseEvent) => {
    event.preventDefault();
    const tab = window.open('', '_blank');
    try {
      const { url } = await apiJson<{ url: string }>('/admin/queues/ticket', { method: 'POST' });
      if (tab) tab.location.href = url;
    } catch (error) {
      tab?.close();
      notify((error as Error).message, { type: 'error' });
    }
  };
  return <Menu.Item to="/admin/queues" primaryText={translate('aqtalu.queues')} onClick={open} />;
};

const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <QueuesMenuItem />
  </Menu>
);

/** MUI's own words (an autocomplete's "No options", "Clear", "Open") in the screen's language. */
const muiLocales = { kk: kkKZ, ru: ruRU, en: enUS } as const;

export const Layout = ({ children }: LayoutProps) => {
  const [locale] = useLocaleState();
  useDocumentLanguage();
  useTotpEnrolmentRedirect();
  useSignOutWithOtherTabs();
  const outer = useTheme();
  const translate = useTranslate();
  const loadingLabel = translate('ra.page.loading');
  // a spinner (the app bar's among them) is a progress bar that needs a name, in the screen's language
  const theme = useMemo(
    () => createTheme(outer, muiLocales[locale as keyof typeof muiLocales] ?? ruRU, { components: { MuiCircularProgress: { defaultProps: { 'aria-label': loadingLabel } } } }),
    [outer, locale, loadingLabel],
  );
  return (
    <ThemeProvider theme={theme}>
      {/* The page is as wide as the screen, never as wide as its widest table or filter: react-admin's frame has
          min-width: fit-content, which carried a list's table (its main column and content too) past a phone's width. */}
      <RaLayout menu={AppMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
        {children}
      </RaLayout>
    </ThemeProvider>
  );
};
