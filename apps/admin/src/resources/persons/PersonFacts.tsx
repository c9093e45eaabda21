import { Alert, Box, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { localName, useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';
import { ExportButton } from '../../layout/ListExportButton';
import { episodeDetails, type FactDictionaryRef, type PersonCase, type PersonFact, type Phrase, sourcePhrase, splitFacts } from './person';

const usePhrase = () => {
  const translate = useTranslate();
  return (phrase: Phrase | string) => (typeof phrase === 'string' ? phrase : translate(phrase[0], phrase[1]));
};

/** A table that scrolls within itself on a phone instead of widening the page. */
const Scroll = ({ children, label, testId }: { children: ReactNode; label: string; testId: string }) => (
  // contain: inline-size keeps a wide table from widening the page (its width no longer counts outside): it scrolls within itself
  <Box sx={{ overflowX: 'auto', maxWidth: '100%', contain: 'inline-size' }}>
    <Table size="small" aria-label={label} data-testid={testId}>
      {children}
    </Table>
  </Box>
);

const Accepted = ({ fact }: { fact: PersonFact }) => {
  const translate = useTranslate();
  return fact.accepted ? <Chip size="small" color="success" label={translate('aqtalu.screens.person.accepted')} /> : null;
};

const placeOf = (fact: PersonFact, locale: string) => (fact.place ? localName({ ...fact.place, code: fact.place.nameRu }, locale) : (fact.placeText ?? ''));

/**
 * The person's facts and repression episodes, each with its source and which value the commission
 * accepted (values that sources disagree on are all listed). Dates are the sources' own wording.
 */
export const PersonFacts = ({ personId }: { personId: string }) => {
  const translate = useTranslate();
  const phrase = usePhrase();
  const [locale] = useLocaleState();
  const { data, error } = useApi<PersonFact[]>(`/registry/persons/${personId}/facts`);
  const name = (entry: FactDictionaryRef) => localName(entry, locale);
  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!data) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  const { facts, episodes } = splitFacts(data);
  const t = (key: string) => translate(`aqtalu.screens.person.columns.${key}`);
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      <Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" component="h2">
            {translate('aqtalu.screens.person.facts')}
          </Typography>
          {data.length ? <ExportButton path="facts" filter={{ personId }} label="aqtalu.exports.facts" /> : null}
        </Stack>
        {facts.length === 0 ? (
          <Typography color="text.secondary">{translate('aqtalu.screens.person.no_facts')}</Typography>
        ) : (
          <Scroll label={translate('aqtalu.screens.person.facts')} testId="person-facts">
            <TableHead>
              <TableRow>
                <TableCell>{t('what')}</TableCell>
                <TableCell>{t('value')}</TableCell>
                <TableCell>{t('source')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {facts.map((fact) => (
                <TableRow key={fact.id} data-accepted={fact.accepted}>
                  <TableCell>{translate(`aqtalu.screens.person.fact_kind.${fact.kind}`, { _: fact.kind })}</TableCell>
                  <TableCell>{[...new Set([fact.value, fact.date?.text, placeOf(fact, locale)].filter(Boolean))].join(', ') || '—'}</TableCell>
                  <TableCell>
                    {translate(`aqtalu.screens.person.source_kind.${fact.source.kind}`)}: {phrase(sourcePhrase(fact.source))}
                  </TableCell>
                  <TableCell>
                    <Accepted fact={fact} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Scroll>
        )}
      </Box>
      <Box>
        <Typography variant="subtitle1" component="h2">
          {translate('aqtalu.screens.person.episodes')}
        </Typography>
        {episodes.length === 0 ? (
          <Typography color="text.secondary">{translate('aqtalu.screens.person.no_episodes')}</Typography>
        ) : (
          <Scroll label={translate('aqtalu.screens.person.episodes')} testId="person-episodes">
            <TableHead>
              <TableRow>
                <TableCell>{t('when')}</TableCell>
                <TableCell>{t('what')}</TableCell>
                <TableCell>{t('where')}</TableCell>
                <TableCell>{t('details')}</TableCell>
                <TableCell>{t('source')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {episodes.map((fact) => (
                <TableRow key={fact.id} data-accepted={fact.accepted}>
                  <TableCell>{fact.date?.text ?? '—'}</TableCell>
                  <TableCell>{translate(`aqtalu.screens.person.episode_kind.${fact.episodeKind}`, { _: fact.episodeKind ?? '' })}</TableCell>
                  <TableCell>{placeOf(fact, locale) || '—'}</TableCell>
                  <TableCell>
                    {episodeDetails(fact, name).map((detail) => (
                      <Typography key={detail[0]} variant="body2" component="div">
                        {phrase(detail)}
                      </Typography>
                    ))}
                  </TableCell>
                  <TableCell>
                    {translate(`aqtalu.screens.person.source_kind.${fact.source.kind}`)}: {phrase(sourcePhrase(fact.source))}
                  </TableCell>
                  <TableCell>
                    <Accepted fact={fact} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Scroll>
        )}
      </Box>
    </Stack>
  );
};

/** The cases the person is a subject of, those the reader may see. */
export const PersonCases = ({ personId }: { personId: string }) => {
  const translate = useTranslate();
  const { data, error } = useApi<PersonCase[]>(`/registry/persons/${personId}/cases`);
  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!data) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  if (data.length === 0) return <Typography color="text.secondary">{translate('aqtalu.screens.person.no_cases')}</Typography>;
  const t = (key: string) => translate(`aqtalu.screens.person.columns.${key}`);
  return (
    <Scroll label={translate('aqtalu.screens.person.cases')} testId="person-cases">
      <TableHead>
        <TableRow>
          <TableCell>{t('number')}</TableCell>
          <TableCell>{t('state')}</TableCell>
          <TableCell>{t('outcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((item) => (
          <TableRow key={item.id}>
            <TableCell>
              <Link to={`/cases/${item.id}/show`}>{item.number}</Link>
            </TableCell>
            <TableCell>{translate(`resources.cases.status.${item.status}`, { _: item.status })}</TableCell>
            <TableCell>{item.outcome ? translate(`resources.cases.outcome.${item.outcome}`, { _: item.outcome }) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Scroll>
  );
};
