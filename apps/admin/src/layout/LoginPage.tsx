import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';
import { useDocumentLanguage } from './useDocumentLanguage';

/**
 * react-admin's login page with the first field labelled as the e-mail it holds (it keeps the name
 * `username`, which the authProvider sends as `email`), and the language switcher, since users choose
 * their language before they sign in.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  useDocumentLanguage();
  return (
    <Login>
      <Typography variant="h5" component="h1" align="center" sx={{ mt: 1 }}>
        {translate('aqtalu.title')}
      </Typography>
      <LoginForm>
        <TextInput
          autoFocus
          source="username"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
