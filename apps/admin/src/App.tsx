import { Admin } from 'react-admin';
import { Dashboard } from './layout/Dashboard';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';

/** No resources yet: each feature adds its own from resources/<name>/. */
const noResourcesYet = () => null;

export const App = () => (
  <Admin
    title="Aqtalu"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    requireAuth
    // No call home to marmelab from a state commission's back office.
    disableTelemetry
  >
    {/* An Admin with neither Resource nor CustomRoutes shows react-admin's "Welcome" page instead of
        the dashboard; a children function counts as configured. Replace it with the first <Resource>. */}
    {noResourcesYet}
  </Admin>
);
