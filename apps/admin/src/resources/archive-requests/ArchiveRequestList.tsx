import { BooleanInput, DataTable, List, SelectInput } from 'react-admin';
import { ArchiveRequestStatusChip, archiveRequestStatusChoices, OverdueChip } from './ArchiveRequestFields';

const filters = [
  <SelectInput key="status" source="status" choices={archiveRequestStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
];

/** The inbox: a liaison sees the requests to their archive, a working group those of its cases (the API scopes it). */
export const ArchiveRequestList = () => (
  <List filters={filters} sort={{ field: 'dueDate', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="caseNumber" disableSort />
      <DataTable.Col source="subjects" disableSort />
      <DataTable.Col source="archiveCode" disableSort />
      <DataTable.Col source="sought" disableSort />
      <DataTable.Col source="status">
        <ArchiveRequestStatusChip />
      </DataTable.Col>
      <DataTable.Col source="dueDate">
        <OverdueChip withDate />
      </DataTable.Col>
    </DataTable>
  </List>
);
