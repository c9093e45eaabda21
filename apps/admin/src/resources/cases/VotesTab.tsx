import type { HistoryEntry } from '@aqtalu/contracts';
import { Alert, Chip, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { codeText } from '../../i18n/codeText';
import { useApi } from '../../providers/useApi';
import type { SessionRecord } from '../commission-sessions/session';
import { tally } from '../commission-sessions/session';
import type { CaseRecord } from './CaseFields';

type TimelineEvent = Pick<HistoryEntry, 'kind' | 'data'>;

/** The session the case was last put on, from its timeline (the case itself does not name it). */
export function lastSessionOf(events: readonly TimelineEvent[] | undefined): string | null {
  const placed = (events ?? []).filter((event) => event.kind === 'placed_on_agenda' && typeof event.data?.sessionId === 'string');
  return placed.length > 0 ? String(placed[placed.length - 1]!.data!.sessionId) : null;
}

/** How the commission voted on the case and what the chair decided, for those who may read the sessions. */
export const VotesTab = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'commission-sessions', action: 'show' });
  const { data: timeline } = useApi<TimelineEvent[]>(record ? `/cases/${record.id}/timeline?v=${record.version}` : null);
  const sessionId = lastSessionOf(timeline);
  const { data: session } = useApi<SessionRecord>(canAccess && sessionId ? `/commission/sessions/${sessionId}?v=${record?.version}` : null);
  if (!record) return null;
  if (!sessionId) return <Typography color="text.secondary">{translate('resources.case_votes.none')}</Typography>;
  if (!canAccess) return <Alert severity="info">{translate('resources.case_votes.not_visible')}</Alert>;
  if (!session) return null;
  const item = [...(session.agenda ?? [])].reverse().find((entry) => entry.caseId === record.id);
  if (!item) return <Typography color="text.secondary">{translate('resources.case_votes.none')}</Typography>;
  const counts = tally(item.votes);
  return (
    <Stack spacing={1} data-testid="case-votes">
      <Typography>
        <Link to={`/commission-sessions/${session.id}/show`}>
          {translate('resources.commission-sessions.header', { number: session.number, date: session.date, place: session.place ?? '' })}
        </Link>
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="body2">{translate('resources.commission-sessions.tally', { for: counts.for, against: counts.against, abstain: counts.abstain })}</Typography>
        <Chip
          size="small"
          color={item.quorum.reached ? 'success' : 'warning'}
          label={item.quorum.reached ? translate('resources.commission-sessions.quorum_reached') : translate('resources.commission-sessions.no_quorum', { note: codeText(item.quorum.refusal ?? {}, item.quorum.note, translate) })}
        />
      </Stack>
      <MuiList dense>
        {item.votes.map((vote) => (
          <ListItem key={vote.memberId} divider>
            <ListItemText primary={`${vote.name}: ${translate(`resources.commission-sessions.vote.${vote.choice}`)}`} secondary={vote.dissentingOpinion ?? undefined} />
          </ListItem>
        ))}
      </MuiList>
      {item.decision ? (
        <Alert severity="success" icon={false}>
          <Typography variant="subtitle1" component="p">
            {translate('resources.case_votes.decision', {
              number: item.decision.number,
              outcome: translate(`resources.cases.outcome.${item.decision.outcome}`, { _: item.decision.outcome }),
            })}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{item.decision.reasons}</Typography>
        </Alert>
      ) : (
        <Typography color="text.secondary">{translate('resources.case_votes.no_decision')}</Typography>
      )}
    </Stack>
  );
};
