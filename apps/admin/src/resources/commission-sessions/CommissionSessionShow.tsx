import { CaseAction, VoteChoice, type CaseTransitionsAnswer } from '@aqtalu/contracts';
import { Card, CardContent, Checkbox, Chip, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Confirm,
  Form,
  Link,
  required,
  SelectInput,
  Show,
  TextInput,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { codeText } from '../../i18n/codeText';
import { LabelledButton as Button } from '../../layout/LabelledButton';
import { apiJson, downloadFile } from '../../providers/api';
import { messageOf } from '../cases/TransitionsPanel';
import { SessionBatchPrint } from '../letters/SessionBatchPrint';
import { ExportButton } from '../../layout/ListExportButton';
import { type AgendaCandidate, type AgendaItem, candidateLabel, type SessionRecord, tally, toggledAttendance } from './session';
import { useApi } from '../../providers/useApi';

function useSend() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const send = async (path: string, method: string, body: unknown, success: string) => {
    setPending(true);
    try {
      await apiJson(path, { method, body });
      notify(success, { type: 'success' });
      return true;
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
      return false;
    } finally {
      setPending(false);
      refresh();
    }
  };
  return { send, pending };
}

const ProtocolButton = () => {
  const record = useRecordContext<SessionRecord>();
  const notify = useNotify();
  if (!record) return null;
  return (
    <Button
      label="resources.commission-sessions.actions.protocol"
      onClick={() =>
        downloadFile(`/commission/sessions/${record.id}/protocol.pdf`, `protocol-${record.number}.pdf`).catch((error: unknown) =>
          notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } }),
        )
      }
    />
  );
};

/** This session's votes and decisions as CSV or XLSX (the streamed exports, filtered to the session). */
const SessionExports = () => {
  const record = useRecordContext<SessionRecord>();
  if (!record) return null;
  return (
    <>
      <ExportButton path="commission-sessions" filter={{ sessionId: record.id }} label="aqtalu.exports.votes" />
      <ExportButton path="decisions" filter={{ sessionId: record.id }} label="aqtalu.exports.decisions" />
    </>
  );
};

const Attendance = () => {
  const record = useRecordContext<SessionRecord>();
  const translate = useTranslate();
  const { canAccess: canManage } = useCanAccess({ resource: 'commission-sessions', action: 'edit' });
  const { send, pending } = useSend();
  // Opened from the list, the list's row stands in until the full session arrives: it has no attendance.
  if (!record?.attendance) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          {translate('resources.commission-sessions.attendance', { present: record.present, total: record.totalMembers })}
        </Typography>
        <Stack>
          {record.attendance.map((member) => (
            <FormControlLabel
              key={member.userId}
              label={`${member.name} (${translate(`aqtalu.role.${member.role}`, { _: member.role })})`}
              control={
                <Checkbox
                  checked={member.present}
                  disabled={!canManage || pending}
                  onChange={(event) =>
                    void send(
                      `/commission/sessions/${record.id}/attendance`,
                      'PUT',
                      { present: toggledAttendance(record.attendance, member.userId, event.target.checked) },
                      'resources.commission-sessions.notifications.attendance',
                    )
                  }
                />
              }
            />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The cases awaiting the commission (signed conclusion, on no agenda), offered by number and names. */
const AddToAgenda = () => {
  const record = useRecordContext<SessionRecord>();
  const translate = useTranslate();
  const { send, pending } = useSend();
  const [formKey, setFormKey] = useState(0);
  const { data: candidates, loading, reload } = useApi<AgendaCandidate[]>(record ? `/commission/sessions/${record.id}/agenda/candidates?v=${record.agenda?.length ?? 0}` : null);
  if (!record) return null;
  const submit = async (values: Record<string, unknown>) => {
    const caseId = String(values.caseId ?? '');
    if (!caseId) return;
    if (await send(`/commission/sessions/${record.id}/agenda`, 'POST', { caseId }, 'resources.commission-sessions.notifications.added')) {
      setFormKey((key) => key + 1);
      reload();
    }
  };
  if (candidates && candidates.length === 0) return <Typography color="text.secondary" data-testid="no-candidates">{translate('aqtalu.screens.agenda.none')}</Typography>;
  return (
    <Form key={formKey} onSubmit={submit} noValidate>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'baseline' } }}>
        <AutocompleteInput
          source="caseId"
          label="aqtalu.screens.agenda.pick"
          helperText="aqtalu.screens.agenda.pick_helper"
          choices={(candidates ?? []).map((candidate) => ({ id: candidate.id, name: candidateLabel(candidate) }))}
          isLoading={loading}
          validate={required()}
          sx={{ minWidth: { sm: 420 } }}
          fullWidth
        />
        <Button type="submit" variant="outlined" label="resources.commission-sessions.actions.add" disabled={pending} />
      </Stack>
    </Form>
  );
};

const voteChoices = Object.values(VoteChoice).map((value) => ({ id: value, name: `resources.commission-sessions.vote.${value}` }));

/** A vote is asked for once more before it is cast: it cannot be taken back. */
const VoteForm = ({ session, item }: { session: SessionRecord; item: AgendaItem }) => {
  const translate = useTranslate();
  const { send, pending } = useSend();
  const [asking, setAsking] = useState<{ choice: string; opinion: string } | null>(null);
  const cast = async () => {
    if (!asking) return;
    await send(
      `/commission/sessions/${session.id}/agenda/${item.caseId}/vote`,
      'POST',
      { choice: asking.choice, ...(asking.opinion ? { dissentingOpinion: asking.opinion } : {}) },
      'resources.commission-sessions.notifications.voted',
    );
    setAsking(null);
  };
  return (
    <Form onSubmit={(values: Record<string, unknown>) => setAsking({ choice: String(values.choice), opinion: String(values.dissentingOpinion ?? '').trim() })} noValidate>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'baseline' } }}>
        <SelectInput source="choice" label="resources.commission-sessions.fields.choice" choices={voteChoices} validate={required()} helperText={false} />
        <TextInput source="dissentingOpinion" label="resources.commission-sessions.fields.dissentingOpinion" helperText={false} fullWidth />
        <Button type="submit" variant="contained" label="resources.commission-sessions.actions.vote" disabled={pending} />
      </Stack>
      <Confirm
        isOpen={asking !== null}
        loading={pending}
        title="resources.commission-sessions.vote_confirm_title"
        content="resources.commission-sessions.vote_confirm_content"
        translateOptions={{ number: item.caseNumber, choice: asking ? translate(`resources.commission-sessions.vote.${asking.choice}`) : '' }}
        confirm="resources.commission-sessions.actions.vote"
        onConfirm={() => void cast()}
        onClose={() => setAsking(null)}
      />
    </Form>
  );
};

/** The vote form, shown while the case's allowed actions (GET /api/cases/:id/transitions) open `vote` to this member. */
const VoteWhenAllowed = ({ session, item }: { session: SessionRecord; item: AgendaItem }) => {
  const { data } = useApi<CaseTransitionsAnswer>(`/cases/${item.caseId}/transitions?v=${session.version}`);
  const vote = data?.actions.find((action) => action.name === CaseAction.Vote);
  return vote?.allowed ? <VoteForm session={session} item={item} /> : null;
};

const Agenda = () => {
  const record = useRecordContext<SessionRecord>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess: canManage } = useCanAccess({ resource: 'commission-sessions', action: 'edit' });
  const { canAccess: canVote } = useCanAccess({ resource: 'commission-sessions', action: 'vote' });
  if (!record) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate('resources.commission-sessions.agenda')}
        </Typography>
        {canManage ? <AddToAgenda /> : null}
        {(record.agenda ?? []).length === 0 ? <Typography color="text.secondary">{translate('resources.commission-sessions.empty_agenda')}</Typography> : null}
        {(record.agenda ?? []).map((item) => {
          const counts = tally(item.votes);
          const voted = item.votes.some((vote) => vote.memberId === identity?.id);
          return (
            <Stack key={item.id} spacing={1} sx={{ py: 2, borderTop: 1, borderColor: 'divider' }}>
              <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Link to={`/cases/${item.caseId}/show`}>
                  {item.position}. {item.caseNumber}
                </Link>
                {item.subjects?.length ? <Typography data-testid="agenda-subjects">{item.subjects.join('; ')}</Typography> : null}
                <Chip size="small" label={translate(`resources.cases.status.${item.caseStatus}`, { _: item.caseStatus })} />
                <Typography variant="body2">
                  {translate('resources.commission-sessions.tally', { for: counts.for, against: counts.against, abstain: counts.abstain })}
                </Typography>
                <Chip
                  size="small"
                  color={item.quorum.reached ? 'success' : 'warning'}
                  label={item.quorum.reached ? translate('resources.commission-sessions.quorum_reached') : translate('resources.commission-sessions.no_quorum', { note: codeText(item.quorum.refusal ?? {}, item.quorum.note, translate) })}
                />
                {item.decision ? (
                  <Chip size="small" color="primary" label={`${item.decision.number}: ${translate(`resources.cases.outcome.${item.decision.outcome}`, { _: item.decision.outcome })}`} />
                ) : null}
              </Stack>
              {item.votes.map((vote) => (
                <Typography key={vote.memberId} variant="body2" color="text.secondary">
                  {vote.name}: {translate(`resources.commission-sessions.vote.${vote.choice}`)}
                  {vote.dissentingOpinion ? ` — ${vote.dissentingOpinion}` : ''}
                </Typography>
              ))}
              {canVote && !voted ? <VoteWhenAllowed session={record} item={item} /> : null}
            </Stack>
          );
        })}
      </CardContent>
    </Card>
  );
};

const Header = () => {
  const record = useRecordContext<SessionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="h5" component="h1" sx={{ p: 2 }}>
      {translate('resources.commission-sessions.header', { number: record.number, date: record.date, place: record.place ?? '' })}
    </Typography>
  );
};

export const CommissionSessionShow = () => (
  <Show actions={<TopToolbar><ProtocolButton /><SessionExports /><SessionBatchPrint /></TopToolbar>}>
    <Header />
    <Stack spacing={2} sx={{ p: 2 }}>
      <Attendance />
      <Agenda />
    </Stack>
  </Show>
);
