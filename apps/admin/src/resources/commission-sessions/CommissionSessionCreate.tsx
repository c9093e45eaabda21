import { Create, DateInput, required, SimpleForm, TextInput } from 'react-admin';

/** Drops the empty optional fields: the API checks the number's format when it is sent. */
const toRequest = (values: { date: string; place?: string; number?: string }) => ({
  date: values.date,
  ...(values.place?.trim() ? { place: values.place.trim() } : {}),
  ...(values.number?.trim() ? { number: values.number.trim() } : {}),
});

export const CommissionSessionCreate = () => (
  <Create redirect="show" transform={toRequest}>
    <SimpleForm>
      <DateInput source="date" validate={required()} />
      <TextInput source="place" fullWidth />
      <TextInput source="number" helperText="resources.commission-sessions.helpers.number" />
    </SimpleForm>
  </Create>
);
