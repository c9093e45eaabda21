import { letterPlaceholders, type LetterTemplateResponse } from '@aqtalu/contracts';
import { Alert, Button as MuiButton, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../../i18n/dates';
import { LabelledButton as Button } from '../../layout/LabelledButton';
import { apiJson } from '../../providers/api';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';

const TemplateEditor = ({ template, onSaved }: { template: LetterTemplateResponse; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    setProblem(null);
    apiJson(`/letter-templates/${template.kind}/${template.language}`, { method: 'PATCH', body: { subject, body } })
      .then(() => {
        notify('aqtalu.letters.templates.saved', { type: 'success' });
        onSaved();
      }, (error: unknown) => setProblem(messageOf(error)))
      .finally(() => setBusy(false));
  };
  return (
    <Stack spacing={1.5}>
      <TextField size="small" label={translate('aqtalu.letters.templates.subject')} value={subject} onChange={(event) => setSubject(event.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} fullWidth />
      <TextField label={translate('aqtalu.letters.templates.body')} value={body} onChange={(event) => setBody(event.target.value)} multiline minRows={5} slotProps={{ htmlInput: { maxLength: 20000 } }} fullWidth />
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      <Stack direction="row" spacing={1}>
        <MuiButton variant="contained" size="small" disabled={busy || !subject.trim() || !body.trim()} onClick={save}>
          {translate('ra.action.save')}
        </MuiButton>
        <MuiButton size="small" onClick={onSaved}>
          {translate('ra.action.cancel')}
        </MuiButton>
      </Stack>
    </Stack>
  );
};

/** The administrators' editor of the letter templates (kind × kk/ru, kept as data; each change audited by the API). */
export const LetterTemplatesPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canEdit } = useCanAccess({ resource: 'letter-templates', action: 'edit' });
  const { data, error, reload } = useApi<LetterTemplateResponse[]>('/letter-templates');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('resources.letter-templates.name', { smart_count: 2 })} />
      <Typography color="text.secondary">
        {translate('aqtalu.letters.templates.placeholders', { list: letterPlaceholders.map((name) => `{${name}}`).join(', ') })}
      </Typography>
      {error ? <Alert severity="error">{messageOf(error)}</Alert> : null}
      {(data ?? []).map((template) => {
        const key = `${template.kind}:${template.language}`;
        return (
          <Card key={key} variant="outlined" component="section" aria-label={`${translate(`aqtalu.letters.kind.${template.kind}`)} · ${translate(`aqtalu.letters.language.${template.language}`)}`}>
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
                <Typography variant="subtitle1" component="h2">
                  {translate(`aqtalu.letters.kind.${template.kind}`)} · {translate(`aqtalu.letters.language.${template.language}`)}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {template.updatedBy ? translate('aqtalu.letters.templates.changed', { date: formatDate(template.updatedAt.slice(0, 10), locale) }) : translate('aqtalu.letters.templates.as_seeded')}
                </Typography>
              </Stack>
              {editing === key ? (
                <TemplateEditor
                  template={template}
                  onSaved={() => {
                    setEditing(null);
                    reload();
                  }}
                />
              ) : (
                <>
                  <Typography sx={{ fontWeight: 600 }}>{template.subject}</Typography>
                  <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{template.body}</Typography>
                  {canEdit ? <Button label="ra.action.edit" sx={{ mt: 1 }} onClick={() => setEditing(key)} /> : null}
                </>
              )}
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
};
