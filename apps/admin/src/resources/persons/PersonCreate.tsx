import { Create, minLength, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { toCreatePersonRequest } from './person';
import { scriptChoices } from './PersonShow';

/** A new person with the first spelling; search first: the secretary links a known person rather than adding one. */
export const PersonCreate = () => (
  <Create redirect="show" transform={(values: Record<string, string>) => toCreatePersonRequest(values)}>
    <SimpleForm>
      <TextInput source="fullName" label="resources.persons.fields.fullName" validate={[required(), minLength(2)]} fullWidth />
      <SelectInput source="script" label="resources.persons.fields.script" choices={scriptChoices} helperText="resources.persons.helpers.script" />
      <TextInput source="source" label="resources.persons.fields.source" helperText="resources.persons.helpers.source" fullWidth />
      <TextInput source="birthYear" label="resources.persons.fields.birthYear" helperText="resources.persons.helpers.birthYear" />
      <TextInput source="birthplace" label="resources.persons.fields.birthplace" fullWidth />
    </SimpleForm>
  </Create>
);
