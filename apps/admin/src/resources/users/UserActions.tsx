import { Alert, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  Form,
  HttpError,
  minLength,
  PasswordInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AqtaluDataProvider, UserAction } from '../../providers/dataProvider';

interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  totpEnabled: boolean;
  version: number;
}

const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'ra.notification.http_error';

/**
 * Sends one POST action with the version the screen shows. On a 409 the record is reloaded, so what the
 * administrator sees, and the version the next click sends, are current again.
 */
function useUserAction() {
  const dataProvider = useDataProvider<AqtaluDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = async (
    record: UserRecord,
    action: UserAction,
    success: string,
    extra: { password?: string } = {},
  ): Promise<{ ok: true } | { ok: false; error: unknown }> => {
    setPending(true);
    try {
      await dataProvider.userAction(record.id, action, { version: record.version, ...extra });
      notify(success, { type: 'success' });
      refresh();
      return { ok: true };
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) {
        notify('aqtalu.conflict.reloaded', { type: 'warning', multiLine: true });
        refresh();
      } else if (!(error instanceof HttpError && error.body?.errors)) {
        notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } });
      }
      return { ok: false, error };
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}

/** Disable (every session ends, no sign-in) or enable again, after a confirmation naming the user. */
export const ToggleDisabledButton = () => {
  const record = useRecordContext<UserRecord>();
  const { run, pending } = useUserAction();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const action = record.disabled ? 'enable' : 'disable';
  return (
    <>
      <Button label={`resources.users.actions.${action}`} onClick={() => setOpen(true)} color={record.disabled ? 'primary' : 'error'} />
      <Confirm
        isOpen={open}
        loading={pending}
        title={`resources.users.confirm.${action}_title`}
        content={`resources.users.confirm.${action}_content`}
        titleTranslateOptions={{ name: record.displayName }}
        confirm={`resources.users.actions.${action}`}
        confirmColor={record.disabled ? 'primary' : 'warning'}
        onConfirm={async () => {
          await run(record, action, `resources.users.notifications.${action}d`);
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Removes the second factor (a lost phone): the user sets up a new one at the next sign-in. */
export const ResetTotpButton = () => {
  const record = useRecordContext<UserRecord>();
  const { run, pending } = useUserAction();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="resources.users.actions.reset_totp" onClick={() => setOpen(true)} disabled={!record.totpEnabled} />
      <Confirm
        isOpen={open}
        loading={pending}
        title="resources.users.confirm.reset_totp_title"
        content="resources.users.confirm.reset_totp_content"
        titleTranslateOptions={{ name: record.displayName }}
        confirm="resources.users.actions.reset_totp"
        confirmColor="warning"
        onConfirm={async () => {
          await run(record, 'reset-totp', 'resources.users.notifications.totp_reset');
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Asks for the new password in a dialog; the API's password rules come back under the field. */
export const ResetPasswordButton = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const { run, pending } = useUserAction();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  if (!record) return null;

  const close = () => {
    setOpen(false);
    setConflict(false);
  };
  const submit = async (values: Record<string, unknown>) => {
    setConflict(false);
    const result = await run(record, 'reset-password', 'resources.users.notifications.password_reset', {
      password: String(values.password ?? ''),
    });
    if (result.ok) return close();
    const { error } = result;
    if (error instanceof HttpError && error.status === 409) setConflict(true);
    // Field problems (too short, too common, contains the name) go under the input.
    if (error instanceof HttpError && error.body?.errors) return error.body.errors as Record<string, unknown>;
  };

  return (
    <>
      <Button label="resources.users.actions.reset_password" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={close} aria-labelledby="reset-password-title" fullWidth maxWidth="xs">
        <Form onSubmit={submit} noValidate>
          <DialogTitle id="reset-password-title">
            {translate('resources.users.confirm.reset_password_title', { name: record.displayName })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('resources.users.confirm.reset_password_content')}</DialogContentText>
            {conflict ? (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('aqtalu.conflict.reloaded')}
              </Alert>
            ) : null}
            <PasswordInput
              source="password"
              label="resources.users.fields.new_password"
              autoComplete="new-password"
              validate={[required(), minLength(12)]}
              helperText="resources.users.helpers.password"
              autoFocus
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} />
            <Button type="submit" variant="contained" label="resources.users.actions.reset_password" disabled={pending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
