import {
  AutocompleteInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  number,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { placeKindChoices } from './place';

export const placeNameRules = [required(), minLength(2), maxLength(300)];
export const placeYear = [number(), minValue(1500), maxValue(2100)];
const regionCode = [regex(/^[A-Z]{3}$/, 'resources.places.region_code')];

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The years a place (or a name) was in use run forwards. */
export function validatePlace(values: Record<string, unknown>): Record<string, string> {
  return given(values.validFrom) && given(values.validTo) && Number(values.validFrom) > Number(values.validTo)
    ? { validTo: 'resources.places.years' }
    : {};
}

/** An empty region is "none" (a unit spread over several regions, or outside Kazakhstan); codes are capitals. */
const parseRegion = (value: string) => (value ? value.toUpperCase() : null);

/** The inputs a place has on its create and edit forms (its other names are added from its page). */
export const PlaceFields = () => (
  <>
    <SelectInput source="kind" choices={placeKindChoices} validate={required()} />
    <TextInput source="nameKk" validate={placeNameRules} fullWidth />
    <TextInput source="nameRu" validate={placeNameRules} fullWidth />
    <TextInput source="nameEn" validate={placeNameRules} fullWidth />
    <TextInput source="regionCode" validate={regionCode} parse={parseRegion} helperText="resources.places.region_code" />
    <ReferenceInput source="parentId" reference="places">
      <AutocompleteInput optionText="nameRu" filterToQuery={(q: string) => ({ q })} fullWidth />
    </ReferenceInput>
    <NumberInput source="validFrom" validate={placeYear} step={1} />
    <NumberInput source="validTo" validate={placeYear} step={1} />
    <NumberInput source="latitude" validate={[minValue(-90), maxValue(90)]} />
    <NumberInput source="longitude" validate={[minValue(-180), maxValue(180)]} />
  </>
);
