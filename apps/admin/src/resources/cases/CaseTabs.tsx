import { CaseAction, ConclusionRecommendation, EvidenceVerification } from '@aqtalu/contracts';
import {
  Alert,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List as MuiList,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  ArrayInput,
  Button,
  Confirm,
  DataTable,
  DateInput,
  Form,
  HttpError,
  minLength,
  NumberInput,
  ReferenceManyField,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../../i18n/dates';
import { LabelledButton } from '../../layout/LabelledButton';
import { StaleVersionAlert } from '../../layout/StaleVersionAlert';
import { apiJson, downloadFile } from '../../providers/api';
import { isStaleVersion } from '../../providers/problemDetails';
import { useApi, useDictionaryChoices } from '../../providers/useApi';
import { ArchiveRequestStatusChip, OverdueChip } from '../archive-requests/ArchiveRequestFields';
import type { EvidenceRecord } from '../evidence/evidence';
import type { CaseRecord } from './CaseFields';
import { refusalsText } from './refusals';
import { messageOf } from './TransitionsPanel';
import { useCaseActions } from './useCaseActions';

/** One POST with a notification either way; returns true when it went through. */
function usePost() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const post = async (path: string, body: unknown, success: string): Promise<boolean> => {
    setPending(true);
    try {
      await apiJson(path, { method: 'POST', body });
      notify(success, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      if (isStaleVersion(error)) setStale(error.message);
      else notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
      return false;
    } finally {
      setPending(false);
    }
  };
  const conflict = stale ? (
    <StaleVersionAlert
      detail={stale}
      onReload={() => {
        setStale(null);
        refresh();
      }}
    />
  ) : null;
  return { post, pending, conflict };
}

/** The archive requests of the case, and the working group's "send request". */
export const ArchiveRequestsTab = () => {
  const record = useRecordContext<CaseRecord>();
  const { canAccess: canSend } = useCanAccess({ resource: 'archive-requests', action: 'create' });
  const { action } = useCaseActions(canSend ? record : undefined);
  if (!record) return null;
  return (
    <>
      {canSend && action(CaseAction.RequestArchive)?.allowed ? <SendArchiveRequestButton caseId={record.id} /> : null}
      <ReferenceManyField reference="archive-requests" target="caseId" sort={{ field: 'dueDate', order: 'ASC' }}>
        <DataTable bulkActionButtons={false} rowClick={(id) => `/archive-requests/${id}/show`}>
          <DataTable.Col source="archiveCode" label="resources.archive-requests.fields.archiveCode" />
          <DataTable.Col source="sought" label="resources.archive-requests.fields.sought" />
          <DataTable.Col source="status" label="resources.archive-requests.fields.status">
            <ArchiveRequestStatusChip />
          </DataTable.Col>
          <DataTable.Col source="dueDate" label="resources.archive-requests.fields.dueDate">
            <OverdueChip withDate />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </>
  );
};

const SendArchiveRequestButton = ({ caseId }: { caseId: string }) => {
  const [open, setOpen] = useState(false);
  const archives = useDictionaryChoices('archives');
  const { post, pending } = usePost();
  const submit = async (values: Record<string, unknown>) => {
    const body = { archiveCode: values.archiveCode, sought: String(values.sought ?? '').trim(), ...(values.dueDate ? { dueDate: values.dueDate } : {}) };
    if (await post(`/cases/${caseId}/archive-requests`, body, 'resources.archive-requests.notifications.sent')) setOpen(false);
  };
  return (
    <>
      <Button label="resources.archive-requests.actions.send" onClick={() => setOpen(true)} sx={{ mb: 1 }} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="send-request-title" fullWidth maxWidth="sm">
        <Form onSubmit={submit} noValidate>
          <DialogTitle id="send-request-title">
            <TranslatedText value="resources.archive-requests.actions.send" />
          </DialogTitle>
          <DialogContent>
            <SelectInput source="archiveCode" label="resources.archive-requests.fields.archiveCode" choices={archives.choices} validate={required()} fullWidth />
            <TextInput source="sought" label="resources.archive-requests.fields.sought" multiline minRows={3} validate={[required(), minLength(5)]} fullWidth />
            <DateInput source="dueDate" label="resources.archive-requests.fields.dueDate" helperText="resources.archive-requests.helpers.dueDate" />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <Button type="submit" variant="contained" label="resources.archive-requests.actions.send" disabled={pending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

const TranslatedText = ({ value }: { value: string }) => {
  const translate = useTranslate();
  return <>{translate(value)}</>;
};

interface Conclusion {
  id: string;
  authorName: string;
  recommendation: ConclusionRecommendation;
  reasoning: string;
  legalArticleCode: string;
  signedBy: string | null;
  /** Who signed, by name (ConclusionResponse.signerName; null while unsigned). */
  signerName: string | null;
  signedAt: string | null;
  signatureValid: boolean;
  citations: ConclusionCitation[];
  version: number;
}

/** "Pages 5–7 of this evidence prove …": the API takes verified evidence of the case only. */
export interface CitationInput {
  evidenceId: string;
  pageFrom: number;
  pageTo: number;
  statement: string;
}

export interface ConclusionCitation extends CitationInput {
  id: string;
  originalName: string;
  kind: string;
  verification: EvidenceVerification;
}

/** The form's citation rows as the API takes them: rows without a document are dropped; one page is `pageFrom` alone. */
export function toCitations(rows: ReadonlyArray<Partial<CitationInput> | null | undefined> | null | undefined): CitationInput[] {
  return (rows ?? [])
    .filter((row): row is Partial<CitationInput> => Boolean(row?.evidenceId))
    .map((row) => {
      const pageFrom = Number(row.pageFrom) || 1;
      return { evidenceId: row.evidenceId!, pageFrom, pageTo: Number(row.pageTo) || pageFrom, statement: String(row.statement ?? '').trim() };
    });
}

const pagesOf = (citation: Pick<CitationInput, 'pageFrom' | 'pageTo'>) =>
  citation.pageFrom === citation.pageTo ? String(citation.pageFrom) : `${citation.pageFrom}–${citation.pageTo}`;

/** A document of the case as a citation names it: its kind and archival reference (or file name). */
const describeEvidence = (evidence: EvidenceRecord, translate: (key: string) => string) =>
  `${translate(`resources.evidence.kind.${evidence.kind}`)}, ${evidence.reference?.text ?? evidence.originalName}`;

const recommendationChoices = Object.values(ConclusionRecommendation).map((value) => ({
  id: value,
  name: `resources.cases.conclusion.recommendation_${value}`,
}));

/** The working group's conclusion: read by all, drafted by a member, signed by the lead. */
export const ConclusionTab = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { data, error, reload } = useApi<Conclusion>(record ? `/cases/${record.id}/conclusion?v=${record.version}` : null);
  const { canAccess: mayDraft } = useCanAccess({ resource: 'conclusions', action: 'create' });
  const { canAccess: maySign } = useCanAccess({ resource: 'conclusions', action: 'sign' });
  // The lifecycle table says whether the case's state still takes a draft or a signature: after the decision the form closes.
  const { action } = useCaseActions(mayDraft || maySign ? record : undefined);
  const drafting = action(CaseAction.DraftConclusion);
  const canDraft = mayDraft && drafting?.allowed === true;
  const canSign = maySign && action(CaseAction.SignConclusion)?.allowed === true;
  const articles = useDictionaryChoices('legal-articles');
  const [locale] = useLocaleState();
  const [confirmingSignature, setConfirmingSignature] = useState(false);
  const { post, pending, conflict } = usePost();
  const evidenceQuery = new URLSearchParams({ range: JSON.stringify([0, 99]), sort: JSON.stringify(['createdAt', 'ASC']) });
  const { data: evidence } = useApi<EvidenceRecord[]>(record && canDraft ? `/cases/${record.id}/evidence?${evidenceQuery.toString()}` : null);
  // Only verified documents can be cited (the API refuses the rest): the others are not offered.
  const citationChoices = (evidence ?? [])
    .filter((item) => item.verification === EvidenceVerification.Verified)
    .map((item) => ({ id: item.id, name: `✓ ${describeEvidence(item, translate)}` }));
  if (!record) return null;
  const missing = error instanceof HttpError && error.status === 404;
  const draft = async (values: Record<string, unknown>) => {
    // The form starts from the case record in context: send the conclusion's own fields only (the API refuses others).
    const body = {
      recommendation: values.recommendation,
      legalArticleCode: values.legalArticleCode,
      reasoning: String(values.reasoning ?? '').trim(),
      citations: toCitations(values.citations as CitationInput[] | undefined),
      ...(data ? { version: data.version } : {}),
    };
    if (await post(`/cases/${record.id}/conclusion`, body, 'resources.cases.conclusion.saved')) reload();
  };
  return (
    <Stack spacing={2}>
      {conflict}
      {data ? (
        <div>
          <Typography variant="subtitle1">
            {translate(`resources.cases.conclusion.recommendation_${data.recommendation}`)} ·{' '}
            {articles.choices.find((article) => article.id === data.legalArticleCode)?.name ?? data.legalArticleCode}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{data.reasoning}</Typography>
          {data.citations?.length ? (
            <MuiList dense data-testid="cited-evidence">
              {data.citations.map((citation) => (
                <ListItem key={citation.id} disableGutters>
                  <ListItemText
                    primary={`${citation.originalName} · ${translate('resources.cases.conclusion.cited_on_pages', { pages: pagesOf(citation) })}`}
                    secondary={citation.statement}
                  />
                </ListItem>
              ))}
            </MuiList>
          ) : null}
          <Typography variant="body2" color="text.secondary">
            {translate('resources.cases.conclusion.author', { name: data.authorName })}
          </Typography>
          <Chip
            sx={{ mt: 1, height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }}
            data-testid="conclusion-signature"
            color={data.signedAt ? (data.signatureValid ? 'success' : 'warning') : 'default'}
            label={
              data.signedAt
                ? translate(data.signatureValid ? 'resources.cases.conclusion.signed_by' : 'resources.cases.conclusion.signature_void_by', {
                    name: data.signerName ?? '—',
                    date: formatDateTime(data.signedAt, locale),
                  })
                : translate('resources.cases.conclusion.unsigned')
            }
          />
          {canSign && !(data.signedAt && data.signatureValid) ? (
            <>
              <LabelledButton
                sx={{ ml: { sm: 2 }, mt: 1 }}
                variant="contained"
                label="resources.cases.conclusion.sign"
                disabled={pending}
                onClick={() => setConfirmingSignature(true)}
              />
              <Confirm
                isOpen={confirmingSignature}
                loading={pending}
                title="resources.cases.conclusion.sign_confirm_title"
                content="resources.cases.conclusion.sign_confirm_content"
                translateOptions={{
                  number: record.number,
                  recommendation: translate(`resources.cases.conclusion.recommendation_${data.recommendation}`),
                  author: data.authorName,
                }}
                confirm="resources.cases.conclusion.sign"
                onClose={() => setConfirmingSignature(false)}
                onConfirm={async () => {
                  const signed = await post(`/cases/${record.id}/conclusion/sign`, { version: data.version }, 'resources.cases.conclusion.signed');
                  setConfirmingSignature(false);
                  if (signed) reload();
                }}
              />
            </>
          ) : null}
        </div>
      ) : (
        <Alert severity={missing ? 'info' : 'warning'}>{missing ? translate('resources.cases.conclusion.none') : messageOf(error)}</Alert>
      )}
      {mayDraft && drafting && !drafting.allowed && data ? (
        <Alert severity="info" data-testid="conclusion-closed">
          {translate('aqtalu.case_rules.conclusion_closed', { reasons: refusalsText(drafting.reasons, translate) })}
        </Alert>
      ) : null}
      {canDraft ? (
        <Form
          key={data?.version ?? 0}
          onSubmit={draft}
          defaultValues={
            data
              ? {
                  recommendation: data.recommendation,
                  reasoning: data.reasoning,
                  legalArticleCode: data.legalArticleCode,
                  citations: (data.citations ?? []).map(({ evidenceId, pageFrom, pageTo, statement }) => ({ evidenceId, pageFrom, pageTo, statement })),
                }
              : { citations: [] }
          }
          noValidate
        >
          <Typography variant="subtitle2">{translate(data ? 'resources.cases.conclusion.redraft' : 'resources.cases.conclusion.draft')}</Typography>
          <SelectInput source="recommendation" label="resources.cases.conclusion.recommendation" choices={recommendationChoices} validate={required()} />
          <SelectInput source="legalArticleCode" label="resources.cases.conclusion.legalArticleCode" choices={articles.choices} validate={required()} fullWidth />
          <TextInput source="reasoning" label="resources.cases.conclusion.reasoning" multiline minRows={4} validate={[required(), minLength(10)]} fullWidth />
          <ArrayInput source="citations" label="resources.cases.conclusion.cited">
            <SimpleFormIterator inline disableReordering>
              <SelectInput source="evidenceId" label="resources.cases.conclusion.cited_document" choices={citationChoices} sx={{ minWidth: 320 }} helperText={false} validate={required()} />
              <NumberInput source="pageFrom" label="resources.cases.conclusion.cited_page_from" min={1} step={1} helperText={false} sx={{ maxWidth: 110 }} validate={required()} />
              <NumberInput source="pageTo" label="resources.cases.conclusion.cited_page_to" min={1} step={1} helperText={false} sx={{ maxWidth: 110 }} />
              <TextInput source="statement" label="resources.cases.conclusion.cited_statement" helperText={false} sx={{ minWidth: 280 }} validate={[required(), minLength(3)]} />
            </SimpleFormIterator>
          </ArrayInput>
          <Button type="submit" variant="outlined" label="ra.action.save" disabled={pending} />
        </Form>
      ) : null}
    </Stack>
  );
};

/** The case's history: HistoryTab.tsx. */
export { TimelineTab } from './HistoryTab';

interface Comment {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

/** Notes between the people working the case; `@e-mail` tells that person. */
export const CommentsTab = () => {
  const record = useRecordContext<CaseRecord>();
  const [locale] = useLocaleState();
  const { data, reload } = useApi<Comment[]>(record ? `/cases/${record.id}/comments` : null);
  const { post, pending } = usePost();
  const [formKey, setFormKey] = useState(0);
  if (!record) return null;
  const submit = async (values: Record<string, unknown>) => {
    if (await post(`/cases/${record.id}/comments`, { body: String(values.body ?? '').trim() }, 'resources.cases.comments.added')) {
      reload();
      setFormKey((key) => key + 1);
    }
  };
  return (
    <>
      <MuiList dense>
        {(data ?? []).map((comment) => (
          <ListItem key={comment.id} divider>
            <ListItemText primary={comment.body} secondary={`${comment.authorName} · ${new Date(comment.createdAt).toLocaleString(locale)}`} />
          </ListItem>
        ))}
      </MuiList>
      <Form key={formKey} onSubmit={submit} noValidate>
        <TextInput source="body" label="resources.cases.comments.body" helperText="resources.cases.comments.hint" multiline fullWidth validate={required()} />
        <Button type="submit" variant="outlined" label="resources.cases.comments.add" disabled={pending} />
      </Form>
    </>
  );
};

interface Certificate {
  id: string;
  number: string;
  verificationCode: string;
  nameKk: string | null;
  nameRu: string | null;
  renderedAt: string | null;
}

/** The certificates of a rehabilitated case, downloaded with the token (a plain link would have none). */
export const CertificatesTab = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const { data } = useApi<Certificate[]>(record ? `/cases/${record.id}/certificates?v=${record.version}` : null);
  if (!data?.length) return <Typography color="text.secondary">{translate('resources.cases.certificates.none')}</Typography>;
  return (
    <MuiList dense>
      {data.map((certificate) => (
        <ListItem
          key={certificate.id}
          divider
          secondaryAction={
            <Button
              label="resources.cases.certificates.download"
              disabled={!certificate.renderedAt}
              onClick={() =>
                downloadFile(`/certificates/${certificate.id}/pdf`, `certificate-${certificate.number}.pdf`).catch((error: unknown) =>
                  notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } }),
                )
              }
            />
          }
        >
          <ListItemText
            primary={`${certificate.number} · ${certificate.nameKk ?? certificate.nameRu ?? ''}`}
            secondary={`${translate('resources.cases.certificates.code')}: ${certificate.verificationCode}`}
          />
        </ListItem>
      ))}
    </MuiList>
  );
};
