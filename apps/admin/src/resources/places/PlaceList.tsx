import { Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  SimpleList,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useIsSmall } from '../../layout/useIsSmall';
import { type PlaceRecord, placeKindChoices } from './place';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <TextInput key="regionCode" source="regionCode" alwaysOn parse={(value: string) => value.toUpperCase()} />,
  <SelectInput key="kind" source="kind" choices={placeKindChoices} alwaysOn />,
];

const Score = () => {
  const record = useRecordContext<PlaceRecord>();
  return record?.score === undefined ? null : <>{Math.round(record.score * 100)}%</>;
};

const Empty = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <Typography color="text.secondary" sx={{ p: 2 }} data-testid="places-empty">
      {translate(filterValues.q ? 'resources.places.nothing_found' : 'resources.places.type_to_search')}
    </Typography>
  );
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'places', action: 'create' });
  return <TopToolbar>{canAccess ? <CreateButton /> : null}</TopToolbar>;
};

/** The gazetteer: a name in any script finds the place under every name it had, best first, with the name that matched. */
export const PlaceList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  return (
  <List filters={filters} sort={{ field: 'score', order: 'DESC' }} perPage={25} empty={false} actions={<Actions />}>
    {small ? (
      <SimpleList<PlaceRecord>
        linkType="show"
        empty={<Empty />}
        primaryText={(record) => record.nameKk ?? record.nameRu ?? ''}
        secondaryText={(record) => record.nameRu ?? ''}
        tertiaryText={(record) => translate(placeKindChoices.find((choice) => choice.id === record.kind)?.name ?? String(record.kind))}
      />
    ) : (
    <DataTable rowClick="show" bulkActionButtons={false} empty={<Empty />}>
      <DataTable.Col source="nameKk" disableSort />
      <DataTable.Col source="nameRu" disableSort />
      <DataTable.Col source="matchedName" disableSort />
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={placeKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="regionCode" disableSort />
      <DataTable.Col source="validFrom" disableSort />
      <DataTable.Col source="validTo" disableSort />
      <DataTable.Col source="score" disableSort>
        <Score />
      </DataTable.Col>
    </DataTable>
    )}
  </List>
  );
};
