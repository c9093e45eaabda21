import { Create, email, minLength, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { roleChoices, scopeForRole, type UserFormValues } from './roles';
import { ScopeInputs } from './UserFields';

/** Only the scope code the role takes is sent; the API refuses the others. */
const toCreateRequest = (values: UserFormValues) => {
  const { regionCode, archiveCode, ...rest } = scopeForRole(values);
  return { ...rest, ...(regionCode ? { regionCode } : {}), ...(archiveCode ? { archiveCode } : {}) };
};

export const UserCreate = () => (
  <Create redirect="show" transform={toCreateRequest}>
    <SimpleForm>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <TextInput source="displayName" validate={required()} />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={[required(), minLength(12)]}
        helperText="resources.users.helpers.password"
      />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <ScopeInputs />
    </SimpleForm>
  </Create>
);
