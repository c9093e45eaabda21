import {
  type StatsAnswer, type StatsArchiveRow, type StatsBacklogRow, type StatsCountRow, StatsDimension, type StatsDurationRow, StatsPeriod, StatsTable,
  backlogAgeBuckets,
} from '@aqtalu/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert, Box, Button, Card, CardContent, CardHeader, Grid, MenuItem, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { type ReactNode, useMemo, useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downloadAs } from '../../layout/ListExportButton';
import { useApi, useDictionaryChoices } from '../../providers/useApi';
import { keyLabel, totalsByKey } from './statsLabels';

interface Filters {
  from: string;
  to: string;
  period: StatsPeriod;
  by: StatsDimension;
  regionCode: string;
  categoryCode: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const initialFilters = (): Filters => {
  const today = new Date();
  return { from: `${today.getUTCFullYear()}-01-01`, to: isoDay(today), period: StatsPeriod.Month, by: StatsDimension.Region, regionCode: '', categoryCode: '' };
};
const queryOf = (filters: Filters) =>
  new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '') as Array<[string, string]>).toString();

const colors = ['#1565c0', '#ef6c00', '#2e7d32', '#c62828', '#6a1b9a'];

/**
 * A chart's legend as our own list: recharts' default legend names each swatch "legend icon" (English, read out
 * by screen readers); here the swatch is decoration and the series' translated name is the text.
 */
const ChartLegend = ({ payload }: { payload?: ReadonlyArray<{ value?: unknown; color?: string }> }) => (
  <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: 2, listStyle: 'none', m: 0, p: 0, fontSize: 13 }}>
    {(payload ?? []).map((item) => (
      <Box component="li" key={String(item.value)} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Box component="span" aria-hidden sx={{ width: 12, height: 12, bgcolor: item.color }} />
        {String(item.value ?? '')}
      </Box>
    ))}
  </Box>
);

/** A table's card: its title, its XLSX download (the same filters, written on the sheet) and its content. */
const TableCard = ({ table, filters, children }: { table: StatsTable; filters: Filters; children: ReactNode }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const download = () =>
    downloadAs(`/stats/${table}.xlsx?${queryOf(filters)}`, `statistics-${table}-${filters.from}-${filters.to}.xlsx`).catch((error: Error) =>
      notify(error.message, { type: 'error' }),
    );
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader
        title={translate(`aqtalu.statistics.tables.${table}`)}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
        action={
          <Button size="small" startIcon={<DownloadIcon />} onClick={download} data-testid={`stats-xlsx-${table}`}>
            {translate('aqtalu.statistics.download')}
          </Button>
        }
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
};

function useStats<R>(path: string, filters: Filters) {
  return useApi<StatsAnswer<R>>(`/stats/${path}?${queryOf(filters)}`);
}

const Loading = ({ loading, error, empty }: { loading: boolean; error?: Error; empty: boolean }) => {
  const translate = useTranslate();
  if (error) return <Alert severity="warning">{error.message || translate('aqtalu.statistics.failed')}</Alert>;
  if (loading) return <Skeleton variant="rectangular" height={120} />;
  if (empty) return <Typography color="text.secondary">{translate('aqtalu.statistics.empty')}</Typography>;
  return null;
};

const SimpleTable = ({ head, rows, label }: { head: string[]; rows: Array<Array<ReactNode>>; label: string }) => (
  // A scrolling region is reached by the keyboard too (tabIndex), and named for screen readers.
  // On a phone the box is held to the screen's width (less the page's and the card's padding): the table scrolls inside it.
  <Box sx={{ overflowX: 'auto', maxHeight: 360, maxWidth: { xs: 'calc(100vw - 64px)', sm: '100%' } }} tabIndex={0} role="region" aria-label={label}>
    <Table size="small" stickyHeader aria-label={label}>
      <TableHead>
        <TableRow>
          {head.map((cell) => (
            <TableCell key={cell}>{cell}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((cells, index) => (
          <TableRow key={index}>
            {cells.map((cell, column) => (
              <TableCell key={column} align={typeof cell === 'number' ? 'right' : 'left'}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);

const Counts = ({ filters }: { filters: Filters }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, loading, error } = useStats<StatsCountRow>('counts', filters);
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const chart = useMemo(
    () => totalsByKey(rows).map((total) => ({ label: keyLabel(filters.by, total.row, locale, translate), cases: total.cases, applications: total.applications })),
    [rows, filters.by, locale, translate],
  );
  const column = (key: string) => translate(`aqtalu.statistics.columns.${key}`);
  return (
    <TableCard table={StatsTable.Counts} filters={filters}>
      <Loading loading={loading} error={error} empty={rows.length === 0} />
      {rows.length > 0 ? (
        <>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={chart} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" interval={0} angle={-20} textAnchor="end" height={70} tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend content={<ChartLegend />} />
              <Bar dataKey="applications" name={column('applications')} fill={colors[1]} />
              <Bar dataKey="cases" name={column('cases')} fill={colors[0]} />
            </BarChart>
          </ResponsiveContainer>
          <SimpleTable
            label={translate(`aqtalu.statistics.tables.${StatsTable.Counts}`)}
            head={['period', 'key', 'applications', 'cases', 'subjects'].map(column)}
            rows={rows.map((row) => [row.period, keyLabel(filters.by, row, locale, translate), row.applications, row.cases, row.subjects])}
          />
        </>
      ) : null}
    </TableCard>
  );
};

const Durations = ({ filters }: { filters: Filters }) => {
  const translate = useTranslate();
  const { data, loading, error } = useStats<StatsDurationRow>('durations', filters);
  const rows = data?.rows ?? [];
  const column = (key: string) => translate(`aqtalu.statistics.columns.${key}`);
  const step = (value: string) => translate(`resources.cases.status.${value}`, { _: value });
  const whole = rows.filter((row) => row.period === null).map((row) => ({ ...row, label: step(row.step) }));
  return (
    <TableCard table={StatsTable.Durations} filters={filters}>
      <Loading loading={loading} error={error} empty={rows.length === 0} />
      {rows.length > 0 ? (
        <>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={whole} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" interval={0} angle={-20} textAnchor="end" height={70} tick={{ fontSize: 11 }} />
              <YAxis />
              <Tooltip />
              <Legend content={<ChartLegend />} />
              <Bar dataKey="medianDays" name={column('medianDays')} fill={colors[0]} />
              <Bar dataKey="p90Days" name={column('p90Days')} fill={colors[3]} />
            </BarChart>
          </ResponsiveContainer>
          <SimpleTable
            label={translate(`aqtalu.statistics.tables.${StatsTable.Durations}`)}
            head={['step', 'period', 'count', 'medianDays', 'p90Days'].map(column)}
            rows={rows.map((row) => [step(row.step), row.period ?? column('whole'), row.count, row.medianDays, row.p90Days])}
          />
        </>
      ) : null}
    </TableCard>
  );
};

const ArchiveRequests = ({ filters }: { filters: Filters }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, loading, error } = useStats<StatsArchiveRow>('archive-requests', filters);
  const rows = (data?.rows ?? []).filter((row) => row.sent > 0);
  const column = (key: string) => translate(`aqtalu.statistics.columns.${key}`);
  const name = (row: StatsArchiveRow) => keyLabel(StatsDimension.Region, { key: row.archiveCode, nameKk: row.nameKk, nameRu: row.nameRu, nameEn: row.nameEn }, locale, translate);
  return (
    <TableCard table={StatsTable.ArchiveRequests} filters={filters}>
      <Loading loading={loading} error={error} empty={rows.length === 0} />
      {rows.length > 0 ? (
        <>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows.map((row) => ({ ...row, label: row.archiveCode }))} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend content={<ChartLegend />} />
              <Bar dataKey="onTime" stackId="a" name={column('onTime')} fill={colors[2]} />
              <Bar dataKey="late" stackId="a" name={column('late')} fill={colors[1]} />
              <Bar dataKey="openOverdue" stackId="a" name={column('openOverdue')} fill={colors[3]} />
              <Bar dataKey="open" stackId="a" name={column('open')} fill={colors[0]} />
            </BarChart>
          </ResponsiveContainer>
          <SimpleTable
            label={translate(`aqtalu.statistics.tables.${StatsTable.ArchiveRequests}`)}
            head={['archive', 'sent', 'answered', 'onTime', 'late', 'openOverdue', 'open', 'cancelled'].map(column)}
            rows={rows.map((row) => [name(row), row.sent, row.answered, row.onTime, row.late, row.openOverdue, row.open, row.cancelled])}
          />
        </>
      ) : null}
    </TableCard>
  );
};

const Backlog = ({ filters }: { filters: Filters }) => {
  const translate = useTranslate();
  const { data, loading, error } = useStats<StatsBacklogRow>('backlog', filters);
  const rows = data?.rows ?? [];
  const column = (key: string) => translate(`aqtalu.statistics.columns.${key}`);
  const status = (value: string) => translate(`resources.cases.status.${value}`, { _: value });
  const byStatus = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const entry = byStatus.get(row.status) ?? { label: status(row.status) };
    entry[row.age] = row.count;
    byStatus.set(row.status, entry);
  }
  const chart = [...byStatus.values()];
  return (
    <TableCard table={StatsTable.Backlog} filters={filters}>
      <Loading loading={loading} error={error} empty={rows.length === 0} />
      {rows.length > 0 ? (
        <>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={chart} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" interval={0} angle={-20} textAnchor="end" height={70} tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend content={<ChartLegend />} />
              {backlogAgeBuckets.map((bucket, index) => (
                <Bar key={bucket} dataKey={bucket} stackId="a" name={bucket} fill={colors[index % colors.length]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
          <SimpleTable label={translate(`aqtalu.statistics.tables.${StatsTable.Backlog}`)} head={['status', 'age', 'count'].map(column)} rows={rows.map((row) => [status(row.status), row.age, row.count])} />
        </>
      ) : null}
    </TableCard>
  );
};

/** The commission's statistics, within the user's scope (the API scopes every number), with charts and XLSX tables. */
export const StatisticsPage = () => {
  const translate = useTranslate();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const regions = useDictionaryChoices('regions');
  const categories = useDictionaryChoices('victim-categories');
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setFilters((current) => ({ ...current, [key]: event.target.value }));
  const label = (key: string) => translate(`aqtalu.statistics.filters.${key}`);
  const any = <MenuItem value="">{label('any')}</MenuItem>;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('aqtalu.statistics.title')} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          <TextField type="date" size="small" label={label('from')} value={filters.from} onChange={set('from')} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField type="date" size="small" label={label('to')} value={filters.to} onChange={set('to')} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField select size="small" label={label('period')} value={filters.period} onChange={set('period')} sx={{ minWidth: 120 }}>
            {Object.values(StatsPeriod).map((period) => (
              <MenuItem key={period} value={period}>
                {translate(`aqtalu.statistics.period.${period}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={label('by')} value={filters.by} onChange={set('by')} sx={{ minWidth: 200 }}>
            {Object.values(StatsDimension).map((by) => (
              <MenuItem key={by} value={by}>
                {translate(`aqtalu.statistics.by.${by}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={label('regionCode')} value={filters.regionCode} onChange={set('regionCode')} sx={{ minWidth: 200 }}>
            {any}
            {regions.choices.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {choice.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={label('categoryCode')} value={filters.categoryCode} onChange={set('categoryCode')} sx={{ minWidth: 220 }}>
            {any}
            {categories.choices.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {choice.name}
              </MenuItem>
            ))}
          </TextField>
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }} sx={{ minWidth: 0 }}>
          <Counts filters={filters} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }} sx={{ minWidth: 0 }}>
          <Durations filters={filters} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }} sx={{ minWidth: 0 }}>
          <ArchiveRequests filters={filters} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }} sx={{ minWidth: 0 }}>
          <Backlog filters={filters} />
        </Grid>
      </Grid>
    </Box>
  );
};
