// TypeBox schemas of the Cases operations' bodies, path parameters and query strings, with Cases' limits and a
// sentence for each refusal. The unions whose members nest (a case filter, a related item's content) are checked
// member by member in code, which words their refusals better than a schema could.
import { Type } from 'typebox';
import { LIMITS } from './cases-model';

const Id = (what: string) => Type.String({ minLength: 1, maxLength: LIMITS.idLength, errorMessage: `${what} must be 1 to ${LIMITS.idLength} characters` });
const NextToken = Type.Optional(Type.String({ maxLength: LIMITS.nextToken, errorMessage: `nextToken must be at most ${LIMITS.nextToken} characters` }));
const Loose = (what: string) => Type.Record(Type.String(), Type.Unknown(), { errorMessage: `${what} must be an object` });

const FieldIdentifier = Type.Object({ id: Id('a field id') }, { errorMessage: 'a field is {"id": "<field id>"}' });
const FieldValue = Type.Object(
  {
    id: Id('a field id'),
    value: Type.Object(
      {
        stringValue: Type.Optional(Type.String({ errorMessage: 'stringValue must be a string' })),
        doubleValue: Type.Optional(Type.Number({ errorMessage: 'doubleValue must be a number' })),
        booleanValue: Type.Optional(Type.Boolean({ errorMessage: 'booleanValue must be true or false' })),
        emptyValue: Type.Optional(Type.Object({}, { errorMessage: 'emptyValue must be {}' })),
        userArnValue: Type.Optional(Type.String({ errorMessage: 'userArnValue must be a user ARN' })),
      },
      { errorMessage: 'a field value is {"stringValue" | "doubleValue" | "booleanValue" | "emptyValue" | "userArnValue": …}' },
    ),
  },
  { errorMessage: 'a field is {"id": "<field id>", "value": {…}}' },
);
const FieldValues = Type.Array(FieldValue, { maxItems: LIMITS.caseFields, errorMessage: `fields must be a list of at most ${LIMITS.caseFields} {"id", "value"} objects` });
const PerformedBy = Type.Optional(Loose('performedBy'));
const Tags = Type.Optional(
  Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]), { errorMessage: 'tags must be an object of tag keys and string values' }),
);

export const DomainParams = Type.Object({ domainId: Id('domainId') });
export const CaseParams = Type.Object({ domainId: Id('domainId'), caseId: Id('caseId') });
export const TemplateParams = Type.Object({ domainId: Id('domainId'), templateId: Id('templateId') });
export const FieldParams = Type.Object({ domainId: Id('domainId'), fieldId: Id('fieldId') });
export const LayoutParams = Type.Object({ domainId: Id('domainId'), layoutId: Id('layoutId') });

export const CreateCaseBody = Type.Object({
  templateId: Id('templateId'),
  fields: FieldValues,
  clientToken: Type.Optional(Type.String({ maxLength: LIMITS.clientToken, errorMessage: `clientToken must be at most ${LIMITS.clientToken} characters` })),
  performedBy: PerformedBy,
  tags: Tags,
});

export const GetCaseBody = Type.Object({
  fields: Type.Array(FieldIdentifier, { minItems: 1, maxItems: LIMITS.caseFields, errorMessage: `fields must be a list of 1 to ${LIMITS.caseFields} {"id": "<field id>"} objects` }),
  nextToken: NextToken,
});

export const UpdateCaseBody = Type.Object({ fields: FieldValues, performedBy: PerformedBy });

export const SearchCasesBody = Type.Object({
  maxResults: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.searchMaxResults, errorMessage: `maxResults must be a whole number from 1 to ${LIMITS.searchMaxResults}` })),
  nextToken: NextToken,
  searchTerm: Type.Optional(Type.String({ maxLength: LIMITS.searchTerm, errorMessage: `searchTerm must be at most ${LIMITS.searchTerm} characters` })),
  filter: Type.Optional(Loose('filter')),
  sorts: Type.Optional(
    Type.Array(
      Type.Object(
        { fieldId: Id('a sort fieldId'), sortOrder: Type.Union([Type.Literal('Asc'), Type.Literal('Desc')], { errorMessage: 'sortOrder must be Asc or Desc' }) },
        { errorMessage: 'a sort is {"fieldId": "<field id>", "sortOrder": "Asc" | "Desc"}' },
      ),
      { maxItems: LIMITS.sorts, errorMessage: `sorts must be a list of at most ${LIMITS.sorts} sorts` },
    ),
  ),
  fields: Type.Optional(Type.Array(FieldIdentifier, { maxItems: LIMITS.searchFields, errorMessage: `fields must be a list of at most ${LIMITS.searchFields} {"id": "<field id>"} objects` })),
});

export const CreateRelatedItemBody = Type.Object({
  type: Type.String({ errorMessage: 'type must be Contact or Comment' }),
  content: Loose('content'),
  performedBy: PerformedBy,
  tags: Tags,
});

export const SearchRelatedItemsBody = Type.Object({
  maxResults: Type.Optional(
    Type.Integer({ minimum: 1, maximum: LIMITS.relatedItemsMaxResults, errorMessage: `maxResults must be a whole number from 1 to ${LIMITS.relatedItemsMaxResults}` }),
  ),
  nextToken: NextToken,
  filters: Type.Optional(Type.Array(Type.Unknown(), { maxItems: LIMITS.relatedItemFilters, errorMessage: `filters must be a list of at most ${LIMITS.relatedItemFilters} filters` })),
});

export const CreateTemplateBody = Type.Object({
  name: Type.String({
    minLength: 1,
    maxLength: LIMITS.templateName,
    pattern: '^.*\\S$',
    errorMessage: `name must be 1 to ${LIMITS.templateName} characters, not ending in a space`,
  }),
  description: Type.Optional(Type.String({ maxLength: LIMITS.templateDescription, errorMessage: `description must be at most ${LIMITS.templateDescription} characters` })),
  layoutConfiguration: Type.Optional(Type.Object({ defaultLayout: Type.Optional(Id('defaultLayout')) }, { errorMessage: 'layoutConfiguration is {"defaultLayout": "<layout id>"}' })),
  requiredFields: Type.Optional(
    Type.Array(Type.Object({ fieldId: Id('a required fieldId') }), {
      maxItems: LIMITS.requiredFields,
      errorMessage: `requiredFields must be a list of at most ${LIMITS.requiredFields} {"fieldId": "<field id>"} objects`,
    }),
  ),
  status: Type.Optional(Type.Union([Type.Literal('Active'), Type.Literal('Inactive')], { errorMessage: 'status must be Active or Inactive' })),
  rules: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 0, errorMessage: 'rules are not kept by the local contact center: leave them out' })),
  tagPropagationConfigurations: Type.Optional(Type.Array(Type.Unknown())),
  // This service's addition: contact attribute name → field id, returned by GetTemplate.
  attributeMapping: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Id('a mapped field id'), { errorMessage: 'attributeMapping must map attribute names to field ids' })),
});

export const BatchGetFieldBody = Type.Object({
  fields: Type.Array(FieldIdentifier, { minItems: 1, maxItems: LIMITS.batchGetFields, errorMessage: `fields must be a list of 1 to ${LIMITS.batchGetFields} {"id": "<field id>"} objects` }),
});

const MaxResultsQuery = Type.Optional(
  Type.Integer({ minimum: 1, maximum: LIMITS.listMaxResults, errorMessage: `maxResults must be a whole number from 1 to ${LIMITS.listMaxResults}` }),
);
const ListOfStrings = (what: string, maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Array(Type.String({ maxLength }))], { errorMessage: `${what} must be one or more strings of at most ${maxLength} characters` }));

export const ListQuery = Type.Object({ maxResults: MaxResultsQuery, nextToken: NextToken });
export const ListTemplatesQuery = Type.Object({ maxResults: MaxResultsQuery, nextToken: NextToken, status: ListOfStrings('status', 20) });
export const ListFieldOptionsQuery = Type.Object({ maxResults: MaxResultsQuery, nextToken: NextToken, values: ListOfStrings('values', 100) });

/** A repeated query parameter as a list (one occurrence arrives as a string). */
export const listOf = (value: string | string[] | undefined): string[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);
