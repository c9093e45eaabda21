import { DataTable, DateField, List } from 'react-admin';

export const CommissionSessionList = () => (
  <List sort={{ field: 'date', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" disableSort />
      <DataTable.Col source="date">
        <DateField source="date" />
      </DataTable.Col>
      <DataTable.Col source="place" disableSort />
      <DataTable.Col source="agendaSize" disableSort />
    </DataTable>
  </List>
);
