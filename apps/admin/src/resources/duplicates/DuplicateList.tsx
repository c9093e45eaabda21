import { Alert, Box, Chip, CircularProgress, Grid, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  List,
  SelectInput,
  useCanAccess,
  useGetOne,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useExpanded,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { LabelledButton } from '../../layout/LabelledButton';
import { useIsSmall } from '../../layout/useIsSmall';
import { apiJson } from '../../providers/api';
import { messageOf } from '../cases/TransitionsPanel';
import { type PersonRecord, sourcesOf } from '../persons/person';
import { VariantsTable } from '../persons/PersonShow';
import { useCodeText } from '../../i18n/useCodeText';

/** A pair proposed as one person, as `GET /api/registry/duplicates` lists it. */
export interface DuplicateCandidate {
  id: string;
  personAId: string;
  personBId: string;
  score: number;
  /** In English; `reasonCodes` (one per reason, null for a text of no known form) says them in the screen's language. */
  reasons: string[];
  reasonCodes?: Array<{ code: string; params: Record<string, unknown> } | null>;
  status: 'proposed' | 'merged' | 'different';
  nameA: string | null;
  nameB: string | null;
  birthYearA: string | null;
  birthYearB: string | null;
  strong: boolean;
}

const statusChoices = (['proposed', 'merged', 'different'] as const).map((status) => ({ id: status, name: `resources.duplicates.status.${status}` }));

const filters = [<SelectInput key="status" source="status" label="resources.duplicates.fields.status" choices={statusChoices} alwaysOn emptyText="resources.duplicates.status.proposed" />];

/** The decisions a reviewer can take on a pair in this status. */
export function decisionsFor(status: DuplicateCandidate['status']): Array<'merge' | 'different' | 'unmerge'> {
  if (status === 'proposed') return ['merge', 'different'];
  if (status === 'merged') return ['unmerge'];
  return [];
}

const PersonColumn = ({ id, side }: { id: string; side: 'a' | 'b' }) => {
  const translate = useTranslate();
  const { stored } = useCodeText();
  const { data, isPending, error } = useGetOne<PersonRecord>('persons', { id });
  if (isPending) return <CircularProgress size={20} />;
  if (error || !data) return <Alert severity="warning">{messageOf(error)}</Alert>;
  return (
    // The spellings' table scrolls inside the card on a phone.
    <Paper variant="outlined" sx={{ p: 2, height: '100%', overflowX: 'auto' }} data-testid={`compare-${side}`}>
      <Typography variant="subtitle1" component="h3">
        <Link to={`/persons/${id}/show`}>{data.nameKk ?? data.nameRu ?? id}</Link>
      </Typography>
      <Typography variant="body2">
        {translate('resources.persons.fields.birthYear')}: {data.birthYear ?? '—'} · {translate('resources.persons.fields.birthplace')}: {data.birthplace ?? '—'}
      </Typography>
      {data.mergedIntoId ? <Chip size="small" sx={{ mt: 1 }} label={translate('resources.duplicates.status.merged')} /> : null}
      <VariantsTable person={data} />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {translate('resources.persons.fields.sources')}: {sourcesOf(data.variants ?? []).map(stored).join('; ') || '—'}
      </Typography>
    </Paper>
  );
};

/** The two persons side by side, their spellings and sources, and the decision. */
const Compare = () => {
  const record = useRecordContext<DuplicateCandidate>();
  const translate = useTranslate();
  const { text } = useCodeText();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'duplicates', action: 'edit' });
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const decide = async (decision: 'merge' | 'different' | 'unmerge') => {
    setPending(true);
    try {
      await apiJson(`/registry/duplicates/${record.id}/${decision}`, { method: 'POST' });
      notify(`resources.duplicates.notifications.${decision}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
    } finally {
      setPending(false);
    }
  };
  return (
    // On a phone the comparison is as wide as the list, not as its widest spelling (inline-size containment).
    <Box sx={{ p: 1, contain: { xs: 'inline-size', sm: 'none' } }}>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        {record.reasons.map((reason, index) => (
          <Chip key={reason} size="small" variant="outlined" label={text(record.reasonCodes?.[index], reason)} />
        ))}
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <PersonColumn id={record.personAId} side="a" />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <PersonColumn id={record.personBId} side="b" />
        </Grid>
      </Grid>
      {canAccess ? (
        // Labelled buttons: react-admin's Button shows only its (missing) icon on a phone.
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
          {decisionsFor(record.status).map((decision) => (
            <LabelledButton
              key={decision}
              label={`resources.duplicates.actions.${decision}`}
              variant={decision === 'merge' ? 'contained' : 'outlined'}
              disabled={pending}
              onClick={() => void decide(decision)}
            />
          ))}
        </Stack>
      ) : null}
      {record.status === 'merged' ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('resources.duplicates.unmerge_hint')}
        </Typography>
      ) : null}
    </Box>
  );
};

const Score = () => {
  const record = useRecordContext<DuplicateCandidate>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {Math.round(record.score * 100)}% {record.strong ? <Chip size="small" color="warning" label={translate('resources.duplicates.strong')} /> : null}
    </>
  );
};

/** On a phone both names in one column, A above B (two columns of names and the button do not fit 390 px). */
const Pair = () => {
  const record = useRecordContext<DuplicateCandidate>();
  if (!record) return null;
  return (
    <Stack>
      <Typography variant="body2">A: {record.nameA ?? '—'}</Typography>
      <Typography variant="body2">B: {record.nameB ?? '—'}</Typography>
    </Stack>
  );
};

/** Opens the comparison: a real button, so the keyboard reaches it (react-admin's expand icon is hidden from it). */
const CompareButton = () => {
  const record = useRecordContext<DuplicateCandidate>();
  const [expanded, toggle] = useExpanded('duplicates', record?.id ?? '', true);
  if (!record) return null;
  return (
    <LabelledButton
      label={expanded ? 'resources.duplicates.actions.hide' : 'resources.duplicates.actions.compare'}
      aria-expanded={expanded}
      onClick={(event) => {
        event.stopPropagation();
        toggle();
      }}
    />
  );
};

const Empty = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <Typography color="text.secondary" sx={{ p: 2 }}>
      {translate('resources.duplicates.none', { status: translate(`resources.duplicates.status.${filterValues.status ?? 'proposed'}`) })}
    </Typography>
  );
};

/** Pairs that may be one person, strongest first; open one to compare and decide. On a phone: the two names in one column and the button. */
export const DuplicateList = () => {
  const small = useIsSmall();
  return (
    <List filters={filters} sort={{ field: 'score', order: 'DESC' }} perPage={25} empty={false} exporter={false}>
      <DataTable bulkActionButtons={false} expand={<Compare />} expandSingle rowClick="expand" empty={<Empty />}>
        {small ? (
          <DataTable.Col label="resources.duplicates.fields.pair" disableSort>
            <Pair />
          </DataTable.Col>
        ) : null}
        {small ? null : <DataTable.Col source="nameA" label="resources.duplicates.fields.nameA" disableSort />}
        {small ? null : <DataTable.Col source="birthYearA" label="resources.duplicates.fields.birthYearA" disableSort />}
        {small ? null : <DataTable.Col source="nameB" label="resources.duplicates.fields.nameB" disableSort />}
        {small ? null : <DataTable.Col source="birthYearB" label="resources.duplicates.fields.birthYearB" disableSort />}
        {small ? null : (
          <DataTable.Col source="score" label="resources.duplicates.fields.score" disableSort>
            <Score />
          </DataTable.Col>
        )}
        <DataTable.Col label="resources.duplicates.fields.review" disableSort>
          <CompareButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
