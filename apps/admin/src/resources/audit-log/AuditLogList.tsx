import { DataTable, DateInput, List, SelectInput, TextInput } from 'react-admin';
import { ActorField, EntityField, OccurredAtField, outcomeChoices, OutcomeField, SentenceField } from './AuditFields';

const auditFilters = [
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} alwaysOn />,
  <TextInput key="action" source="action" helperText="resources.audit-log.helpers.action" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The audit log, newest first; the API sorts by time (its id order) only. Reading it is itself audited. */
export const AuditLogList = () => (
  <List filters={auditFilters} sort={{ field: 'id', order: 'DESC' }} perPage={50}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="occurredAt">
        <OccurredAtField />
      </DataTable.Col>
      <DataTable.Col source="actorEmail" disableSort>
        <ActorField />
      </DataTable.Col>
      <DataTable.Col source="action" label="resources.audit-log.fields.action" disableSort>
        <SentenceField />
      </DataTable.Col>
      <DataTable.Col source="outcome" disableSort>
        <OutcomeField />
      </DataTable.Col>
      <DataTable.Col source="entityType" label="resources.audit-log.fields.entity" disableSort>
        <EntityField />
      </DataTable.Col>
    </DataTable>
  </List>
);
