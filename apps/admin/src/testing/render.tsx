import type { Role } from '@aqtalu/contracts';
import { render } from '@testing-library/react';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { ReactElement } from 'react';
import { AdminContext, type AuthProvider, testDataProvider } from 'react-admin';
import { en } from '../i18n/en';
import { canRoleAccess } from '../providers/access';

/** A screen inside react-admin's contexts, in English, as a user of `role` (canAccess from the real role map). */
export function renderAs(role: Role, ui: ReactElement) {
  const authProvider: AuthProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => role,
    canAccess: async ({ resource, action }) => canRoleAccess(role, resource, action),
  };
  return render(
    <AdminContext i18nProvider={polyglotI18nProvider(() => en, 'en', { allowMissing: true })} authProvider={authProvider} dataProvider={testDataProvider()}>
      {ui}
    </AdminContext>,
  );
}
