import { Alert, Box, Button, Checkbox, Chip, CircularProgress, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { apiJson } from '../../providers/api';
import { readSession } from '../../providers/session';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';
import { keepUndecided, type Proposal, selectionOf, undecided } from './proposals';

/**
 * What the checks found in the document's text (references, dates, names), beside the viewer: a member
 * who may verify evidence confirms or dismisses them, one or many at once (all or none).
 */
export const ProposalsPanel = ({ evidenceId, uploadedBy, onDecided }: { evidenceId: string; uploadedBy?: string; onDecided?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: mayVerify } = useCanAccess({ resource: 'evidence', action: 'verify' });
  // four eyes: whoever uploaded the document does not decide what it says (the API refuses it too)
  const canDecide = mayVerify && uploadedBy !== readSession()?.user.id;
  const { canAccess: canOpenPerson } = useCanAccess({ resource: 'persons', action: 'show' });
  const { data, error, reload } = useApi<Proposal[]>(`/evidence/${evidenceId}/proposals`);
  const [rows, setRows] = useState<Proposal[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState(false);
  const proposals = rows ?? (Array.isArray(data) ? data : undefined);

  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!proposals) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;

  const open = undecided(proposals);
  const { ids, namesWithoutMatch } = selectionOf(proposals, selected);
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const decide = async (confirm: boolean) => {
    setPending(true);
    try {
      const answer = await apiJson<Proposal[]>(`/evidence/${evidenceId}/proposals/decide`, { method: 'POST', body: { ids, confirm } });
      setRows(answer);
      setSelected((previous) => keepUndecided(previous, answer));
      // a confirmed reference or date may have become the document's own
      if (confirm) onDecided?.();
      notify(confirm ? 'aqtalu.screens.proposals.confirmed' : 'aqtalu.screens.proposals.dismissed', { type: 'success', messageArgs: { smart_count: ids.length } });
    } catch (failure) {
      notify(messageOf(failure), { type: 'error', multiLine: true, messageArgs: { _: messageOf(failure) } });
      setRows(null);
      reload();
    } finally {
      setPending(false);
    }
  };

  return (
    <Box data-testid="proposals" sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h4">
          {translate('aqtalu.screens.proposals.title')}
        </Typography>
        {open.length > 0 ? <Chip size="small" color="info" label={translate('aqtalu.screens.proposals.pending_count', { smart_count: open.length })} /> : null}
      </Stack>
      {proposals.length === 0 ? (
        <Typography color="text.secondary">{translate('aqtalu.screens.proposals.none')}</Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('aqtalu.screens.proposals.hint')}
          </Typography>
          <Box sx={{ overflowX: 'auto', maxWidth: '100%', contain: 'inline-size' }}>
            <Table size="small" aria-label={translate('aqtalu.screens.proposals.title')}>
              <TableHead>
                <TableRow>
                  {canDecide ? (
                    <TableCell padding="checkbox">
                      <Checkbox
                        disabled={open.length === 0 || pending}
                        checked={open.length > 0 && open.every((proposal) => selected.has(proposal.id))}
                        indeterminate={ids.length > 0 && ids.length < open.length}
                        onChange={(event) => setSelected(event.target.checked ? new Set(open.map((proposal) => proposal.id)) : new Set())}
                        slotProps={{ input: { 'aria-label': translate('aqtalu.screens.proposals.select_all') } }}
                      />
                    </TableCell>
                  ) : null}
                  <TableCell>{translate('aqtalu.screens.proposals.columns.found')}</TableCell>
                  <TableCell>{translate('aqtalu.screens.proposals.columns.what')}</TableCell>
                  <TableCell>{translate('aqtalu.screens.proposals.columns.on_page')}</TableCell>
                  <TableCell>{translate('aqtalu.screens.proposals.columns.match')}</TableCell>
                  <TableCell>{translate('aqtalu.screens.proposals.columns.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {proposals.map((proposal) => (
                  <TableRow key={proposal.id} data-testid="proposal-row" data-status={proposal.status}>
                    {canDecide ? (
                      <TableCell padding="checkbox">
                        <Checkbox
                          disabled={proposal.status !== 'proposed' || pending}
                          checked={selected.has(proposal.id)}
                          onChange={(event) => toggle(proposal.id, event.target.checked)}
                          slotProps={{ input: { 'aria-label': translate('aqtalu.screens.proposals.select_one', { text: proposal.text }) } }}
                        />
                      </TableCell>
                    ) : null}
                    <TableCell sx={{ wordBreak: 'break-word', minWidth: 140 }}>{proposal.text}</TableCell>
                    <TableCell>{translate(`aqtalu.screens.proposals.kind.${proposal.kind}`)}</TableCell>
                    <TableCell>{proposal.page}</TableCell>
                    <TableCell>
                      {proposal.kind !== 'person' ? (
                        '—'
                      ) : proposal.personId && canOpenPerson ? (
                        <MuiLink component={Link} to={`/persons/${proposal.personId}/show`}>
                          {proposal.personName}
                        </MuiLink>
                      ) : (
                        (proposal.personName ?? translate('aqtalu.screens.proposals.no_match'))
                      )}
                    </TableCell>
                    <TableCell>{translate(`aqtalu.screens.proposals.status.${proposal.status}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          {canDecide && open.length > 0 ? (
            <>
              {namesWithoutMatch.length > 0 ? (
                <Alert severity="info" sx={{ mt: 1 }}>
                  {translate('aqtalu.screens.proposals.name_needs_person')}
                </Alert>
              ) : null}
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
                <Button variant="contained" color="success" disabled={pending || ids.length === 0 || namesWithoutMatch.length > 0} onClick={() => void decide(true)}>
                  {translate('aqtalu.screens.proposals.confirm_selected', { smart_count: ids.length })}
                </Button>
                <Button variant="outlined" color="error" disabled={pending || ids.length === 0} onClick={() => void decide(false)}>
                  {translate('aqtalu.screens.proposals.dismiss_selected', { smart_count: ids.length })}
                </Button>
              </Stack>
            </>
          ) : null}
        </>
      )}
    </Box>
  );
};
