import { Chip, Stack, Typography } from '@mui/material';
import { CreateButton, DataTable, List, NumberInput, SimpleList, TextInput, TopToolbar, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { useIsSmall } from '../../layout/useIsSmall';
import { useCodeText } from '../../i18n/useCodeText';
import type { PersonHit } from './person';
import { ListExportButton } from '../../layout/ListExportButton';

const filters = [
  <TextInput key="q" source="q" label="resources.persons.fields.q" helperText="resources.persons.helpers.q" alwaysOn resettable />,
  <NumberInput key="birthYear" source="birthYear" label="resources.persons.fields.birthYear" alwaysOn />,
  <NumberInput key="tolerance" source="tolerance" label="resources.persons.fields.tolerance" min={0} max={10} />,
];

const Reasons = () => {
  const record = useRecordContext<PersonHit>();
  const { text } = useCodeText();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="match-reasons">
      {record.reasons.map((reason, index) => (
        <Chip key={reason} size="small" variant="outlined" label={text(record.reasonCodes?.[index], reason)} />
      ))}
    </Stack>
  );
};

const Score = () => {
  const record = useRecordContext<PersonHit>();
  return record ? <>{Math.round(record.score * 100)}%</> : null;
};

const Empty = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <Typography color="text.secondary" sx={{ p: 2 }}>
      {translate(filterValues.q ? 'resources.persons.nothing_found' : 'resources.persons.type_to_search')}
    </Typography>
  );
};

/** Search the registry in any script: Kazakh, Russian or Latin spellings find the same person, ranked, with reasons. */
export const PersonList = () => {
  const small = useIsSmall();
  return (
  <List
    filters={filters}
    sort={{ field: 'score', order: 'DESC' }}
    perPage={25}
    empty={false}
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
        <ListExportButton path="persons" />
      </TopToolbar>
    }
  >
    {small ? (
      <SimpleList<PersonHit>
        linkType="show"
        empty={<Empty />}
        primaryText={(record) => record.nameKk ?? record.nameRu ?? record.matchedVariant}
        secondaryText={(record) => [record.nameRu, record.birthYear].filter(Boolean).join(' · ')}
        tertiaryText={(record) => `${Math.round(record.score * 100)}%`}
      />
    ) : (
    <DataTable rowClick="show" bulkActionButtons={false} empty={<Empty />}>
      <DataTable.Col source="nameKk" label="resources.persons.fields.nameKk" disableSort />
      <DataTable.Col source="nameRu" label="resources.persons.fields.nameRu" disableSort />
      <DataTable.Col source="birthYear" label="resources.persons.fields.birthYear" disableSort />
      <DataTable.Col source="matchedVariant" label="resources.persons.fields.matchedVariant" disableSort />
      <DataTable.Col source="score" label="resources.persons.fields.score" disableSort>
        <Score />
      </DataTable.Col>
      <DataTable.Col source="reasons" label="resources.persons.fields.reasons" disableSort>
        <Reasons />
      </DataTable.Col>
    </DataTable>
    )}
  </List>
  );
};
