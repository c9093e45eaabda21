import { DataTable, List, SimpleList, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../../i18n/dates';
import { DateText } from '../../layout/DateText';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { ExportActions, ExportButton } from '../../layout/ListExportButton';

interface SessionRow {
  id: string;
  number: string;
  date: string;
  place: string;
  agendaSize: number;
}

export const CommissionSessionList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List sort={{ field: 'date', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportActions path="commission-sessions" label="aqtalu.exports.votes"><ExportButton path="decisions" filter={{}} label="aqtalu.exports.decisions" /></ExportActions>}>
      {small ? (
        <SimpleList<SessionRow>
          empty={<NoResults />}
          linkType="show"
          primaryText={(record) => `${record.number} · ${formatDate(record.date, locale)}`}
          secondaryText={(record) => record.place}
          tertiaryText={(record) => `${translate('resources.commission-sessions.fields.agendaSize')}: ${record.agendaSize}`}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="number" disableSort />
          <DataTable.Col source="date">
            <DateText source="date" />
          </DataTable.Col>
          <DataTable.Col source="place" disableSort />
          <DataTable.Col source="agendaSize" disableSort />
        </DataTable>
      )}
    </List>
  );
};
