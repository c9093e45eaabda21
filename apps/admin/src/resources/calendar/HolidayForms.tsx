import { Create, DateInput, Edit, required, SimpleForm, TextInput } from 'react-admin';

const names = [
  <TextInput key="nameKk" source="nameKk" label="resources.holidays.fields.nameKk" validate={required()} fullWidth />,
  <TextInput key="nameRu" source="nameRu" label="resources.holidays.fields.nameRu" validate={required()} fullWidth />,
  <TextInput key="nameEn" source="nameEn" label="resources.holidays.fields.nameEn" validate={required()} fullWidth />,
];

/** A holiday the Labour Code does not fix (Kurban Ait, a transferred day off), in the three languages. */
export const HolidayCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <DateInput source="date" label="resources.holidays.fields.date" validate={required()} />
      {names}
    </SimpleForm>
  </Create>
);

/** A holiday's names (its date is its identity: delete it and add another to move it). */
export const HolidayEdit = () => (
  <Edit redirect="list" mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="date" label="resources.holidays.fields.date" disabled />
      {names}
    </SimpleForm>
  </Edit>
);
