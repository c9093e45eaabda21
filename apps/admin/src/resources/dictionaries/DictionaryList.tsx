import type { RepressionDictionary } from '@aqtalu/contracts';
import { Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  SimpleList,
  TextInput,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { DateText } from '../../layout/DateText';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import { localName } from '../../providers/useApi';
import { dictionaryExtras } from './dictionary';

const filters = [<TextInput key="q" source="q" alwaysOn resettable />];

const Actions = ({ canEdit }: { canEdit: boolean }) => <TopToolbar>{canEdit ? <CreateButton /> : null}</TopToolbar>;

const ReadOnlyHint = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
      {translate('aqtalu.reference.read_only')}
    </Typography>
  );
};

/** A dictionary in its three languages; administrators open an entry to change it, other roles only read. */
export const DictionaryList = () => {
  const resource = useResourceContext() as RepressionDictionary;
  const { canAccess: canEdit = false } = useCanAccess({ resource, action: 'edit' });
  const extras = dictionaryExtras[resource] ?? [];
  const small = useIsSmall();
  const [locale] = useLocaleState();
  // Each name column is marked with its language (WCAG's language of parts): a screen reader reads the English name in English.
  const named = (lang: 'kk' | 'ru' | 'en') => (record: { nameKk?: string; nameRu?: string; nameEn?: string | null }) => (
    <span lang={lang}>{lang === 'kk' ? record.nameKk : lang === 'ru' ? record.nameRu : record.nameEn}</span>
  );
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={50} actions={<Actions canEdit={canEdit} />}>
      {canEdit ? null : <ReadOnlyHint />}
      {small ? (
        <SimpleList
          empty={<NoResults />}
          linkType={canEdit ? 'edit' : false}
          primaryText={(record) => localName(record as Parameters<typeof localName>[0], locale)}
          secondaryText={(record) => (locale === 'ru' ? named('kk')(record) : named('ru')(record))}
        />
      ) : (
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="nameKk" render={named('kk')} />
        <DataTable.Col source="nameRu" render={named('ru')} />
        <DataTable.Col source="nameEn" render={named('en')} />
        {extras.map((field) => (
          <DataTable.Col key={field} source={field} />
        ))}
        <DataTable.Col source="updatedAt">
          <DateText source="updatedAt" />
        </DataTable.Col>
      </DataTable>
      )}
    </List>
  );
};
