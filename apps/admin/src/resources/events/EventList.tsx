import { CreateButton, DataTable, FilterButton, List, NumberInput, SelectField, SelectInput, SimpleList, TextField, TextInput, TopToolbar, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { useDictionaryChoices } from '../../providers/useApi';
import { eventKindChoices, parseYear } from './event';

/** A row of the events list as the data provider gives it. */
interface EventRow {
  id: string;
  kind: string;
  nameKk: string;
  nameRu: string;
  nameEn?: string | null;
  dateText?: string | null;
  regionCodes?: string[];
  participantCount?: number;
}

/** The filters; on a phone only the search and the kind stand in the toolbar, the others come from its filter button. */
const eventFilters = (small: boolean) => [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="kind" source="kind" choices={eventKindChoices} alwaysOn />,
  <TextInput key="regionCode" source="regionCode" alwaysOn={!small} parse={(value: string) => value.toUpperCase()} />,
  <NumberInput key="yearFrom" source="yearFrom" alwaysOn={!small} parse={parseYear} step={1} />,
  <NumberInput key="yearTo" source="yearTo" alwaysOn={!small} parse={parseYear} step={1} />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'events', action: 'create' });
  // The filter button offers the filters a phone keeps out of the toolbar (none on a wider screen: all stand there).
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess ? <CreateButton /> : null}
    </TopToolbar>
  );
};

/** Events by kind, today's region of their places and the years their dates may fall in. */
export const EventList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const regions = useDictionaryChoices('regions');
  // Today's regions by name, not by code ("ALM" means nothing to a reader)
  const regionNames = (record: EventRow) =>
    (record.regionCodes ?? []).map((code) => regions.choices.find((choice) => choice.id === code)?.name ?? code).join(', ') || '—';
  const name = (record: EventRow) => (locale === 'kk' ? record.nameKk : locale === 'en' ? record.nameEn : record.nameRu) || record.nameRu || record.nameKk;
  return (
    <List filters={eventFilters(small)} sort={{ field: 'dateEarliest', order: 'ASC' }} perPage={25} actions={<Actions />}>
      {small ? (
        // On a phone: one row per event, its name in the screen's language, then when and what kind.
        <SimpleList<EventRow>
          empty={<NoResults />}
          linkType="show"
          primaryText={name}
          secondaryText={(record) => `${record.dateText || '—'} · ${regionNames(record)}`}
          tertiaryText={(record) =>
            `${translate(`resources.events.kind.${record.kind}`, { _: record.kind })} · ${translate('resources.events.people', { smart_count: record.participantCount ?? 0 })}`
          }
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={eventKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="nameKk" />
          <DataTable.Col source="nameRu" />
          <DataTable.Col source="dateEarliest">
            <TextField source="dateText" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="regionCodes" disableSort render={regionNames} />
          <DataTable.Col source="participantCount" disableSort />
        </DataTable>
      )}
    </List>
  );
};
