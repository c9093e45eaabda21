import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Dashboard } from './layout/Dashboard';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { lightTheme } from './layout/theme';
import { TotpSetupPage } from './layout/TotpSetupPage';
import { authProvider, totpSetupPath } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { archiveRequests } from './resources/archive-requests';
import { auditLog } from './resources/audit-log';
import { holidays } from './resources/calendar';
import { letterTemplates } from './resources/letters';
import { cases } from './resources/cases';
import { commissionSessions } from './resources/commission-sessions';
import { dictionaries } from './resources/dictionaries';
import { duplicates } from './resources/duplicates';
import { contributions } from './resources/contributions';
import { events } from './resources/events';
import { inventory } from './resources/inventory';
import { imports } from './resources/imports';
import { notifications } from './resources/notifications';
import { persons } from './resources/persons';
import { places } from './resources/places';
import { search } from './resources/search';
import { statistics } from './resources/statistics';
import { users } from './resources/users';

// The menu lists a resource only when authProvider.canAccess allows its list, so each role sees its own.
export const App = () => (
  <Admin
    title="Aqtalu"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={lightTheme}
    loginPage={LoginPage}
    requireAuth
    // No call home to marmelab from a state commission's back office.
    disableTelemetry
  >
    <Resource {...cases} />
    <Resource {...archiveRequests} />
    <Resource {...commissionSessions} />
    <Resource {...persons} />
    <Resource {...duplicates} />
    <Resource {...contributions} />
    <Resource {...events} />
    <Resource {...inventory} />
    <Resource {...imports} />
    <Resource {...notifications} />
    <Resource {...places} />
    <Resource {...statistics} />
    <Resource {...search} />
    <Resource {...holidays} />
    <Resource {...letterTemplates} />
    {dictionaries.map((dictionary) => (
      <Resource key={dictionary.name} {...dictionary} />
    ))}
    <Resource {...users} />
    <Resource {...auditLog} />
    <CustomRoutes noLayout>
      <Route path={totpSetupPath} element={<TotpSetupPage />} />
    </CustomRoutes>
  </Admin>
);
