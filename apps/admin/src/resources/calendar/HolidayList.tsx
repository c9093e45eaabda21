import { Button as MuiButton, TextField } from '@mui/material';
import { useState } from 'react';
import {
  CreateButton, DataTable, List, NumberInput, TopToolbar, useCanAccess, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import { apiJson } from '../../providers/api';
import { localName } from '../../providers/useApi';

/** Adds the holidays fixed by the Labour Code for a year the calendar does not reach yet. */
const AddYear = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const add = () =>
    apiJson<unknown[]>(`/calendar/years/${encodeURIComponent(year)}/fixed-holidays`, { method: 'POST', body: {} })
      .then((added) => {
        notify('aqtalu.calendar.added', { messageArgs: { count: added.length } });
        refresh();
      })
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  return (
    <>
      <TextField size="small" type="number" value={year} onChange={(event) => setYear(event.target.value)} sx={{ width: 100 }} label={translate('resources.holidays.fields.year')} />
      <MuiButton size="small" onClick={add}>
        {translate('aqtalu.calendar.add_year')}
      </MuiButton>
    </>
  );
};

const DeleteHoliday = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const remove = (event: React.MouseEvent) => {
    event.stopPropagation();
    apiJson(`/calendar/holidays/${encodeURIComponent(record.id)}`, { method: 'DELETE' })
      .then(() => {
        notify('aqtalu.calendar.deleted');
        refresh();
      })
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  };
  return (
    <MuiButton size="small" color="error" onClick={remove}>
      {translate('aqtalu.calendar.delete')}
    </MuiButton>
  );
};

const LocalName = () => {
  const record = useRecordContext<{ id: string; nameKk: string; nameRu: string; nameEn: string }>();
  const [locale] = useLocaleState();
  return record ? <>{localName({ code: record.id, ...record }, locale)}</> : null;
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'holidays', action: 'create' });
  return <TopToolbar>{canAccess ? <><AddYear /><CreateButton /></> : null}</TopToolbar>;
};

/** The holiday calendar deadlines count against, a year at a time; administrators keep it. */
export const HolidayList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'holidays', action: 'edit' });
  return (
    <List
      filters={[<NumberInput key="year" source="year" label="resources.holidays.fields.year" alwaysOn />]}
      filterDefaultValues={{ year: new Date().getFullYear() }}
      sort={{ field: 'date', order: 'ASC' }}
      perPage={50}
      actions={<Actions />}
    >
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="date" label="resources.holidays.fields.date" />
        <DataTable.Col source="nameRu" label="resources.holidays.fields.nameRu" disableSort>
          <LocalName />
        </DataTable.Col>
        {canEdit ? (
          <DataTable.Col source="id" label="" disableSort>
            <DeleteHoliday />
          </DataTable.Col>
        ) : null}
      </DataTable>
    </List>
  );
};
