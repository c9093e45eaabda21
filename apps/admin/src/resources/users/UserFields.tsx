import { Chip } from '@mui/material';
import { FormDataConsumer, required, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { needsArchive, needsRegion, parseCode, type UserFormValues } from './roles';

/** "Active" or "Disabled", as a chip a disabled account cannot be mistaken in. */
export const UserStatusField = (_props: { source?: 'disabled'; label?: string }) => {
  const record = useRecordContext<{ disabled?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return record.disabled ? (
    <Chip size="small" color="error" label={translate('resources.users.status.disabled')} />
  ) : (
    <Chip size="small" color="success" variant="outlined" label={translate('resources.users.status.active')} />
  );
};

/**
 * The region for working-group roles, the archive for archive liaisons, nothing for the others. Plain codes
 * until the reference lists are API resources a select input could read.
 */
export const ScopeInputs = () => (
  <FormDataConsumer<UserFormValues>>
    {({ formData }) => (
      <>
        {needsRegion(formData.role) ? (
          <TextInput
            source="regionCode"
            parse={parseCode}
            validate={required()}
            helperText="resources.users.helpers.regionCode"
          />
        ) : null}
        {needsArchive(formData.role) ? (
          <TextInput
            source="archiveCode"
            parse={parseCode}
            validate={required()}
            helperText="resources.users.helpers.archiveCode"
          />
        ) : null}
      </>
    )}
  </FormDataConsumer>
);
