import { Alert, Card, CardContent, CardHeader, Grid, List as MuiList, ListItem, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, RecordContextProvider, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { apiJson } from '../providers/api';
import { type DictionaryEntry, localName, useApi } from '../providers/useApi';
import { ArchiveRequestStatusChip } from '../resources/archive-requests/ArchiveRequestFields';
import { isTask, linkOf, messageKey, type NotificationRecord } from '../resources/notifications/notification';
import { caseStats, type CaseStats } from './caseStats';
import { RegionMap } from './RegionMap';

/** The counts of the cases the user may see, by status and region, from `GET /cases/stats`. */
function useCaseStats(enabled: boolean) {
  const [stats, setStats] = useState<CaseStats | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    apiJson<Array<{ status: string; regionCode: string; count: number }>>('/cases/stats')
      .then((rows) => current && setStats(caseStats(rows)))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [enabled]);
  return { stats, failed };
}

const ChartCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
    <CardContent>{children}</CardContent>
  </Card>
);

/** Cases by state and by region, and the map of open cases, within the user's scope. */
export const CaseCharts = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'list' });
  const { stats, failed } = useCaseStats(canAccess === true);
  const { data: regions } = useApi<DictionaryEntry[]>(canAccess ? '/dictionaries/regions' : null);
  const byStatus = useMemo(
    () => (stats?.byStatus ?? []).filter((entry) => entry.count > 0).map((entry) => ({ ...entry, label: translate(`resources.cases.status.${entry.status}`) })),
    [stats, translate],
  );
  const byRegion = useMemo(
    () =>
      Object.entries(stats?.openByRegion ?? {})
        .map(([code, count]) => {
          const region = regions?.find((entry) => entry.code === code);
          return { code, count, label: region ? localName(region, locale) : code };
        })
        .sort((a, b) => b.count - a.count),
    [stats, regions, locale],
  );
  if (!canAccess) return null;
  if (failed) return <Alert severity="warning">{translate('aqtalu.charts.failed')}</Alert>;
  const filterLink = (filter: Record<string, string>) => `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={translate('aqtalu.charts.by_state')}>
          {!stats ? (
            <Skeleton variant="rectangular" height={260} />
          ) : byStatus.length === 0 ? (
            <Typography color="text.secondary">{translate('aqtalu.charts.no_cases')}</Typography>
          ) : (
            <ResponsiveContainer width="100%" height={Math.max(160, byStatus.length * 34)}>
              <BarChart data={byStatus} layout="vertical" margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(value) => [new Intl.NumberFormat(locale).format(Number(value)), translate('aqtalu.charts.cases')]} />
                <Bar dataKey="count" fill="#3182bd" isAnimationActive={false} onClick={(entry) => navigate(filterLink({ status: String((entry as { status?: string }).status) }))} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={translate('aqtalu.charts.by_region')}>
          {!stats ? (
            <Skeleton variant="rectangular" height={260} />
          ) : byRegion.length === 0 ? (
            <Typography color="text.secondary">{translate('aqtalu.charts.no_cases')}</Typography>
          ) : (
            <ResponsiveContainer width="100%" height={Math.max(160, byRegion.length * 34)}>
              <BarChart data={byRegion} layout="vertical" margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(value) => [new Intl.NumberFormat(locale).format(Number(value)), translate('aqtalu.charts.open_cases')]} />
                <Bar dataKey="count" fill="#08519c" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartCard>
      </Grid>
      <Grid size={12}>
        <ChartCard title={translate('aqtalu.charts.map_title')}>
          {stats ? (
            <RegionMap counts={stats.openByRegion} regions={regions ?? []} onSelect={(code) => navigate(filterLink({ regionCode: code }))} />
          ) : (
            <Skeleton variant="rectangular" height={300} />
          )}
        </ChartCard>
      </Grid>
    </>
  );
};

interface OverdueRequest {
  id: string;
  caseNumber?: string;
  archiveCode: string;
  sought: string;
  dueDate: string;
  status: string;
}

/** The overdue archive requests in the user's scope, oldest deadline first. */
export const OverdueRequests = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'archive-requests', action: 'list' });
  const query = new URLSearchParams({ filter: JSON.stringify({ overdue: true }), range: JSON.stringify([0, 4]), sort: JSON.stringify(['dueDate', 'ASC']) });
  const { data } = useApi<OverdueRequest[]>(canAccess ? `/archive-requests?${query.toString()}` : null);
  if (!canAccess) return null;
  return (
    <ChartCard title={translate('aqtalu.charts.overdue')}>
      {!data ? <Skeleton /> : null}
      {data?.length === 0 ? <Typography color="text.secondary">{translate('aqtalu.charts.no_overdue')}</Typography> : null}
      <MuiList dense disablePadding>
        {(data ?? []).map((request) => (
          <ListItem key={request.id} disableGutters secondaryAction={
              <RecordContextProvider value={request}>
                <ArchiveRequestStatusChip />
              </RecordContextProvider>
            }>
            <ListItemText
              primary={<Link to={`/archive-requests/${request.id}/show`}>{`${request.caseNumber ?? ''} · ${request.archiveCode}`}</Link>}
              secondary={translate('aqtalu.charts.due', { date: request.dueDate })}
            />
          </ListItem>
        ))}
      </MuiList>
    </ChartCard>
  );
};

/** What asks this user to act, from their unread notifications (signatures, new requests, assigned tasks). */
export const MyTasks = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, reload } = useApi<NotificationRecord[]>('/notifications');
  const tasks = (data ?? []).filter(isTask).slice(0, 8);
  // Opening a task marks its notification read, so the list shows what is still waiting.
  const open = (task: NotificationRecord, link: string) => {
    void apiJson('/notifications/read', { method: 'POST', body: { ids: [task.id] } }).then(reload, () => undefined);
    navigate(link);
  };
  return (
    <ChartCard title={translate('aqtalu.charts.my_tasks')}>
      {!data ? <Skeleton /> : null}
      {data && tasks.length === 0 ? <Typography color="text.secondary">{translate('aqtalu.charts.no_tasks')}</Typography> : null}
      <MuiList dense disablePadding>
        {tasks.map((task) => {
          const link = linkOf(task);
          return (
            <ListItem key={task.id} disablePadding>
              <ListItemButton disabled={!link} onClick={() => link && open(task, link)}>
                <ListItemText primary={translate(messageKey(task.kind), { _: task.kind, ...task.params })} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </MuiList>
    </ChartCard>
  );
};
