import { Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Labeled, Link, Show, TabbedShowLayout, TabbedShowLayoutTabs, TextField, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useDictionaryChoices } from '../../providers/useApi';
import { type CaseRecord, CaseStatusChip } from './CaseFields';
import { ArchiveRequestsTab, CertificatesTab, CommentsTab, ConclusionTab, TimelineTab } from './CaseTabs';
import { TransitionsPanel } from './TransitionsPanel';
import { CaseEvidenceTab } from './CaseEvidenceTab';
import { VotesTab } from './VotesTab';
import { CaseEditButton } from './CaseEditButton';
import { LettersTab } from '../letters/LettersTab';
import { GroupSubjects } from '../events/GroupSubjects';

/** A dictionary entry's name in the screen's language, or the code while the dictionary loads. */
const nameIn = (choices: Array<{ id: string; name: string }>, code: string) => choices.find((choice) => choice.id === code)?.name ?? code;

const CaseHeader = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { choices: regions } = useDictionaryChoices('regions');
  const { choices: categories } = useDictionaryChoices('victim-categories');
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1">
            {translate('resources.cases.header', { number: record.number })}
          </Typography>
          <CaseStatusChip />
          <Typography color="text.secondary">
            {translate('resources.cases.fields.regionCode')}: {nameIn(regions, record.regionCode)}
          </Typography>
          <Typography color="text.secondary">
            {translate('resources.cases.fields.categoryCode')}: {nameIn(categories, record.categoryCode)}
          </Typography>
          {record.isGroup ? <Typography color="text.secondary">{translate('resources.cases.group')}</Typography> : null}
          <CaseEditButton />
        </Stack>
      </CardContent>
    </Card>
  );
};

const SubjectsTable = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { canAccess: canOpenPerson } = useCanAccess({ resource: 'persons', action: 'show' });
  const f = (field: string) => translate(`resources.cases.fields.subjects_${field}`);
  // a group case: its subjects with exceptions and bulk actions (resources/events/GroupSubjects)
  if (record?.isGroup) return <GroupSubjects />;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{f('nameKk')}</TableCell>
          <TableCell>{f('nameRu')}</TableCell>
          <TableCell>{f('birthYear')}</TableCell>
          <TableCell>{f('outcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {/* the list's row (subjects as a joined string) stands in for the case until the case itself arrives */}
        {(Array.isArray(record?.subjects) ? record.subjects : []).map((subject) => (
          <TableRow key={subject.id}>
            <TableCell>
              {canOpenPerson ? <Link to={`/persons/${subject.personId}/show`}>{subject.nameKk ?? subject.nameRu ?? '—'}</Link> : (subject.nameKk ?? '—')}
            </TableCell>
            <TableCell>{subject.nameRu ?? '—'}</TableCell>
            <TableCell>{subject.birthYear ?? '—'}</TableCell>
            <TableCell>{subject.outcome ? translate(`resources.cases.outcome.${subject.outcome}`, { _: subject.outcome }) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const ApplicantKindText = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  return record ? <span>{translate(`resources.cases.applicant_kind.${record.applicant.kind}`)}</span> : null;
};

/** The case: header, the steps it may take now, and its parts in tabs. */
export const CaseShow = () => {
  const [locale] = useLocaleState();
  return (
    <Show title={<CaseTitle />} actions={false}>
      <CaseHeader />
      <TransitionsPanel />
      {/* Scrollable: nine tabs do not fit a tablet, nor 1280 px in Kazakh. */}
      <TabbedShowLayout key={locale} tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
        <TabbedShowLayout.Tab label="resources.cases.tabs.summary">
          <TextField source="summary" emptyText="—" />
          <Labeled label="resources.cases.fields.subjects">
            <SubjectsTable />
          </Labeled>
          <Labeled label="resources.cases.fields.applicant.kind">
            <ApplicantKindText />
          </Labeled>
          <TextField source="applicant.name" />
          <TextField source="applicant.kinship" emptyText="—" />
          <TextField source="applicant.kinshipProof" emptyText="—" />
          <TextField source="applicant.email" emptyText="—" />
          <TextField source="applicant.phone" emptyText="—" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.evidence" path="evidence">
          <CaseEvidenceTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.archive_requests" path="archive-requests">
          <ArchiveRequestsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.conclusion" path="conclusion">
          <ConclusionTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.votes" path="votes">
          <VotesTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.timeline" path="timeline">
          <TimelineTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.comments" path="comments">
          <CommentsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cases.tabs.certificates" path="certificates">
          <CertificatesTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="aqtalu.letters.tab" path="letters"><LettersTab /></TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};

const CaseTitle = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  return <>{record ? translate('resources.cases.header', { number: record.number }) : ''}</>;
};
