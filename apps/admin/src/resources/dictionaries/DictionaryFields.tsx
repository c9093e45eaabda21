import type { RepressionDictionary } from '@aqtalu/contracts';
import { maxLength, maxValue, minValue, NumberInput, number, regex, required, TextInput, useResourceContext } from 'react-admin';
import { dictionaryCodePattern, dictionaryExtras } from './dictionary';

const nameRules = [required(), maxLength(500)];
const year = [number(), minValue(1850), maxValue(2100)];

/** Checks across fields, as the API makes them: coordinates together, a camp closing after it opened. */
export function validateDictionaryEntry(values: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const given = (value: unknown) => value !== undefined && value !== null && value !== '';
  if (given(values.latitude) !== given(values.longitude)) {
    errors[given(values.latitude) ? 'longitude' : 'latitude'] = 'aqtalu.reference.coordinates_together';
  }
  if (given(values.openedYear) && given(values.closedYear) && Number(values.openedYear) > Number(values.closedYear)) {
    errors.closedYear = 'aqtalu.reference.years_order';
  }
  return errors;
}

/** The inputs of an entry: its code (on creation only), three names, and the fields of its own dictionary. */
export const DictionaryFields = ({ creating = false }: { creating?: boolean }) => {
  const resource = useResourceContext() as RepressionDictionary;
  const extras = dictionaryExtras[resource] ?? [];
  return (
    <>
      <TextInput
        source="code"
        readOnly={!creating}
        validate={creating ? [required(), regex(dictionaryCodePattern, 'aqtalu.reference.code_format')] : undefined}
        helperText={creating ? 'aqtalu.reference.code_format' : false}
      />
      <TextInput source="nameKk" validate={nameRules} fullWidth />
      <TextInput source="nameRu" validate={nameRules} fullWidth />
      <TextInput source="nameEn" validate={nameRules} fullWidth />
      {extras.includes('criminalCode') ? <TextInput source="criminalCode" validate={[required(), maxLength(32)]} /> : null}
      {extras.includes('article') ? <TextInput source="article" validate={[required(), maxLength(32)]} /> : null}
      {extras.includes('latitude') ? <NumberInput source="latitude" validate={[minValue(-90), maxValue(90)]} /> : null}
      {extras.includes('longitude') ? <NumberInput source="longitude" validate={[minValue(-180), maxValue(180)]} /> : null}
      {extras.includes('openedYear') ? <NumberInput source="openedYear" validate={year} step={1} /> : null}
      {extras.includes('closedYear') ? <NumberInput source="closedYear" validate={year} step={1} /> : null}
    </>
  );
};
