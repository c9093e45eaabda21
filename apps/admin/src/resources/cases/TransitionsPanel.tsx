import { Alert, Box, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Button,
  Form,
  HttpError,
  SelectInput,
  TextInput,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { StaleVersionAlert } from '../../layout/StaleVersionAlert';
import { apiJson } from '../../providers/api';
import { isStaleVersion } from '../../providers/problemDetails';
import { useApi } from '../../providers/useApi';
import { type CaseRecord, outcomeChoices, subjectName } from './CaseFields';
import { refusalsText } from './refusals';
import {
  type AvailableTransition,
  buildTransitionRequest,
  byAvailability,
  isDecision,
  type TransitionForm,
  type TransitionsAnswer,
  validateTransitionForm,
} from './transitions';

export const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : 'ra.notification.http_error');

/**
 * The steps this user may take with the case now, from `GET /api/cases/:id/transitions`: a button each,
 * disabled with the API's reasons when a rule does not hold yet.
 */
export const TransitionsPanel = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data, reload } = useApi<TransitionsAnswer>(record ? `/cases/${record.id}/transitions` : null);
  const [open, setOpen] = useState<AvailableTransition | null>(null);
  const [pending, setPending] = useState(false);
  const [stale, setStale] = useState<string | null>(null);

  // The record was reloaded (after a step, or by someone else's change): what may be done changes with it.
  useEffect(reload, [record?.version, record?.status, reload]);

  if (!record) return null;

  const run = async (transition: AvailableTransition, form: TransitionForm = {}) => {
    setPending(true);
    try {
      await apiJson(`/cases/${record.id}/transitions/${transition.name}`, {
        method: 'POST',
        body: buildTransitionRequest(transition, data?.version ?? record.version, form),
      });
      notify('resources.cases.transitions.done', {
        type: 'success',
        messageArgs: { step: translate(`resources.cases.transitions.names.${transition.name}`, { _: transition.name }) },
      });
      setOpen(null);
      refresh();
      reload();
      return undefined;
    } catch (error) {
      if (isStaleVersion(error)) {
        // Someone else changed the case: say so and let the user look before deciding again.
        setOpen(null);
        setStale(error.message);
        return undefined;
      }
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
      if (error instanceof HttpError && error.status === 409) {
        refresh();
        reload();
      }
      return undefined;
    } finally {
      setPending(false);
    }
  };

  const start = (transition: AvailableTransition) =>
    transition.needsReason || (isDecision(transition) && record.isGroup) ? setOpen(transition) : void run(transition);

  const transitions = byAvailability(data?.transitions ?? []);
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate('resources.cases.transitions.title')}
        </Typography>
        {stale ? (
          <StaleVersionAlert
            detail={stale}
            onReload={() => {
              setStale(null);
              refresh();
              reload();
            }}
          />
        ) : null}
        {transitions.length === 0 ? (
          <Typography color="text.secondary">{translate('resources.cases.transitions.none')}</Typography>
        ) : (
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
            {transitions.map((transition) => (
              <TransitionButton key={transition.name} transition={transition} disabled={pending} onClick={() => start(transition)} />
            ))}
          </Stack>
        )}
      </CardContent>
      {open ? (
        <TransitionDialog transition={open} record={record} pending={pending} onClose={() => setOpen(null)} onSubmit={(form) => run(open, form)} />
      ) : null}
    </Card>
  );
};

const TransitionButton = ({ transition, disabled, onClick }: { transition: AvailableTransition; disabled: boolean; onClick: () => void }) => {
  const translate = useTranslate();
  const label = `resources.cases.transitions.names.${transition.name}`;
  if (transition.allowed) return <Button label={label} variant="contained" onClick={onClick} disabled={disabled} />;
  const why = refusalsText(transition.reasons, translate);
  return (
    <Box sx={{ maxWidth: 320 }}>
      <Tooltip title={why}>
        {/* A disabled button fires no events: the span carries the tooltip. */}
        <span>
          <Button label={label} variant="outlined" disabled />
        </span>
      </Tooltip>
      <Typography variant="caption" color="text.secondary" component="p" data-testid={`why-not-${transition.name}`}>
        {translate('resources.cases.transitions.not_now', { reasons: why })}
      </Typography>
    </Box>
  );
};

/** Asks the reason, and on a group case's decision the persons decided otherwise. */
const TransitionDialog = ({
  transition,
  record,
  pending,
  onClose,
  onSubmit,
}: {
  transition: AvailableTransition;
  record: CaseRecord;
  pending: boolean;
  onClose: () => void;
  onSubmit: (form: TransitionForm) => Promise<undefined>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const decision = isDecision(transition) && record.isGroup;
  const defaults: TransitionForm = {
    reason: '',
    exceptions: decision ? record.subjects.map((subject) => ({ subjectId: subject.id, outcome: '', reason: '' })) : [],
  };
  const submit = async (values: Record<string, unknown>) => {
    const form = values as TransitionForm;
    const errors = validateTransitionForm(transition, form);
    if (Object.keys(errors).length > 0) return errors;
    return onSubmit(form);
  };
  const title = translate(`resources.cases.transitions.names.${transition.name}`, { _: transition.name });
  return (
    <Dialog open onClose={onClose} aria-labelledby="transition-title" fullWidth maxWidth={decision ? 'md' : 'sm'}>
      <Form onSubmit={submit} defaultValues={defaults} noValidate>
        <DialogTitle id="transition-title">{title}</DialogTitle>
        <DialogContent>
          {transition.needsReason ? (
            <TextInput source="reason" label="resources.cases.transitions.reason" multiline minRows={3} fullWidth autoFocus />
          ) : null}
          {decision ? (
            <>
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('resources.cases.transitions.exceptions_hint')}
              </Alert>
              {record.subjects.map((subject, index) => (
                <Stack key={subject.id} direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
                  <Typography sx={{ minWidth: 220 }}>{subjectName(subject, locale)}</Typography>
                  <SelectInput
                    source={`exceptions.${index}.outcome`}
                    label="resources.cases.transitions.exception_outcome"
                    choices={outcomeChoices}
                    emptyText="resources.cases.transitions.as_case"
                    helperText={false}
                  />
                  <TextInput source={`exceptions.${index}.reason`} label="resources.cases.transitions.exception_reason" helperText={false} fullWidth />
                </Stack>
              ))}
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <Button type="submit" variant="contained" label="resources.cases.transitions.confirm" disabled={pending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
