// Checks a guide (from the contact center or the admin's policy) before anything runs it: the shapes (guide-schema.ts)
// and then what a schema cannot say. Every refusal names the JSON path of the bad field and says what is wrong.
// Decisions (docs/guides.md): identifiers are unique; StartAction and every NextAction name an action of the guide;
// a loop is allowed only through a ShowView (the agent answers each round), a loop of automatic actions alone is
// refused since it would never stop; actions nothing reaches are allowed (drafts keep spare steps).
import { FlowContentSchema, GuideDocumentSchema, PARAMETER_SCHEMAS, ShowViewParametersSchema, VIEW_DATA_SCHEMAS } from './guide-schema';
import { viewTypeOf, type FlowAction, type FlowContent, type FormItem, type GuideDocument, type ViewData } from './guide-format';
import { bracedReferences, isReferenceText, parseReference } from './guide-references';
import { childPath, schemaProblems, type GuideProblem } from './schema-problems';

export type { GuideProblem } from './schema-problems';
export type GuideCheck = { ok: true; guide: GuideDocument } | { ok: false; problems: GuideProblem[] };

const MAX_PROBLEMS = 20;
const CHOICE_TYPES = new Set(['Dropdown', 'RadioGroup']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `$.…` text in a value tree that names no known reference. */
function badReferences(value: unknown, path: string, problems: GuideProblem[]): void {
  if (typeof value === 'string') {
    if (isReferenceText(value) && parseReference(value) === null) problems.push({ path, message: `"${value}" is not a reference this format knows ($.Attributes.X, $.Views.ViewResultData.FormData.X, $.Answers.X, $.Case.CaseId…)` });
    return;
  }
  if (Array.isArray(value)) value.forEach((entry, index) => badReferences(entry, childPath(path, index), problems));
  else if (isObject(value)) for (const [key, entry] of Object.entries(value)) badReferences(entry, childPath(path, key), problems);
}

function checkForm(data: ViewData, path: string, problems: GuideProblem[]): void {
  const names = new Set<string>();
  (data.Sections ?? []).forEach((section, s) =>
    (section.Items as FormItem[]).forEach((item, i) => {
      const at = childPath(childPath(childPath(childPath(path, 'Sections'), s), 'Items'), i);
      if (names.has(item.Name)) problems.push({ path: childPath(at, 'Name'), message: `another field of this form is named "${item.Name}"` });
      names.add(item.Name);
      if (CHOICE_TYPES.has(item.Type) && !item.Options) problems.push({ path: childPath(at, 'Options'), message: `a ${item.Type} needs Options to choose from` });
      const values = new Set((item.Options ?? []).map((o) => o.Value));
      const defaults = item.DefaultValue === undefined || typeof item.DefaultValue === 'boolean' ? [] : ([] as string[]).concat(item.DefaultValue);
      if (item.Options && defaults.some((d) => !isReferenceText(d) && !values.has(d))) problems.push({ path: childPath(at, 'DefaultValue'), message: 'must be the Value of one of the Options' });
    }),
  );
}

function checkShowView(action: FlowAction, path: string, problems: GuideProblem[]): void {
  const parametersPath = childPath(path, 'Parameters');
  const found = schemaProblems(ShowViewParametersSchema, action.Parameters, parametersPath);
  if (found.length) {
    problems.push(...found);
    return;
  }
  const resourceId = (action.Parameters.ViewResource as { Id: string }).Id;
  const type = viewTypeOf(resourceId);
  if (!type) {
    problems.push({ path: `${parametersPath}.ViewResource.Id`, message: `"${resourceId}" is not an AWS-managed view (form, confirmation, detail, cards, list)` });
    return;
  }
  const dataPath = `${parametersPath}.ViewData`;
  const dataProblems = schemaProblems(VIEW_DATA_SCHEMAS[type], action.Parameters.ViewData, dataPath);
  problems.push(...dataProblems);
  if (dataProblems.length) return;
  const data = action.Parameters.ViewData as ViewData;
  if (type === 'form') checkForm(data, dataPath, problems);
  if (type === 'cards' && new Set(data.Cards?.map((c) => c.Summary.Id)).size !== data.Cards?.length) problems.push({ path: `${dataPath}.Cards`, message: 'two cards have the same Summary.Id' });
  if (type === 'list' && new Set(data.Items?.map((c) => c.Id)).size !== data.Items?.length) problems.push({ path: `${dataPath}.Items`, message: 'two items have the same Id' });
}

function checkParameters(action: FlowAction, path: string, problems: GuideProblem[]): void {
  if (action.Type === 'ShowView') return checkShowView(action, path, problems);
  const parametersPath = childPath(path, 'Parameters');
  const found = schemaProblems(PARAMETER_SCHEMAS[action.Type], action.Parameters, parametersPath);
  problems.push(...found);
  if (found.length) return;
  const parameters = action.Parameters;
  if (action.Type === 'Compare' && !action.Transitions.Conditions?.length) problems.push({ path: `${path}.Transitions.Conditions`, message: 'a Compare needs Conditions' });
  if (action.Type === 'Switchboard.CreateCase' && !Object.hasOwn(parameters.Fields as object, 'title')) problems.push({ path: `${parametersPath}.Fields`, message: 'a case needs a "title" field' });
  if (action.Type === 'Switchboard.InsertArticle' && parameters.ArticleId === undefined && parameters.Text === undefined) problems.push({ path: parametersPath, message: 'give the ArticleId or the Text to insert' });
  if (action.Type === 'Switchboard.OpenUrl') {
    const url = parameters.Url as string;
    if (!/^https?:\/\/[^\s{}]/.test(url)) problems.push({ path: `${parametersPath}.Url`, message: 'must start with http:// or https:// and a host' });
    for (const reference of bracedReferences(url)) if (!parseReference(reference)) problems.push({ path: `${parametersPath}.Url`, message: `"${reference}" is not a reference this format knows` });
  }
  badReferences(parameters, parametersPath, problems);
}

/** The actions each action may go to next (the targets of its transitions). */
export function targetsOf(action: FlowAction): string[] {
  const { NextAction, Conditions = [], Errors = [] } = action.Transitions;
  return [...(NextAction ? [NextAction] : []), ...Conditions.map((c) => c.NextAction), ...Errors.map((e) => e.NextAction)];
}

/** A loop of actions none of which is a ShowView, as identifiers (first repeated last), or null. */
export function automaticLoop(actions: FlowAction[]): string[] | null {
  const byId = new Map(actions.map((a) => [a.Identifier, a]));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): string[] | null => {
    const action = byId.get(id);
    if (!action || action.Type === 'ShowView' || state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'open');
    trail.push(id);
    for (const next of targetsOf(action)) {
      const loop = visit(next);
      if (loop) return loop;
    }
    trail.pop();
    state.set(id, 'done');
    return null;
  };
  for (const action of actions) {
    const loop = visit(action.Identifier);
    if (loop) return loop;
  }
  return null;
}

function checkContent(content: FlowContent, problems: GuideProblem[]): void {
  const index = new Map<string, number>();
  content.Actions.forEach((action, i) => {
    const path = `Content.Actions[${i}]`;
    if (index.has(action.Identifier)) problems.push({ path: `${path}.Identifier`, message: `"${action.Identifier}" is also the Identifier of Content.Actions[${index.get(action.Identifier)}]` });
    else index.set(action.Identifier, i);
  });
  if (!index.has(content.StartAction)) problems.push({ path: 'Content.StartAction', message: `no action has the Identifier "${content.StartAction}"` });
  content.Actions.forEach((action, i) => {
    const path = `Content.Actions[${i}]`;
    checkParameters(action, path, problems);
    const { NextAction, Conditions = [], Errors = [] } = action.Transitions;
    const target = (id: string, at: string) => {
      if (!index.has(id)) problems.push({ path: at, message: `no action has the Identifier "${id}"` });
    };
    if (NextAction) target(NextAction, `${path}.Transitions.NextAction`);
    Conditions.forEach((c, k) => target(c.NextAction, `${path}.Transitions.Conditions[${k}].NextAction`));
    Errors.forEach((e, k) => target(e.NextAction, `${path}.Transitions.Errors[${k}].NextAction`));
    Conditions.forEach((c, k) => badReferences(c.Condition.Operands, `${path}.Transitions.Conditions[${k}].Condition.Operands`, problems));
  });
  if (problems.length) return;
  const loop = automaticLoop(content.Actions);
  if (loop) problems.push({ path: `Content.Actions[${index.get(loop[0])}].Transitions`, message: `the actions ${loop.join(' → ')} loop without showing a view, so the guide would never stop` });
}

/** Checks one guide; Content may be the flow object or its JSON text (as DescribeContactFlow gives it). */
export function validateGuide(value: unknown): GuideCheck {
  const problems = schemaProblems(GuideDocumentSchema, value, '');
  if (!isObject(value) || !Object.hasOwn(value, 'Content')) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  // The flow is checked even when the document around it has problems, so one pass reports both.
  const document = value as Omit<GuideDocument, 'Content'> & { Content: unknown };
  let content = document.Content;
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content) as unknown;
    } catch (error) {
      return { ok: false, problems: [...problems, { path: 'Content', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
    }
  }
  if (!isObject(content)) return { ok: false, problems: [...problems, { path: 'Content', message: 'must be the flow (an object with Version, StartAction and Actions) or its JSON text' }].slice(0, MAX_PROBLEMS) };
  const flowProblems = schemaProblems(FlowContentSchema, content, 'Content');
  if (!flowProblems.length) checkContent(content as unknown as FlowContent, flowProblems);
  problems.push(...flowProblems);
  if (!problems.length && document.AppliesTo) badReferences(document.AppliesTo, 'AppliesTo', problems);
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, guide: { ...structuredClone(document), Content: structuredClone(content) as unknown as FlowContent } };
}

/** Checks a list of guides (a policy entry): the good ones, and each refused one's problems with `[index]` paths. */
export function validateGuideList(value: unknown): { guides: GuideDocument[]; problems: GuideProblem[] } {
  if (!Array.isArray(value)) return { guides: [], problems: [{ path: '', message: 'must be a list of guides' }] };
  const guides: GuideDocument[] = [];
  const problems: GuideProblem[] = [];
  value.forEach((entry, i) => {
    const checked = validateGuide(entry);
    if (!checked.ok) problems.push(...checked.problems.map((p) => ({ path: `[${i}]${p.path === '' ? '' : p.path.startsWith('[') ? p.path : `.${p.path}`}`, message: p.message })));
    else if (guides.some((g) => g.Id === checked.guide.Id)) problems.push({ path: `[${i}].Id`, message: `another guide has the Id "${checked.guide.Id}"` });
    else guides.push(checked.guide);
  });
  return { guides, problems };
}

/** One line per problem, for logs and the options page: `Content.Actions[2].Type: must be one of …`. */
export const describeProblems = (problems: GuideProblem[]): string => problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');

/** The first bad field of a guide and everything wrong with it, or null for a valid guide: the full check the
 *  options page plugs into the settings' validation (useFullGuideCheck in lib/settings/validate.ts). */
export function firstGuideProblem(value: unknown): { path: string; detail: string } | null {
  const checked = validateGuide(value);
  return checked.ok ? null : { path: checked.problems[0]?.path ?? '', detail: describeProblems(checked.problems) };
}
