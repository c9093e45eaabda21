import { EvidenceCheckState, EvidenceVerification } from '@aqtalu/contracts';
import {
  Alert,
  Box,
  Button,
  Chip,
  type ChipProps,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  Link as MuiLink,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiJson, downloadFile } from '../../providers/api';
import { readProblemDetail } from '../../providers/problemDetails';
import { useApi } from '../../providers/useApi';
import { authorizedFetch } from '../../providers/authFetch';
import { messageOf } from '../cases/TransitionsPanel';
import { canFrameBlobs } from './framing';
import { canBeVerified, type EvidenceCheck, type EvidenceRecord, fileSize, referenceParts, safetyState, summariseChecks, viewerOf } from './evidence';
import { type ArchiveRequestChoice, EvidenceUpload } from './EvidenceUpload';
import { useEvidence } from './useEvidence';
import { ProposalsPanel } from './ProposalsPanel';
import { useCodeText } from '../../i18n/useCodeText';

const checkColor: Record<EvidenceCheckState, ChipProps['color']> = {
  [EvidenceCheckState.Pending]: 'default',
  [EvidenceCheckState.Running]: 'info',
  [EvidenceCheckState.Passed]: 'success',
  [EvidenceCheckState.Failed]: 'error',
  [EvidenceCheckState.Quarantined]: 'error',
  [EvidenceCheckState.NotScanned]: 'warning',
};

const verificationColor: Record<EvidenceVerification, ChipProps['color']> = {
  [EvidenceVerification.Unverified]: 'default',
  [EvidenceVerification.Verified]: 'success',
  [EvidenceVerification.Rejected]: 'error',
};

/** A check's reason in the screen's language (its English text when the code is unknown here). */
const useCheckReason = () => {
  const { text } = useCodeText();
  return (check: EvidenceCheck) => (check.reason === null ? null : text({ code: check.reasonCode, params: check.reasonParams }, check.reason));
};

export const CheckChip = ({ check }: { check: EvidenceCheck }) => {
  const translate = useTranslate();
  const reasonOf = useCheckReason();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={checkColor[check.state]}
      data-testid={`check-${check.check}`}
      data-state={check.state}
      label={`${translate(`resources.evidence.check.${check.check}`)}: ${translate(`resources.evidence.check_state.${check.state}`)}`}
      title={reasonOf(check) ?? undefined}
    />
  );
};

const SummaryChip = ({ evidence }: { evidence: EvidenceRecord }) => {
  const translate = useTranslate();
  const summary = summariseChecks(evidence.checks);
  return (
    <Chip
      size="small"
      data-testid="checks-summary"
      data-state={summary}
      icon={summary === 'checking' ? <CircularProgress size={12} /> : undefined}
      color={summary === 'passed' ? 'success' : summary === 'problem' ? 'error' : 'default'}
      label={translate(`resources.evidence.summary.${summary}`)}
    />
  );
};

export const VerificationChip = ({ verification }: { verification: EvidenceVerification }) => {
  const translate = useTranslate();
  return <Chip size="small" color={verificationColor[verification]} label={translate(`resources.evidence.verification.${verification}`)} />;
};

/**
 * The file itself beside what is known about it. Images are drawn from a data: URL and PDFs framed from a
 * blob: URL, both fetched with the bearer token: a plain link would carry none.
 */
const Viewer = ({ evidence }: { evidence: EvidenceRecord }) => {
  const translate = useTranslate();
  const kind = viewerOf(evidence.detectedMime ?? evidence.declaredMime);
  const [source, setSource] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const safety = safetyState(evidence);
  useEffect(() => {
    if (kind === 'none' || evidence.quarantined || safety !== 'open') return;
    let current = true;
    let blobUrl: string | null = null;
    setSource(null);
    setProblem(null);
    (kind === 'pdf' ? canFrameBlobs() : Promise.resolve(true))
      .then((framable) => {
        if (!framable) throw new Error('resources.evidence.viewer.pdf_blocked');
        return authorizedFetch(`/evidence/${evidence.id}/download`);
      })
      .then(async (response) => {
        if (!response.ok) throw new Error((await readProblemDetail(response)) ?? 'ra.notification.http_error');
        const blob = await response.blob();
        if (kind === 'pdf') {
          blobUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
          return blobUrl;
        }
        // The API's Content-Security-Policy lets images come from data: URLs, not from blob: ones.
        return new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('read failed'));
          reader.readAsDataURL(blob);
        });
      })
      .then((url) => current && setSource(url))
      .catch((error: unknown) => current && setProblem(messageOf(error)));
    return () => {
      current = false;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    };
  }, [evidence.id, evidence.quarantined, kind, safety]);

  if (evidence.quarantined) return <Alert severity="error">{translate('resources.evidence.viewer.quarantined')}</Alert>;
  if (kind === 'none') return <Alert severity="info">{translate('resources.evidence.viewer.no_preview')}</Alert>;
  if (safety === 'checking') return <Alert severity="info">{translate('resources.evidence.viewer.checking')}</Alert>;
  if (safety === 'failed') return <Alert severity="warning">{translate('resources.evidence.viewer.check_failed')}</Alert>;
  if (problem) return <Alert severity={problem === 'resources.evidence.viewer.pdf_blocked' ? 'info' : 'warning'}>{translate(problem, { _: problem })}</Alert>;
  if (!source) return <CircularProgress aria-label={translate('ra.page.loading')} />;
  return kind === 'pdf' ? (
    <Box component="iframe" src={source} title={evidence.originalName} sx={{ width: '100%', height: { xs: 420, md: 640 }, border: 0 }} />
  ) : (
    <Box component="img" src={source} alt={evidence.originalName} data-testid="evidence-image" sx={{ maxWidth: '100%', maxHeight: 640, display: 'block' }} />
  );
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography component="div">{children}</Typography>
    </Box>
  );
};

export const ParsedReference = ({ evidence }: { evidence: EvidenceRecord }) => {
  const translate = useTranslate();
  if (!evidence.reference) return <>—</>;
  return (
    <Box data-testid="parsed-reference">
      <Typography component="div">{evidence.reference.text}</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
        {referenceParts(evidence.reference).map(({ part, value }) => (
          <Chip key={part} size="small" variant="outlined" label={`${translate(`resources.evidence.reference.${part}`)}: ${value}`} />
        ))}
      </Stack>
    </Box>
  );
};

const RejectDialog = ({ open, onClose, onReject }: { open: boolean; onClose: () => void; onReject: (reason: string) => void }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const invalid = reason.trim().length < 3;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!invalid) onReject(reason.trim());
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="reject-evidence-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reject-evidence-title">{translate('resources.evidence.actions.reject')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label={translate('resources.evidence.fields.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={touched && invalid}
            helperText={touched && invalid ? translate('resources.evidence.reason_required') : ' '}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" color="error">
            {translate('resources.evidence.actions.reject')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const EvidenceDetail = ({ evidence, onChanged }: { evidence: EvidenceRecord; onChanged: (evidence: EvidenceRecord) => void }) => {
  const translate = useTranslate();
  const reasonOf = useCheckReason();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { canAccess: canVerify } = useCanAccess({ resource: 'evidence', action: 'verify' });
  const { canAccess: canRecheck } = useCanAccess({ resource: 'evidence', action: 'create' });
  const [rejecting, setRejecting] = useState(false);
  const [pending, setPending] = useState(false);

  const act = async (path: string, body: unknown, success: string) => {
    setPending(true);
    try {
      const changed = await apiJson<EvidenceRecord>(path, { method: 'POST', body });
      notify(success, { type: 'success' });
      onChanged(changed);
      return true;
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
      return false;
    } finally {
      setPending(false);
    }
  };

  const ocr = evidence.checks?.find((check) => check.check === 'ocr' || check.check === 'text');
  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} data-testid="evidence-detail">
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Viewer evidence={evidence} />
          <ProposalsPanel
            evidenceId={evidence.id}
            uploadedBy={evidence.uploadedBy}
            onDecided={() => void apiJson<EvidenceRecord>(`/evidence/${evidence.id}`).then(onChanged, () => undefined)}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Typography variant="h6" component="h3" gutterBottom sx={{ wordBreak: 'break-word' }}>
            {evidence.originalName}
          </Typography>
          <Fact label="resources.evidence.fields.kind">{translate(`resources.evidence.kind.${evidence.kind}`)}</Fact>
          <Fact label="resources.evidence.fields.reference">
            <ParsedReference evidence={evidence} />
          </Fact>
          <Fact label="resources.evidence.fields.documentDate">{evidence.documentDate ?? '—'}</Fact>
          <Fact label="resources.evidence.fields.language">
            {evidence.language ? translate(`resources.evidence.language.${evidence.language.replace('+', '_')}`, { _: evidence.language }) : '—'}
          </Fact>
          <Fact label="resources.evidence.fields.file">
            {`${evidence.detectedMime ?? evidence.declaredMime} · ${fileSize(evidence.size, locale)}${evidence.pages ? ` · ${translate('resources.evidence.pages', { smart_count: evidence.pages })}` : ''} · v${evidence.versionNo}`}
          </Fact>
          <Fact label="resources.evidence.fields.createdAt">{new Date(evidence.createdAt).toLocaleString(locale)}</Fact>
          <Fact label="resources.evidence.fields.checks">
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {(evidence.checks ?? []).map((check) => (
                <CheckChip key={check.check} check={check} />
              ))}
            </Stack>
            {(evidence.checks ?? [])
              .filter((check) => check.reason)
              .map((check) => (
                <Typography key={check.check} variant="body2" color="text.secondary">
                  {translate(`resources.evidence.check.${check.check}`)}: {reasonOf(check)}
                </Typography>
              ))}
          </Fact>
          <Fact label="resources.evidence.fields.verification">
            <VerificationChip verification={evidence.verification} />
            {evidence.verificationReason ? <Typography variant="body2">{evidence.verificationReason}</Typography> : null}
          </Fact>
          <Fact label="resources.evidence.fields.text">
            <Typography variant="body2" color="text.secondary">
              {ocr ? translate(`resources.evidence.text_state.${ocr.state}`, { _: ocr.state }) : '—'}
            </Typography>
          </Fact>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
            {canVerify && evidence.verification !== EvidenceVerification.Verified ? (
              <Button
                variant="contained"
                color="success"
                disabled={pending || !canBeVerified(evidence)}
                onClick={() => void act(`/evidence/${evidence.id}/verify`, { verified: true }, 'resources.evidence.notifications.verified')}
              >
                {translate('resources.evidence.actions.verify')}
              </Button>
            ) : null}
            {canVerify && evidence.verification !== EvidenceVerification.Rejected ? (
              <Button variant="outlined" color="error" disabled={pending} onClick={() => setRejecting(true)}>
                {translate('resources.evidence.actions.reject')}
              </Button>
            ) : null}
            {canRecheck ? (
              <Button
                variant="outlined"
                disabled={pending || summariseChecks(evidence.checks) === 'checking'}
                onClick={() => void act(`/evidence/${evidence.id}/recheck`, undefined, 'resources.evidence.notifications.rechecking')}
              >
                {translate('resources.evidence.actions.recheck')}
              </Button>
            ) : null}
            {!evidence.quarantined && safetyState(evidence) === 'open' ? (
              <MuiLink
                component="button"
                type="button"
                onClick={() =>
                  void downloadFile(`/evidence/${evidence.id}/download`, evidence.originalName).catch((error: unknown) =>
                    notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } }),
                  )
                }
              >
                {translate('resources.evidence.actions.download')}
              </MuiLink>
            ) : null}
          </Stack>
          {canVerify && !canBeVerified(evidence) && evidence.verification === EvidenceVerification.Unverified ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {translate('resources.evidence.verify_after_checks')}
            </Typography>
          ) : null}
        </Grid>
      </Grid>
      <RejectDialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        onReject={(reason) =>
          void act(`/evidence/${evidence.id}/verify`, { verified: false, reason }, 'resources.evidence.notifications.rejected').then(
            (done) => done && setRejecting(false),
          )
        }
      />
    </Paper>
  );
};

/**
 * Full-text search of what the checks read in the case's documents (text layer and OCR): the ids of the
 * documents that mention the words, asked a moment after the typing stops; null while nothing is typed.
 */
function useTextSearch(caseId: string) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text]);
  const search = new URLSearchParams({ filter: JSON.stringify({ q: query }), range: JSON.stringify([0, 99]) });
  const { data } = useApi<Array<{ id: string }>>(query ? `/cases/${caseId}/evidence?${search.toString()}` : null);
  const matches = query && data ? new Set(data.map((item) => item.id)) : null;
  return { text, setText, matches };
}

/** The evidence of a case: upload, the list with its checks as they run, and the chosen file opened. */
export const EvidencePanel = ({
  caseId,
  archiveRequests,
  fixedArchiveRequestId,
}: {
  caseId: string;
  archiveRequests?: ArchiveRequestChoice[];
  fixedArchiveRequestId?: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { canAccess: canUpload } = useCanAccess({ resource: 'evidence', action: 'create' });
  const { items, error, upsert } = useEvidence(caseId);
  const [selected, setSelected] = useState<string | null>(null);
  const { text, setText, matches } = useTextSearch(caseId);
  const scoped = fixedArchiveRequestId ? items?.filter((item) => item.archiveRequestId === fixedArchiveRequestId) : items;
  const visible = matches ? scoped?.filter((item) => matches.has(item.id)) : scoped;
  const open = visible?.find((item) => item.id === selected);

  return (
    <Box>
      {canUpload ? (
        <EvidenceUpload
          caseId={caseId}
          archiveRequests={archiveRequests}
          fixedArchiveRequestId={fixedArchiveRequestId}
          onUploaded={(evidence) => {
            notify('resources.evidence.notifications.uploaded', { type: 'success' });
            upsert(evidence);
            setSelected(evidence.id);
          }}
        />
      ) : null}
      {error ? <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert> : null}
      {scoped && scoped.length > 0 ? (
        <TextField
          type="search"
          size="small"
          label={translate('resources.evidence.search')}
          helperText={translate('resources.evidence.search_hint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          sx={{ mb: 1, minWidth: 320 }}
        />
      ) : null}
      {visible === undefined && !error ? <CircularProgress aria-label={translate('ra.page.loading')} /> : null}
      {visible?.length === 0 ? <Typography color="text.secondary">{translate(matches ? 'resources.evidence.no_match' : 'resources.evidence.none')}</Typography> : null}
      {visible && visible.length > 0 ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={translate('resources.evidence.name', { smart_count: 2 })}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.evidence.fields.originalName')}</TableCell>
                <TableCell>{translate('resources.evidence.fields.kind')}</TableCell>
                <TableCell>{translate('resources.evidence.fields.reference')}</TableCell>
                <TableCell>{translate('resources.evidence.fields.checks')}</TableCell>
                <TableCell>{translate('resources.evidence.fields.verification')}</TableCell>
                <TableCell>{translate('resources.evidence.fields.createdAt')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {visible.map((evidence) => (
                <TableRow
                  key={evidence.id}
                  hover
                  selected={evidence.id === selected}
                  data-testid="evidence-row"
                  sx={{ cursor: 'pointer' }}
                  onClick={() => setSelected(evidence.id)}
                >
                  <TableCell>
                    <MuiLink component="button" type="button" onClick={() => setSelected(evidence.id)} sx={{ textAlign: 'left' }}>
                      {evidence.originalName}
                    </MuiLink>
                  </TableCell>
                  <TableCell>{translate(`resources.evidence.kind.${evidence.kind}`)}</TableCell>
                  <TableCell>{evidence.reference?.text ?? '—'}</TableCell>
                  <TableCell>
                    <SummaryChip evidence={evidence} />
                  </TableCell>
                  <TableCell>
                    <VerificationChip verification={evidence.verification} />
                  </TableCell>
                  <TableCell>{new Date(evidence.createdAt).toLocaleDateString(locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
      {open ? <EvidenceDetail key={open.id} evidence={open} onChanged={upsert} /> : null}
    </Box>
  );
};
