import { Alert, Box, Button, Card, CardActions, CardContent, CircularProgress, Link, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  Form,
  LocalesMenuButton,
  TextInput,
  useLogout,
  useLogoutIfAccessDenied,
  useNotify,
  useTranslate,
} from 'react-admin';
import { readSession } from '../providers/session';
import { confirmTotp, startTotpSetup, type TotpSetup } from '../providers/totp';
import { validateTotpCode } from './LoginPage';
import { useDocumentLanguage } from './useDocumentLanguage';

/** A base32 secret in groups of four, as authenticator apps show it and people copy it. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

const monospace = { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', wordBreak: 'break-all' } as const;

/**
 * Setting up the second factor: the API's secret and otpauth URI (a QR code would need a QR package, which
 * the back office does not have yet), then the first code. Confirming ends the sign-in; the user signs in
 * again with the code. Shown without the menu: until this is done the API refuses everything else.
 */
export const TotpSetupPage = () => {
  // No useAuthenticated: once confirming has ended the sign-in, its check would log out a second time and
  // bring the user back here after the next login. A visitor with no session gets the setup call's 401.
  useDocumentLanguage();
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [setup, setSetup] = useState<TotpSetup>();
  const [setupError, setSetupError] = useState<string>();
  const [codeRejected, setCodeRejected] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Each set-up call replaces the secret: ask once, even when React runs the effect twice.
  const started = useRef<Promise<TotpSetup> | null>(null);

  useEffect(() => {
    started.current ??= startTotpSetup();
    started.current.then(setSetup, async (error: unknown) => {
      if (await logoutIfAccessDenied(error)) return;
      setSetupError(error instanceof Error ? error.message : 'ra.notification.http_error');
    });
  }, [logoutIfAccessDenied]);

  const signOut = () => logout({}, undefined, false);

  const submit = async (values: Record<string, unknown>) => {
    setConfirming(true);
    setCodeRejected(false);
    try {
      if ((await confirmTotp(String(values.code ?? ''))) === 'wrong_code') {
        setCodeRejected(true);
        return;
      }
      await signOut();
      notify('aqtalu.totp.enabled', { type: 'success', autoHideDuration: 15_000 });
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setConfirming(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', minHeight: '100vh', p: 2, bgcolor: 'grey.100' }}>
      <Card sx={{ maxWidth: 560, width: '100%', mt: { xs: 2, sm: 8 } }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('aqtalu.totp.title')}
          </Typography>
          <Typography gutterBottom>
            {translate(readSession()?.totpEnrolmentRequired ? 'aqtalu.totp.intro_required' : 'aqtalu.totp.intro')}
          </Typography>

          <Typography variant="subtitle1" component="h2" sx={{ mt: 2, fontWeight: 600 }}>
            1. {translate('aqtalu.totp.step_add')}
          </Typography>
          {setupError ? (
            <Alert severity="error" sx={{ mt: 1 }}>
              {translate(setupError, { _: setupError })}
            </Alert>
          ) : !setup ? (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
              <CircularProgress size={18} />
              <Typography color="text.secondary">{translate('aqtalu.totp.loading')}</Typography>
            </Box>
          ) : (
            <Box component="dl" sx={{ mt: 1, '& dd': { ml: 0, mb: 1.5 } }}>
              <Typography component="dt" variant="subtitle2" color="text.secondary">
                {translate('aqtalu.totp.secret')}
              </Typography>
              <Typography component="dd" sx={{ ...monospace, fontSize: '1.25rem', letterSpacing: 1 }} data-testid="totp-secret">
                {grouped(setup.secret)}
              </Typography>
              <Typography component="dt" variant="subtitle2" color="text.secondary">
                {translate('aqtalu.totp.uri')}
              </Typography>
              <Typography component="dd" sx={monospace}>
                {/* On a phone the link opens the authenticator app itself. */}
                <Link href={setup.otpauthUri}>{setup.otpauthUri}</Link>
              </Typography>
            </Box>
          )}

          <Typography variant="subtitle1" component="h2" sx={{ mt: 1, fontWeight: 600 }}>
            2. {translate('aqtalu.totp.step_confirm')}
          </Typography>
          <Form onSubmit={submit} mode="onChange" noValidate>
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', mt: 1 }}>
              <TextInput
                source="code"
                label="aqtalu.totp.code"
                autoComplete="one-time-code"
                validate={validateTotpCode}
                disabled={!setup}
                slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
                sx={{ maxWidth: 240 }}
              />
              <Button type="submit" variant="contained" disabled={!setup || confirming} sx={{ mt: 1 }}>
                {confirming ? <CircularProgress size={19} thickness={3} /> : translate('aqtalu.totp.confirm')}
              </Button>
            </Box>
          </Form>
          {codeRejected ? <Alert severity="error">{translate('aqtalu.totp.code_rejected')}</Alert> : null}
        </CardContent>
        <CardActions sx={{ justifyContent: 'space-between' }}>
          <Button onClick={signOut}>{translate('aqtalu.totp.sign_out')}</Button>
          <LocalesMenuButton />
        </CardActions>
      </Card>
    </Box>
  );
};
