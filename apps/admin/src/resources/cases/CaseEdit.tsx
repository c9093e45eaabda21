import { ApplicantKind, CaseAction } from '@aqtalu/contracts';
import { Alert, AlertTitle } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useWatch } from 'react-hook-form';
import {
  Edit,
  email,
  HttpError,
  FormDataConsumer,
  minLength,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useEditContext,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useCodeText } from '../../i18n/useCodeText';
import { StaleVersionAlert } from '../../layout/StaleVersionAlert';
import { readSession } from '../../providers/session';
import { useDictionaryChoices } from '../../providers/useApi';
import { applicantKindChoices, type CaseRecord } from './CaseFields';
import { type CaseEditValues, redirectAfterEdit, regionMove, toCaseChanges } from './caseEdit';
import { useCaseActions } from './useCaseActions';

const nameIn = (choices: Array<{ id: string; name: string }>, code: string) => choices.find((choice) => choice.id === code)?.name ?? code;

/** Before saving a new region: the case goes to that region's working group, and the old one's loses it. */
const RegionMoveWarning = ({ regions }: { regions: Array<{ id: string; name: string }> }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const regionCode = useWatch<{ regionCode?: string }>({ name: 'regionCode' });
  const move = regionMove(record, { regionCode });
  if (!move) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2, maxWidth: 640 }} data-testid="region-move">
      {translate('aqtalu.screens.case_edit.region_moves', { region: nameIn(regions, move.to), previous: nameIn(regions, move.from) })}
    </Alert>
  );
};

/** The lifecycle says whether the case may still be edited (and why not): no form for a case that may not. */
const EditGate = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { text } = useCodeText();
  const { action, loaded } = useCaseActions(record);
  const edit = action(CaseAction.Edit);
  if (!record || !loaded) return null;
  if (edit && !edit.allowed) {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="not-editable">
        <AlertTitle>{translate('aqtalu.screens.case_edit.not_editable')}</AlertTitle>
        {edit.reasons.map((reason) => (
          <div key={reason.code}>{text(reason, reason.detail)}</div>
        ))}
      </Alert>
    );
  }
  return <>{children}</>;
};

const EditTitle = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  return <>{record ? translate('aqtalu.screens.case_edit.title', { number: record.number }) : ''}</>;
};

/** Someone else changed the case meanwhile: the API's words and a reload (what was typed is kept). */
const Conflict = ({ detail, onReloaded }: { detail: string; onReloaded: () => void }) => {
  const { refetch } = useEditContext();
  return (
    <StaleVersionAlert
      detail={detail}
      onReload={async () => {
        await refetch();
        onReloaded();
      }}
    />
  );
};

/**
 * Editing a case after registration: region, category, applicant and summary. Saved with the version read
 * (someone else's change in the meantime shows as a conflict with a reload); a new region moves the case to
 * that region's working group. Offered only while the lifecycle's edit action is open.
 */
export const CaseEdit = () => {
  const regions = useDictionaryChoices('regions');
  const categories = useDictionaryChoices('victim-categories');
  const notify = useNotify();
  const redirect = useRedirect();
  const [conflict, setConflict] = useState<string>();
  const editorRegion = readSession()?.user.regionCode;
  const onSuccess = (data: CaseRecord, variables: { previousData?: CaseRecord }) => {
    setConflict(undefined);
    const moved = variables.previousData && data.regionCode !== variables.previousData.regionCode;
    notify(moved ? 'aqtalu.screens.case_edit.moved' : 'aqtalu.screens.case_edit.saved', { type: 'success', messageArgs: { region: nameIn(regions.choices, data.regionCode) } });
    redirect(redirectAfterEdit(data, editorRegion), 'cases', data.id, data);
  };
  const onError = (error: unknown) => {
    if (error instanceof HttpError && error.status === 409 && (error.body as { code?: string } | undefined)?.code === 'resource.stale_version') return setConflict(error.message);
    if (error instanceof HttpError && error.body?.errors) return;
    const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
    notify(message, { type: 'error', multiLine: true, messageArgs: { _: message } });
  };
  return (
    <Edit<CaseRecord>
      title={<EditTitle />}
      mutationMode="pessimistic"
      transform={(values) => toCaseChanges(values as CaseEditValues) as unknown as CaseRecord}
      mutationOptions={{ onSuccess, onError }}
    >
      {conflict ? <Conflict detail={conflict} onReloaded={() => setConflict(undefined)} /> : null}
      <EditGate>
        <SimpleForm
          toolbar={
            <Toolbar>
              <SaveButton />
            </Toolbar>
          }
        >
          <RegionMoveWarning regions={regions.choices} />
          <SelectInput source="regionCode" label="resources.cases.fields.regionCode" choices={regions.choices} isLoading={regions.loading} validate={required()} />
          <SelectInput source="categoryCode" label="resources.cases.fields.categoryCode" choices={categories.choices} isLoading={categories.loading} validate={required()} />
          <TextInput source="summary" label="resources.cases.fields.summary" multiline minRows={2} fullWidth />
          <SelectInput source="applicant.kind" label="resources.cases.fields.applicant.kind" choices={applicantKindChoices} validate={required()} />
          <TextInput source="applicant.name" label="resources.cases.fields.applicant.name" validate={[required(), minLength(2)]} />
          <FormDataConsumer>
            {({ formData }) =>
              formData.applicant?.kind === ApplicantKind.Relative ? (
                <>
                  <TextInput source="applicant.kinship" label="resources.cases.fields.applicant.kinship" helperText="resources.cases.helpers.kinship" />
                  <TextInput source="applicant.kinshipProof" label="resources.cases.fields.applicant.kinshipProof" fullWidth />
                </>
              ) : null
            }
          </FormDataConsumer>
          <TextInput source="applicant.email" label="resources.cases.fields.applicant.email" type="email" validate={email()} />
          <TextInput source="applicant.phone" label="resources.cases.fields.applicant.phone" />
          <TextInput source="applicant.address" label="resources.cases.fields.applicant.address" fullWidth />
        </SimpleForm>
      </EditGate>
    </Edit>
  );
};
