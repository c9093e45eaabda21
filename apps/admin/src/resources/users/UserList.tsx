import {
  BooleanField,
  DataTable,
  List,
  SimpleList,
  SearchInput,
  SelectField,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { parseCode, roleChoices } from './roles';
import { UserStatusField } from './UserFields';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <TextInput key="regionCode" source="regionCode" parse={parseCode} />,
  <TextInput key="archiveCode" source="archiveCode" parse={parseCode} />,
];

/** Accounts; the API sorts by e-mail, name and role only. No bulk actions: nothing is deleted. */
export const UserList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  return (
  <List filters={userFilters} sort={{ field: 'email', order: 'ASC' }} perPage={25}>
    {small ? (
      <SimpleList<{ id: string; email: string; displayName: string; role: string }>
        empty={<NoResults />}
        linkType="show"
        primaryText={(record) => record.displayName}
        secondaryText={(record) => record.email}
        tertiaryText={(record) => translate(roleChoices.find((choice) => choice.id === record.role)?.name ?? record.role)}
      />
    ) : (
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="email" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="regionCode" disableSort />
      <DataTable.Col source="archiveCode" disableSort />
      <DataTable.Col source="disabled" disableSort>
        <UserStatusField />
      </DataTable.Col>
      <DataTable.Col source="totpEnabled" disableSort>
        <BooleanField source="totpEnabled" />
      </DataTable.Col>
    </DataTable>
    )}
  </List>
  );
};
