import { DeclassificationStatus } from '@aqtalu/contracts';
import { DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';

export const declassificationChoices = Object.values(DeclassificationStatus).map((id) => ({ id, name: `resources.inventory.status.${id}` }));

const filters = [
  <TextInput key="archiveCode" source="archiveCode" alwaysOn parse={(value: string) => value.toUpperCase()} />,
  <TextInput key="fond" source="fond" alwaysOn />,
  <TextInput key="opis" source="opis" alwaysOn />,
  <SelectInput key="status" source="status" choices={declassificationChoices} alwaysOn />,
  <TextInput key="q" source="q" alwaysOn resettable />,
];

/** The files of the archives' inventories in archival order, with their declassification and how many persons they mention. */
export const InventoryList = () => (
  <List filters={filters} sort={{ field: 'reference', order: 'ASC' }} perPage={25}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="archiveCode" disableSort />
      <DataTable.Col source="reference" />
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="years" disableSort />
      <DataTable.Col source="status">
        <SelectField source="status" choices={declassificationChoices} />
      </DataTable.Col>
      <DataTable.Col source="declassifiedOn" disableSort />
      <DataTable.Col source="mentions" disableSort />
    </DataTable>
  </List>
);
