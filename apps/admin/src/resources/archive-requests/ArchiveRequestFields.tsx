import { ArchiveRequestStatus, type ArchiveRequestActionOption } from '@aqtalu/contracts';
import { Chip, type ChipProps, Stack } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../../i18n/dates';

export interface ArchiveRequestRecord {
  id: string;
  caseId: string;
  caseNumber: string;
  archiveCode: string;
  sought: string;
  status: ArchiveRequestStatus;
  sentOn: string;
  dueDate: string;
  overdue: boolean;
  overdueSince: string | null;
  answerNote: string | null;
  subjects: string;
  version: number;
  /** What the caller may do with the request now (the API's archive-request lifecycle), on a single request only. */
  actions?: ArchiveRequestActionOption[];
}

export const archiveRequestStatusChoices = Object.values(ArchiveRequestStatus).map((value) => ({
  id: value,
  name: `resources.archive-requests.status.${value}`,
}));

const color: Record<ArchiveRequestStatus, ChipProps['color']> = {
  [ArchiveRequestStatus.Sent]: 'info',
  [ArchiveRequestStatus.InProgress]: 'primary',
  [ArchiveRequestStatus.Answered]: 'success',
  [ArchiveRequestStatus.NothingFound]: 'warning',
  [ArchiveRequestStatus.Cancelled]: 'default',
};

export const ArchiveRequestStatusChip = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<ArchiveRequestRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={color[record.status]} label={translate(`resources.archive-requests.status.${record.status}`, { _: record.status })} />;
};

/** The due date, with a red chip once the request has gone overdue. */
export const OverdueChip = ({ withDate = false }: { withDate?: boolean; label?: string; source?: string }) => {
  const record = useRecordContext<ArchiveRequestRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {withDate ? <span>{formatDate(record.dueDate, locale)}</span> : null}
      {record.overdue ? (
        <Chip size="small" color="error" label={translate('resources.archive-requests.overdue', { since: record.overdueSince ? formatDate(record.overdueSince, locale) : '' })} />
      ) : null}
    </Stack>
  );
};
