import { Alert, AlertTitle, Button } from '@mui/material';
import { useState } from 'react';
import {
  Edit,
  HttpError,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useEditContext,
  useNotify,
  useTranslate,
} from 'react-admin';
import { roleChoices, scopeForRole } from './roles';
import { ScopeInputs } from './UserFields';

/** Save only: there is no delete (accounts are disabled from the show page). */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The API's 409 in its own words, and a reload that keeps what was typed: the next save sends the new version. */
const ConflictAlert = ({ detail, onReloaded }: { detail: string; onReloaded: () => void }) => {
  const translate = useTranslate();
  const { refetch } = useEditContext();
  return (
    <Alert
      severity="warning"
      sx={{ m: 2, mb: 0 }}
      action={
        <Button
          color="inherit"
          size="small"
          onClick={async () => {
            await refetch();
            onReloaded();
          }}
        >
          {translate('aqtalu.conflict.reload')}
        </Button>
      }
    >
      <AlertTitle>{translate('aqtalu.conflict.title')}</AlertTitle>
      {detail}
      <br />
      {translate('aqtalu.conflict.hint')}
    </Alert>
  );
};

/** Sends PATCH with the changed fields and the version read (see the dataProvider). */
export const UserEdit = () => {
  const notify = useNotify();
  const [conflict, setConflict] = useState<string>();

  const onError = (error: unknown) => {
    if (error instanceof HttpError && error.status === 409) {
      setConflict(error.message);
      return;
    }
    // Field problems are shown under the inputs by the form itself.
    if (error instanceof HttpError && error.body?.errors) return;
    const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
    notify(message, { type: 'error', messageArgs: { _: message } });
  };

  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} transform={scopeForRole} redirect="show">
      {conflict ? <ConflictAlert detail={conflict} onReloaded={() => setConflict(undefined)} /> : null}
      <SimpleForm toolbar={<UserEditToolbar />} resetOptions={{ keepDirtyValues: true }}>
        <TextInput source="email" readOnly />
        <TextInput source="displayName" validate={required()} />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <ScopeInputs />
      </SimpleForm>
    </Edit>
  );
};
