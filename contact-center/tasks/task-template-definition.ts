// Checks a task template an admin or backend defines (CreateTaskTemplate, UpdateTaskTemplate) as Amazon Connect
// does: exactly one NAME field and it required, unique field names, options only on single selects, constraints
// and defaults naming fields of the template with values that suit them, a flow or a quick connect field to route
// by. Problems come in Connect's PropertyValidationException shape: {PropertyPath, Reason, Message}.

import { isAbsent, readFieldValue } from './task-field-values';
import {
  SINGLE_USE_FIELD_TYPES,
  TASK_TEMPLATE_FIELD_TYPES,
  TASK_TEMPLATE_LIMITS as LIMITS,
  type TaskTemplateConstraints,
  type TaskTemplateDefinition,
  type TaskTemplateField,
  type TaskTemplateFieldReference,
  type TaskTemplateStatus,
} from './task-template-model';

export type PropertyValidationReason =
  | 'INVALID_FORMAT'
  | 'UNIQUE_CONSTRAINT_VIOLATED'
  | 'REFERENCED_RESOURCE_NOT_FOUND'
  | 'RESOURCE_NAME_ALREADY_EXISTS'
  | 'REQUIRED_PROPERTY_MISSING'
  | 'NOT_SUPPORTED';

export interface PropertyProblem {
  PropertyPath: string;
  Reason: PropertyValidationReason;
  Message: string;
}

/** A template as sent: Connect's SDK marks most members optional, and so does this. */
export interface TaskTemplateInput {
  Name: string;
  Description?: string;
  ContactFlowId?: string;
  SelfAssignFlowId?: string;
  Constraints?: Partial<Record<keyof TaskTemplateConstraints, { Id?: { Name?: string } }[]>>;
  Defaults?: { DefaultFieldValues?: { Id?: { Name?: string }; DefaultValue?: string }[] };
  Fields: { Id?: { Name?: string }; Description?: string; Type?: string; SingleSelectOptions?: string[] }[];
  Status?: string;
}

type DefaultInput = NonNullable<NonNullable<TaskTemplateInput['Defaults']>['DefaultFieldValues']>[number];

export interface DefinitionContext {
  /** The instance's flow ids (one per queue). */
  flowIds: ReadonlySet<string>;
  quickConnectIds: ReadonlySet<string>;
  /** Names of the instance's other templates. */
  takenNames: ReadonlySet<string>;
}

export type DefinitionResult = { ok: true; definition: TaskTemplateDefinition } | { ok: false; problems: PropertyProblem[] };

const FIELD_TYPES: ReadonlySet<string> = new Set(TASK_TEMPLATE_FIELD_TYPES);
const CONSTRAINT_LISTS = ['RequiredFields', 'ReadOnlyFields', 'InvisibleFields'] as const;

function checkText(problems: PropertyProblem[], path: string, value: string | undefined, max: number, label: string): void {
  if (value === undefined) return;
  if (value.trim() === '') problems.push({ PropertyPath: path, Reason: 'INVALID_FORMAT', Message: `${label} must not be empty.` });
  else if (value.length > max) problems.push({ PropertyPath: path, Reason: 'INVALID_FORMAT', Message: `${label} is ${value.length} characters long; at most ${max} are allowed.` });
}

function checkFields(input: TaskTemplateInput, problems: PropertyProblem[]): TaskTemplateField[] {
  const fields: TaskTemplateField[] = [];
  if (input.Fields.length === 0) problems.push({ PropertyPath: 'Fields', Reason: 'REQUIRED_PROPERTY_MISSING', Message: 'A task template needs fields, one of them of type NAME.' });
  if (input.Fields.length > LIMITS.fields) problems.push({ PropertyPath: 'Fields', Reason: 'INVALID_FORMAT', Message: `A task template has at most ${LIMITS.fields} fields; this one has ${input.Fields.length}.` });
  const names = new Set<string>();
  const typesSeen = new Map<string, number>();
  input.Fields.forEach((field, index) => {
    const path = `Fields[${index}]`;
    const name = field.Id?.Name ?? '';
    if (name.trim() === '') problems.push({ PropertyPath: `${path}.Id.Name`, Reason: 'REQUIRED_PROPERTY_MISSING', Message: `Field ${index + 1} has no name.` });
    else checkText(problems, `${path}.Id.Name`, name, LIMITS.fieldNameLength, `The field name "${name.slice(0, 40)}"`);
    if (names.has(name)) problems.push({ PropertyPath: `${path}.Id.Name`, Reason: 'UNIQUE_CONSTRAINT_VIOLATED', Message: `Two fields are named "${name}"; field names must be unique.` });
    names.add(name);
    checkText(problems, `${path}.Description`, field.Description, LIMITS.fieldDescriptionLength, `The description of "${name}"`);
    if (field.Type === undefined || !FIELD_TYPES.has(field.Type)) {
      problems.push({ PropertyPath: `${path}.Type`, Reason: 'INVALID_FORMAT', Message: `"${name}" must have a Type, one of ${TASK_TEMPLATE_FIELD_TYPES.join(', ')}.` });
      return;
    }
    const type = field.Type as TaskTemplateField['Type'];
    typesSeen.set(type, (typesSeen.get(type) ?? 0) + 1);
    if (SINGLE_USE_FIELD_TYPES.has(type) && typesSeen.get(type) === 2) {
      problems.push({ PropertyPath: `${path}.Type`, Reason: 'UNIQUE_CONSTRAINT_VIOLATED', Message: `A task template has at most one field of type ${type}.` });
    }
    const options = field.SingleSelectOptions;
    if (type === 'SINGLE_SELECT') checkOptions(problems, `${path}.SingleSelectOptions`, name, options ?? []);
    else if (options !== undefined && options.length > 0) problems.push({ PropertyPath: `${path}.SingleSelectOptions`, Reason: 'NOT_SUPPORTED', Message: `"${name}" is of type ${type}; only SINGLE_SELECT fields have options.` });
    fields.push({
      Id: { Name: name },
      Type: type,
      ...(field.Description === undefined ? {} : { Description: field.Description }),
      ...(type === 'SINGLE_SELECT' ? { SingleSelectOptions: [...(options ?? [])] } : {}),
    });
  });
  if (!typesSeen.has('NAME') && input.Fields.length > 0) problems.push({ PropertyPath: 'Fields', Reason: 'REQUIRED_PROPERTY_MISSING', Message: 'A task template needs exactly one field of type NAME.' });
  return fields;
}

function checkOptions(problems: PropertyProblem[], path: string, name: string, options: string[]): void {
  if (options.length === 0) problems.push({ PropertyPath: path, Reason: 'REQUIRED_PROPERTY_MISSING', Message: `The single select "${name}" needs options.` });
  if (options.length > LIMITS.singleSelectOptions) problems.push({ PropertyPath: path, Reason: 'INVALID_FORMAT', Message: `"${name}" has ${options.length} options; at most ${LIMITS.singleSelectOptions} are allowed.` });
  const seen = new Set<string>();
  options.forEach((option, index) => {
    checkText(problems, `${path}[${index}]`, option, LIMITS.singleSelectOptionLength, `Option ${index + 1} of "${name}"`);
    if (seen.has(option)) problems.push({ PropertyPath: `${path}[${index}]`, Reason: 'UNIQUE_CONSTRAINT_VIOLATED', Message: `"${name}" lists the option "${option}" twice.` });
    seen.add(option);
  });
}

function checkConstraints(input: TaskTemplateInput, fields: TaskTemplateField[], problems: PropertyProblem[]): TaskTemplateConstraints {
  const constraints: TaskTemplateConstraints = { RequiredFields: [], ReadOnlyFields: [], InvisibleFields: [] };
  if (input.Constraints === undefined) {
    problems.push({ PropertyPath: 'Constraints', Reason: 'REQUIRED_PROPERTY_MISSING', Message: 'Constraints are required, with the NAME field among the RequiredFields.' });
    return constraints;
  }
  const known = new Set(fields.map((field) => field.Id.Name));
  for (const list of CONSTRAINT_LISTS) {
    const seen = new Set<string>();
    (input.Constraints[list] ?? []).forEach((entry, index) => {
      const path = `Constraints.${list}[${index}].Id.Name`;
      const name = entry.Id?.Name ?? '';
      if (!known.has(name)) problems.push({ PropertyPath: path, Reason: 'REFERENCED_RESOURCE_NOT_FOUND', Message: `${list} names "${name}", which is not a field of this template.` });
      else if (seen.has(name)) problems.push({ PropertyPath: path, Reason: 'UNIQUE_CONSTRAINT_VIOLATED', Message: `${list} names "${name}" twice.` });
      else constraints[list].push({ Id: { Name: name } } satisfies TaskTemplateFieldReference);
      seen.add(name);
    });
  }
  const nameField = fields.find((field) => field.Type === 'NAME');
  if (nameField && !constraints.RequiredFields.some((entry) => entry.Id.Name === nameField.Id.Name)) {
    problems.push({ PropertyPath: 'Constraints.RequiredFields', Reason: 'REQUIRED_PROPERTY_MISSING', Message: `The NAME field "${nameField.Id.Name}" must be among the RequiredFields.` });
  }
  return constraints;
}

function checkDefault(entry: DefaultInput, path: string, field: TaskTemplateField | undefined, context: DefinitionContext): PropertyProblem | null {
  const name = entry.Id?.Name ?? '';
  if (!field) return { PropertyPath: `${path}.Id.Name`, Reason: 'REFERENCED_RESOURCE_NOT_FOUND', Message: `A default names "${name}", which is not a field of this template.` };
  const value = entry.DefaultValue ?? '';
  if (isAbsent(value)) return { PropertyPath: `${path}.DefaultValue`, Reason: 'REQUIRED_PROPERTY_MISSING', Message: `The default of "${name}" is empty.` };
  const reading = readFieldValue(field, value);
  if ('problem' in reading) return { PropertyPath: `${path}.DefaultValue`, Reason: 'INVALID_FORMAT', Message: `Default: ${reading.problem}` };
  if (field.Type === 'QUICK_CONNECT' && !context.quickConnectIds.has(String(reading.value))) {
    return { PropertyPath: `${path}.DefaultValue`, Reason: 'REFERENCED_RESOURCE_NOT_FOUND', Message: `The default of "${name}" names no quick connect of this instance.` };
  }
  return null;
}

function checkDefaults(input: TaskTemplateInput, fields: TaskTemplateField[], context: DefinitionContext, problems: PropertyProblem[]) {
  const byName = new Map(fields.map((field) => [field.Id.Name, field]));
  const values: { Id: { Name: string }; DefaultValue: string }[] = [];
  (input.Defaults?.DefaultFieldValues ?? []).forEach((entry, index) => {
    const path = `Defaults.DefaultFieldValues[${index}]`;
    const name = entry.Id?.Name ?? '';
    const problem = values.some((value) => value.Id.Name === name)
      ? { PropertyPath: `${path}.Id.Name`, Reason: 'UNIQUE_CONSTRAINT_VIOLATED' as const, Message: `"${name}" has two defaults.` }
      : checkDefault(entry, path, byName.get(name), context);
    if (problem) problems.push(problem);
    else values.push({ Id: { Name: name }, DefaultValue: entry.DefaultValue ?? '' });
  });
  return values;
}

/** A field an agent can neither see nor change must have a default when it is required, or no task could be made. */
function checkLockedRequired(constraints: TaskTemplateConstraints, defaults: { Id: { Name: string } }[], problems: PropertyProblem[]): void {
  const withDefault = new Set(defaults.map((entry) => entry.Id.Name));
  const locked = new Set([...constraints.ReadOnlyFields, ...constraints.InvisibleFields].map((entry) => entry.Id.Name));
  constraints.RequiredFields.forEach((entry, index) => {
    if (locked.has(entry.Id.Name) && !withDefault.has(entry.Id.Name)) {
      problems.push({ PropertyPath: `Constraints.RequiredFields[${index}].Id.Name`, Reason: 'NOT_SUPPORTED', Message: `"${entry.Id.Name}" is required but read-only or invisible without a default: agents could never fill it.` });
    }
  });
}

function checkRouting(input: TaskTemplateInput, fields: TaskTemplateField[], context: DefinitionContext, problems: PropertyProblem[]): void {
  for (const key of ['ContactFlowId', 'SelfAssignFlowId'] as const) {
    const flowId = input[key];
    if (flowId !== undefined && !context.flowIds.has(flowId)) {
      problems.push({ PropertyPath: key, Reason: 'REFERENCED_RESOURCE_NOT_FOUND', Message: `${key} ${flowId} is not a flow of this instance (GET /api/v1/instance lists them).` });
    }
  }
  if (input.ContactFlowId === undefined && !fields.some((field) => field.Type === 'QUICK_CONNECT')) {
    problems.push({ PropertyPath: 'ContactFlowId', Reason: 'REQUIRED_PROPERTY_MISSING', Message: 'A task template needs a ContactFlowId or a field of type QUICK_CONNECT to route its tasks.' });
  }
}

/** The template as stored, or every problem with it. */
export function checkTemplateDefinition(input: TaskTemplateInput, context: DefinitionContext): DefinitionResult {
  const problems: PropertyProblem[] = [];
  if (input.Name.trim() === '') problems.push({ PropertyPath: 'Name', Reason: 'REQUIRED_PROPERTY_MISSING', Message: 'A task template needs a name.' });
  else checkText(problems, 'Name', input.Name, LIMITS.templateNameLength, 'The template name');
  if (context.takenNames.has(input.Name)) problems.push({ PropertyPath: 'Name', Reason: 'RESOURCE_NAME_ALREADY_EXISTS', Message: `A task template named "${input.Name}" already exists.` });
  checkText(problems, 'Description', input.Description, LIMITS.templateDescriptionLength, 'The template description');
  const status = input.Status ?? 'ACTIVE';
  if (status !== 'ACTIVE' && status !== 'INACTIVE') problems.push({ PropertyPath: 'Status', Reason: 'INVALID_FORMAT', Message: 'Status must be ACTIVE or INACTIVE.' });
  const fields = checkFields(input, problems);
  const constraints = checkConstraints(input, fields, problems);
  const defaults = checkDefaults(input, fields, context, problems);
  checkLockedRequired(constraints, defaults, problems);
  checkRouting(input, fields, context, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    definition: {
      Name: input.Name,
      ...(input.Description === undefined ? {} : { Description: input.Description }),
      ...(input.ContactFlowId === undefined ? {} : { ContactFlowId: input.ContactFlowId }),
      ...(input.SelfAssignFlowId === undefined ? {} : { SelfAssignFlowId: input.SelfAssignFlowId }),
      Constraints: constraints,
      Defaults: { DefaultFieldValues: defaults },
      Fields: fields,
      Status: status as TaskTemplateStatus,
    },
  };
}
