import type { Role } from '@aqtalu/contracts';
import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Title, useGetIdentity, useLogoutIfAccessDenied, usePermissions, useTranslate } from 'react-admin';

/** The home page. It stays empty until the cases, archive requests and sessions it will summarise exist. */
export const Dashboard = () => {
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  // getIdentity asks the API who the token belongs to: a 401 there ends the session like any other.
  const { identity } = useGetIdentity({
    staleTime: 5 * 60 * 1000, // react-admin's default, which passing options would otherwise drop
    onError: (error) => void logoutIfAccessDenied(error),
  });
  const { permissions: role } = usePermissions<Role | undefined>();

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <CardHeader
        title={translate('aqtalu.title')}
        subheader={translate('aqtalu.subtitle')}
        slotProps={{ title: { component: 'h1' } }}
      />
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('aqtalu.dashboard.welcome')}
        </Typography>
        {identity?.fullName && role ? (
          <Typography gutterBottom>
            {translate('aqtalu.dashboard.signed_in_as', {
              name: identity.fullName,
              role: translate(`aqtalu.role.${role}`, { _: role }),
            })}
          </Typography>
        ) : null}
        <Typography color="text.secondary">{translate('aqtalu.dashboard.coming_soon')}</Typography>
      </CardContent>
    </Card>
  );
};
