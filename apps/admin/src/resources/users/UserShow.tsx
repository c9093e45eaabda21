import {
  BooleanField,
  EditButton,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { roleChoices } from './roles';
import { ResetPasswordButton, ResetTotpButton, ToggleDisabledButton } from './UserActions';
import { UserStatusField } from './UserFields';

/** Edit, disable or enable, reset the password or the second factor: for those who may manage users. */
const UserShowActions = () => {
  const { canAccess: canManage } = useCanAccess({ resource: 'users', action: 'edit' });
  return (
    <TopToolbar>
      {canManage ? (
        <>
          <ResetPasswordButton />
          <ResetTotpButton />
          <ToggleDisabledButton />
          <EditButton />
        </>
      ) : null}
    </TopToolbar>
  );
};

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="email" />
      <TextField source="displayName" />
      <SelectField source="role" choices={roleChoices} />
      <TextField source="regionCode" emptyText="—" />
      <TextField source="archiveCode" emptyText="—" />
      <UserStatusField source="disabled" label="resources.users.fields.disabled" />
      <BooleanField source="totpEnabled" />
    </SimpleShowLayout>
  </Show>
);
