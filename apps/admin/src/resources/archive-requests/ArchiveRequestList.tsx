import { BooleanInput, DataTable, List, SelectInput, SimpleList, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../../i18n/dates';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { type ArchiveRequestRecord, ArchiveRequestStatusChip, archiveRequestStatusChoices, OverdueChip } from './ArchiveRequestFields';
import { ExportActions } from '../../layout/ListExportButton';

const filters = [
  <SelectInput key="status" source="status" choices={archiveRequestStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
];

/** The inbox: a liaison sees the requests to their archive, a working group those of its cases (the API scopes it). */
export const ArchiveRequestList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List filters={filters} sort={{ field: 'dueDate', order: 'ASC' }} perPage={25} exporter={false} actions={<ExportActions path="archive-requests" />}>
      {small ? (
        // On a phone in the reading room: one row per request, what is sought under the case.
        <SimpleList<ArchiveRequestRecord>
          empty={<NoResults />}
          linkType="show"
          primaryText={(record) => `${record.caseNumber} · ${record.subjects}`}
          secondaryText={(record) => record.sought}
          tertiaryText={(record) =>
            `${translate(`resources.archive-requests.status.${record.status}`, { _: record.status })} · ${formatDate(record.dueDate, locale)}`
          }
        />
      ) : (
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
      )}
    </List>
  );
};
