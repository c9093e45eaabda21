import { DataTable, DateInput, List, SelectInput, SimpleList, TextInput, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../i18n/dates';
import { auditSentence } from '../../i18n/history';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { ActorField, type AuditEntry, EntityField, OccurredAtField, outcomeChoices, OutcomeField, SentenceField } from './AuditFields';

/** The filters; on a phone the outcome and the action stand in the toolbar, the dates come from its filter button. */
const auditFilters = (small: boolean) => [
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} alwaysOn />,
  <TextInput key="action" source="action" helperText="resources.audit-log.helpers.action" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn={!small} />,
  <DateInput key="to" source="to" alwaysOn={!small} />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The audit log, newest first; the API sorts by time (its id order) only. Reading it is itself audited. */
export const AuditLogList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List filters={auditFilters(small)} sort={{ field: 'id', order: 'DESC' }} perPage={50}>
      {small ? (
        // On a phone: what happened as a sentence, who did it and when (the table's columns do not fit).
        <SimpleList<AuditEntry>
          linkType="show"
          empty={<NoResults />}
          primaryText={(record) => auditSentence(record, locale, translate)}
          secondaryText={(record) => `${record.actorEmail ?? translate('resources.audit-log.system')} · ${formatDateTime(record.occurredAt, locale)}`}
          tertiaryText={(record) => translate(outcomeChoices.find((choice) => choice.id === record.outcome)?.name ?? record.outcome)}
        />
      ) : (
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
      )}
    </List>
  );
};
