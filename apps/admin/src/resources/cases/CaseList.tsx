import { DataTable, DateField, List, NullableBooleanInput, SearchInput, SelectInput, useLocaleState } from 'react-admin';
import { useDictionaryChoices } from '../../providers/useApi';
import { CaseStatusChip, statusChoices, SubjectsField } from './CaseFields';

/** The regions in the screen's language; the API lists a working group its own region only anyway. */
const RegionFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const { choices } = useDictionaryChoices('regions');
  return <SelectInput {...props} choices={choices} label="resources.cases.fields.regionCode" />;
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
  return (
    <List filters={caseFilters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="number" />
        <DataTable.Col source="subjects" disableSort>
          <SubjectsField locale={locale} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <CaseStatusChip />
        </DataTable.Col>
        <DataTable.Col source="regionCode" disableSort />
        <DataTable.Col source="updatedAt">
          <DateField source="updatedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
