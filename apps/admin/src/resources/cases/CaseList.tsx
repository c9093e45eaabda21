import { DataTable, List, NullableBooleanInput, SearchInput, SelectInput, SimpleList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../i18n/dates';
import { DateText } from '../../layout/DateText';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { useDictionaryChoices } from '../../providers/useApi';
import { type CaseRecord, CaseStatusChip, statusChoices, SubjectsField } from './CaseFields';
import { ExportActions } from '../../layout/ListExportButton';

/** The regions in the screen's language; the API lists a working group its own region only anyway. */
const RegionFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const { choices } = useDictionaryChoices('regions');
  return <SelectInput {...props} choices={choices} label="resources.cases.fields.regionCode" />;
};

/** The case's region by name, not by its code. */
const RegionName = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<CaseRecord>();
  const { choices } = useDictionaryChoices('regions');
  if (!record) return null;
  return <span>{choices.find((choice) => choice.id === record.regionCode)?.name ?? record.regionCode}</span>;
};

const caseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <RegionFilter key="regionCode" source="regionCode" alwaysOn />,
  <NullableBooleanInput key="overdue" source="overdue" label="resources.cases.filters.overdue" />,
  <NullableBooleanInput key="assignedToMe" source="assignedToMe" label="resources.cases.filters.assigned_to_me" />,
];

/** The cases the API lets this user see (the region of a working group, all for the secretary). */
export const CaseList = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const small = useIsSmall();
  return (
    <List filters={caseFilters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportActions path="cases" />}>
      {small ? (
        <SimpleList<CaseRecord>
          empty={<NoResults />}
          linkType="show"
          primaryText={(record) => record.number}
          secondaryText={() => <SubjectsField locale={locale} />}
          tertiaryText={(record) =>
            `${translate(`resources.cases.status.${record.status}`, { _: record.status })} · ${formatDateTime(record.updatedAt, locale)}`
          }
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="number" />
          <DataTable.Col source="subjects" disableSort>
            <SubjectsField locale={locale} />
          </DataTable.Col>
          <DataTable.Col source="status">
            <CaseStatusChip />
          </DataTable.Col>
          <DataTable.Col source="regionCode" disableSort>
            <RegionName />
          </DataTable.Col>
          <DataTable.Col source="updatedAt">
            <DateText source="updatedAt" showTime />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
