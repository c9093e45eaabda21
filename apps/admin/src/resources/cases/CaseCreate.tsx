import { ApplicantKind } from '@aqtalu/contracts';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  email,
  FormDataConsumer,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { readSession } from '../../providers/session';
import { useDictionaryChoices } from '../../providers/useApi';
import { applicantKindChoices } from './CaseFields';
import { toCreateCaseRequest } from './caseRequest';

const personOption = (person: { nameKk?: string | null; nameRu?: string | null; matchedVariant?: string; birthYear?: string | null }) =>
  `${person.nameKk ?? person.nameRu ?? person.matchedVariant ?? ''}${person.birthYear ? ` (${person.birthYear})` : ''}`;

/** Registering an application: the secretary for any region, a working group for its own. */
export const CaseCreate = () => {
  const regions = useDictionaryChoices('regions');
  const categories = useDictionaryChoices('victim-categories');
  const user = readSession()?.user;
  const defaults = {
    regionCode: user?.regionCode ?? undefined,
    applicant: { kind: ApplicantKind.Relative },
    subjects: [{}],
  };
  return (
    <Create redirect="show" transform={toCreateCaseRequest}>
      <SimpleForm defaultValues={defaults}>
        <SelectInput source="regionCode" choices={regions.choices} isLoading={regions.loading} validate={required()} />
        <SelectInput source="categoryCode" choices={categories.choices} isLoading={categories.loading} validate={required()} />
        <TextInput source="summary" multiline minRows={2} fullWidth />
        <SelectInput source="applicant.kind" choices={applicantKindChoices} validate={required()} />
        <TextInput source="applicant.name" validate={[required(), minLength(2)]} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.applicant?.kind === ApplicantKind.Relative ? (
              <>
                <TextInput source="applicant.kinship" helperText="resources.cases.helpers.kinship" />
                <TextInput source="applicant.kinshipProof" fullWidth />
              </>
            ) : null
          }
        </FormDataConsumer>
        <TextInput source="applicant.email" type="email" validate={email()} />
        <TextInput source="applicant.phone" />
        <TextInput source="applicant.address" fullWidth />
        <ArrayInput source="subjects" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            {/* Search the registry first (any script): a known person is linked, not created again. */}
            <ReferenceInput source="personId" reference="persons">
              <AutocompleteInput
                label="resources.cases.fields.subjects_person"
                helperText="resources.cases.helpers.subjects_person"
                optionText={personOption}
                filterToQuery={(q: string) => ({ q })}
                sx={{ minWidth: 320 }}
              />
            </ReferenceInput>
            <TextInput source="nameKk" label="resources.cases.fields.subjects_nameKk" helperText={false} />
            <TextInput source="nameRu" label="resources.cases.fields.subjects_nameRu" helperText={false} />
            <TextInput source="birthYear" label="resources.cases.fields.subjects_birthYear" helperText={false} sx={{ maxWidth: 140 }} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
