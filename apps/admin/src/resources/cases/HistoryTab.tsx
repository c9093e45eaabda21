import type { HistoryEntry } from '@aqtalu/contracts';
import { List as MuiList, ListItem, ListItemText } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../i18n/dates';
import { historySentence, linkLabel, type HistoryLink } from '../../i18n/history';
import { useApi } from '../../providers/useApi';
import type { CaseRecord } from './CaseFields';

/** Where an entry leads: the person added, the session, the case set apart or its parent. */
function linkOf(entry: HistoryEntry): { to: string; label: HistoryLink } | null {
  const data = entry.data ?? {};
  const id = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  if (entry.kind === 'subject_added' && id('personId')) return { to: `/persons/${id('personId')}/show`, label: 'person' };
  if (entry.kind === 'placed_on_agenda' && id('sessionId')) return { to: `/commission-sessions/${id('sessionId')}/show`, label: 'session' };
  if (entry.kind === 'exception_spun_off' && id('caseId')) return { to: `/cases/${id('caseId')}/show`, label: 'case' };
  if (entry.kind === 'created_from_exception' && id('parentCaseId')) return { to: `/cases/${id('parentCaseId')}/show`, label: 'case' };
  if (entry.kind.startsWith('archive_request_') && id('archiveRequestId')) return { to: `/archive-requests/${id('archiveRequestId')}/show`, label: 'request' };
  return null;
}

/** What happened to the case, oldest first, as sentences with names and links (never codes and ids). */
export const TimelineTab = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useApi<HistoryEntry[]>(record ? `/cases/${record.id}/timeline?v=${record.version}` : null);
  return (
    <MuiList dense data-testid="case-history">
      {(data ?? []).map((entry) => {
        const link = linkOf(entry);
        const reason = typeof entry.params.reason === 'string' && entry.params.reason ? entry.params.reason : null;
        const note = typeof entry.params.note === 'string' && entry.params.note ? entry.params.note : null;
        const secondary: ReactNode[] = [formatDateTime(entry.occurredAt, locale)];
        if (reason ?? note) secondary.push(` — «${reason ?? note}»`);
        return (
          <ListItem key={entry.id} divider>
            <ListItemText
              primary={historySentence(entry, locale, translate)}
              secondary={
                <>
                  {secondary}
                  {link ? (
                    <>
                      {' · '}
                      <Link to={link.to}>{linkLabel(link.label, locale)}</Link>
                    </>
                  ) : null}
                </>
              }
            />
          </ListItem>
        );
      })}
    </MuiList>
  );
};
