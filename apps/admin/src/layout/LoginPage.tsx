import { Alert, Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  LocalesMenuButton,
  Login,
  PasswordInput,
  regex,
  required,
  TextInput,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import { TotpRequiredError, type LoginParams } from '../providers/authProvider';
import { useDocumentLanguage } from './useDocumentLanguage';

/** Six digits; spaces are allowed, as apps show the code as "123 456". */
export const validateTotpCode = [required(), regex(/^\s*\d{3}\s?\d{3}\s*$/, 'aqtalu.auth.totp_code_format')];

/**
 * E-mail and password; then, when the API answers `totpRequired`, the code of the authenticator app as a
 * third field, and the same form is sent again with it. The first field keeps react-admin's name
 * `username`, which the authProvider sends as `email`.
 */
const LoginForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [loading, setLoading] = useState(false);
  const [askForCode, setAskForCode] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    const params: LoginParams = {
      username: String(values.username ?? ''),
      password: String(values.password ?? ''),
      totpCode: askForCode ? String(values.totpCode ?? '') : undefined,
    };
    setLoading(true);
    try {
      await login(params);
    } catch (error) {
      if (error instanceof TotpRequiredError && !error.codeWasSent) {
        // Not a failure: the password was right and the second factor comes next.
        setAskForCode(true);
      } else {
        // A wrong code, a wrong password, 429's "wait N minutes": the API's own words.
        const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
        notify(error instanceof TotpRequiredError ? 'aqtalu.auth.totp_invalid' : message, {
          type: 'error',
          messageArgs: { _: message },
        });
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} mode="onChange" noValidate>
      <CardContent sx={{ width: 300, pb: 2 }}>
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
        {askForCode ? (
          <>
            <Alert severity="info" sx={{ mb: 1 }}>
              {translate('aqtalu.auth.totp_prompt')}
            </Alert>
            <TextInput
              autoFocus
              source="totpCode"
              label="aqtalu.auth.totp_code"
              autoComplete="one-time-code"
              validate={validateTotpCode}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
            />
          </>
        ) : null}
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
};

/**
 * react-admin's login page with the first field labelled as the e-mail it holds, the second factor when
 * the account has one, and the language switcher, since users choose their language before they sign in.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  useDocumentLanguage();
  return (
    <Login>
      <Typography variant="h5" component="h1" align="center" sx={{ mt: 1 }}>
        {translate('aqtalu.title')}
      </Typography>
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
