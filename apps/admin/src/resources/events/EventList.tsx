import { CreateButton, DataTable, List, NumberInput, SelectField, SelectInput, TextField, TextInput, TopToolbar, useCanAccess } from 'react-admin';
import { eventKindChoices, parseYear } from './event';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="kind" source="kind" choices={eventKindChoices} alwaysOn />,
  <TextInput key="regionCode" source="regionCode" alwaysOn parse={(value: string) => value.toUpperCase()} />,
  <NumberInput key="yearFrom" source="yearFrom" alwaysOn parse={parseYear} step={1} />,
  <NumberInput key="yearTo" source="yearTo" alwaysOn parse={parseYear} step={1} />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'events', action: 'create' });
  return <TopToolbar>{canAccess ? <CreateButton /> : null}</TopToolbar>;
};

/** Events by kind, today's region of their places and the years their dates may fall in. */
export const EventList = () => (
  <List filters={filters} sort={{ field: 'dateEarliest', order: 'ASC' }} perPage={25} actions={<Actions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={eventKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="nameKk" />
      <DataTable.Col source="nameRu" />
      <DataTable.Col source="dateEarliest">
        <TextField source="dateText" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="regionCodes" disableSort render={(record: { regionCodes?: string[] }) => (record.regionCodes ?? []).join(', ') || '—'} />
      <DataTable.Col source="participantCount" disableSort />
    </DataTable>
  </List>
);
