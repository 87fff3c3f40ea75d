// Runs a guide, purely: the state of one contact's run (where it is, the answers, the attributes it set, what its
// actions created, the views behind it for Back) and, for each thing that happens (the guide starts, the agent
// answers a view, a Switchboard action finishes), the next state and the side effects for the panel to carry out.
// Nothing here does I/O or reads a clock, so a stored run resumes exactly where it was.
import type { FlowAction, GuideDocument, GuideErrorType, SwitchboardActionType, ViewData } from './guide-format';
import { COMPLETED_GUIDE_ATTRIBUTE, viewTypeOf } from './guide-format';
import { answerText, fillUrlTemplate, resolveValue, type AnswerValue, type ReferenceScope, type ResultObject } from './guide-references';

export type GuideRunStatus = 'view' | 'action' | 'completed' | 'cancelled' | 'failed';

export interface GuideRun {
  guideId: string;
  contactId: string;
  status: GuideRunStatus;
  /** The ShowView shown, or the Switchboard action running or failed; null once the run has ended. */
  current: string | null;
  /** Every answer by field name (the latest wins), kept across views: `$.Answers.X`. */
  answers: Record<string, AnswerValue>;
  lastView: { action: string; formData: Record<string, AnswerValue> } | null;
  /** The contact attributes the guide set (UpdateContactAttributes). */
  attributes: Record<string, string>;
  results: Partial<Record<ResultObject, Record<string, string>>>;
  /** The views shown before the current one, oldest first (Back returns to the last). */
  history: string[];
  /** Why the current action failed, when the guide has no error branch for it. */
  failure: string | null;
  /** The panel's clock, given with each step (epoch ms). */
  startedAt: number;
  updatedAt: number;
}

/** A Switchboard action to carry out, its values already read from the run. */
export interface ActionRequest {
  actionId: string;
  type: SwitchboardActionType;
  parameters: Record<string, unknown>;
}

export type GuideEffect =
  | { kind: 'update-attributes'; attributes: Record<string, string> }
  | { kind: 'run-action'; request: ActionRequest }
  | { kind: 'record-completion'; attributes: Record<string, string> };

export interface GuideStep {
  run: GuideRun;
  effects: GuideEffect[];
  /** Required fields left empty: the view stays, nothing changes. */
  missing?: string[];
}

export type ActionOutcome = { ok: true; results?: Partial<Record<ResultObject, Record<string, string>>> } | { ok: false; message: string };

/** How many automatic actions may run between two views (validation refuses loops without one; this is a guard). */
export const MAX_AUTOMATIC_STEPS = 100;

const actionOf = (guide: GuideDocument, id: string | null): FlowAction | null => guide.Content.Actions.find((a) => a.Identifier === id) ?? null;

export function scopeOf(run: GuideRun, contactAttributes: Record<string, string>): ReferenceScope {
  return { attributes: { ...contactAttributes, ...run.attributes }, lastView: run.lastView, answers: run.answers, results: run.results };
}

/** Every `$.…` text in a value tree read from the run (view data, an action's parameters). */
export function resolveTree<T>(value: T, scope: ReferenceScope): T {
  if (typeof value === 'string') return resolveValue(value, scope) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => resolveTree(entry, scope)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTree(v, scope)])) as T;
  return value;
}

function compare(operator: string, value: string, operand: string): boolean {
  const [a, b] = [Number(value), Number(operand)];
  const numbers = value.trim() !== '' && operand.trim() !== '' && Number.isFinite(a) && Number.isFinite(b);
  switch (operator) {
    case 'Equals':
      return value === operand;
    case 'TextContains':
      return value.includes(operand);
    case 'TextStartsWith':
      return value.startsWith(operand);
    case 'TextEndsWith':
      return value.endsWith(operand);
    case 'NumberGreaterThan':
      return numbers && a > b;
    case 'NumberGreaterOrEqualTo':
      return numbers && a >= b;
    case 'NumberLessThan':
      return numbers && a < b;
    case 'NumberLessOrEqualTo':
      return numbers && a <= b;
    default:
      return false;
  }
}

/** The first condition `value` meets (any of its operands), or null. */
function matchCondition(action: FlowAction, value: string, scope: ReferenceScope): string | null {
  for (const condition of action.Transitions.Conditions ?? []) {
    if (condition.Condition.Operands.some((operand) => compare(condition.Condition.Operator, value, resolveValue(operand, scope)))) return condition.NextAction;
  }
  return null;
}

const errorTarget = (action: FlowAction, ...types: GuideErrorType[]): string | null => {
  for (const type of types) {
    const found = action.Transitions.Errors?.find((e) => e.ErrorType === type);
    if (found) return found.NextAction;
  }
  return null;
};

function end(run: GuideRun, status: 'completed' | 'cancelled', effects: GuideEffect[], now: number): GuideStep {
  const ended: GuideRun = { ...run, status, current: null, failure: null, updatedAt: now };
  const record = JSON.stringify({ guide: run.guideId, outcome: status, at: new Date(now).toISOString() });
  return { run: ended, effects: [...effects, { kind: 'record-completion', attributes: { [COMPLETED_GUIDE_ATTRIBUTE]: record } }] };
}

/** Runs automatic actions from `id` until a view, a Switchboard action or the end. */
function advance(guide: GuideDocument, start: GuideRun, id: string | null, contactAttributes: Record<string, string>, now: number, effects: GuideEffect[] = []): GuideStep {
  let run = { ...start, failure: null, updatedAt: now };
  let next = id;
  for (let steps = 0; steps < MAX_AUTOMATIC_STEPS; steps++) {
    const action = actionOf(guide, next);
    if (!action) return end(run, 'completed', effects, now);
    const scope = scopeOf(run, contactAttributes);
    switch (action.Type) {
      case 'ShowView':
        return { run: { ...run, status: 'view', current: action.Identifier }, effects };
      case 'UpdateContactAttributes': {
        const attributes = resolveTree(action.Parameters.Attributes as Record<string, string>, scope);
        run = { ...run, attributes: { ...run.attributes, ...attributes } };
        effects = [...effects, { kind: 'update-attributes', attributes }];
        next = action.Transitions.NextAction ?? null;
        break;
      }
      case 'Compare': {
        const value = resolveValue(action.Parameters.ComparisonValue as string, scope);
        next = matchCondition(action, value, scope) ?? errorTarget(action, 'NoMatchingCondition') ?? action.Transitions.NextAction ?? null;
        if (next === null) return { run: { ...run, status: 'failed', current: action.Identifier, failure: `no condition of ${action.Identifier} matches "${value}"` }, effects };
        break;
      }
      case 'DisconnectParticipant':
      case 'EndFlowExecution':
        return end(run, 'completed', effects, now);
      default: {
        const parameters = resolveTree(action.Parameters, scope);
        if (action.Type === 'Switchboard.OpenUrl') parameters.Url = fillUrlTemplate(action.Parameters.Url as string, scope);
        return { run: { ...run, status: 'action', current: action.Identifier }, effects: [...effects, { kind: 'run-action', request: { actionId: action.Identifier, type: action.Type, parameters } }] };
      }
    }
  }
  return { run: { ...run, status: 'failed', current: next, failure: `more than ${MAX_AUTOMATIC_STEPS} actions ran without a view` }, effects };
}

export function startGuide(guide: GuideDocument, contactId: string, contactAttributes: Record<string, string>, now: number): GuideStep {
  const run: GuideRun = { guideId: guide.Id, contactId, status: 'view', current: null, answers: {}, lastView: null, attributes: {}, results: {}, history: [], failure: null, startedAt: now, updatedAt: now };
  return advance(guide, run, guide.Content.StartAction, contactAttributes, now);
}

/** The view the run shows now: its type and its data with references read, or null. */
export function currentView(guide: GuideDocument, run: GuideRun, contactAttributes: Record<string, string>): { actionId: string; type: NonNullable<ReturnType<typeof viewTypeOf>>; data: ViewData } | null {
  const action = run.status === 'view' ? actionOf(guide, run.current) : null;
  if (!action || action.Type !== 'ShowView') return null;
  const type = viewTypeOf((action.Parameters.ViewResource as { Id: string }).Id);
  if (!type) return null;
  return { actionId: action.Identifier, type, data: resolveTree(action.Parameters.ViewData as ViewData, scopeOf(run, contactAttributes)) };
}

const isEmpty = (value: AnswerValue | undefined) => value === undefined || value === false || answerText(value).trim() === '';

/** The required fields (form) or items (checklist) of a view left empty in `formData`. */
export function missingRequired(data: ViewData, type: string, formData: Record<string, AnswerValue>): string[] {
  if (type === 'form') return (data.Sections ?? []).flatMap((s) => s.Items).filter((item) => 'Name' in item && item.Required && isEmpty(formData[item.Name])).map((item) => (item as { Name: string }).Name);
  if (type === 'list' && data.Checklist) return (data.Items ?? []).filter((item) => item.Required && formData[item.Id] !== true).map((item) => item.Id);
  return [];
}

/** The agent's answer to the current view: the button (Next, Back, Cancel, a detail's action, a card's Id) and the
 *  form's data. Back with no condition of its own returns to the previous view; Cancel ends the guide. */
export function submitView(guide: GuideDocument, run: GuideRun, result: { action: string; formData: Record<string, AnswerValue> }, contactAttributes: Record<string, string>, now: number): GuideStep {
  const view = currentView(guide, run, contactAttributes);
  const action = actionOf(guide, run.current);
  if (!view || !action) return { run, effects: [] };
  const leaving = result.action === 'Back' || result.action === 'Cancel';
  const missing = leaving ? [] : missingRequired(view.data, view.type, result.formData);
  if (missing.length) return { run, effects: [], missing };
  const answered: GuideRun = { ...run, answers: { ...run.answers, ...result.formData }, lastView: { action: result.action, formData: result.formData } };
  const scope = scopeOf(answered, contactAttributes);
  const target = matchCondition(action, result.action, scope);
  if (target) return advance(guide, { ...answered, history: [...run.history, action.Identifier] }, target, contactAttributes, now);
  if (result.action === 'Back' && run.history.length) {
    return { run: { ...answered, status: 'view', current: run.history[run.history.length - 1], history: run.history.slice(0, -1), updatedAt: now }, effects: [] };
  }
  if (result.action === 'Cancel') return end(answered, 'cancelled', [], now);
  const next = action.Transitions.NextAction ?? errorTarget(action, 'NoMatchingCondition');
  if (next === null) return end(answered, 'completed', [], now);
  return advance(guide, { ...answered, history: [...run.history, action.Identifier] }, next, contactAttributes, now);
}

/** A Switchboard action finished: on success its results are kept and the guide goes on; on failure it takes the
 *  action's ActionFailed or NoMatchingError branch, or stops as failed (the panel offers Retry). */
export function completeAction(guide: GuideDocument, run: GuideRun, outcome: ActionOutcome, contactAttributes: Record<string, string>, now: number): GuideStep {
  const action = actionOf(guide, run.current);
  if (run.status !== 'action' || !action) return { run, effects: [] };
  if (outcome.ok) {
    const results = { ...run.results };
    for (const [object, values] of Object.entries(outcome.results ?? {})) results[object as ResultObject] = { ...results[object as ResultObject], ...values };
    return advance(guide, { ...run, results }, action.Transitions.NextAction ?? null, contactAttributes, now);
  }
  const branch = errorTarget(action, 'ActionFailed', 'NoMatchingError');
  if (branch) return advance(guide, run, branch, contactAttributes, now);
  return { run: { ...run, status: 'failed', failure: outcome.message, updatedAt: now }, effects: [] };
}

/** Runs the failed action again. */
export function retryAction(guide: GuideDocument, run: GuideRun, contactAttributes: Record<string, string>, now: number): GuideStep {
  if (run.status !== 'failed' || !run.current) return { run, effects: [] };
  return advance(guide, run, run.current, contactAttributes, now);
}

/** The agent closes the guide before its end (recorded as cancelled). */
export function cancelGuide(run: GuideRun, now: number): GuideStep {
  if (run.status === 'completed' || run.status === 'cancelled') return { run, effects: [] };
  return end(run, 'cancelled', [], now);
}

/** Whether a stored value is a run this version can resume. */
export function isGuideRun(value: unknown): value is GuideRun {
  const run = value as Partial<GuideRun> | null;
  return (
    typeof run === 'object' &&
    run !== null &&
    typeof run.guideId === 'string' &&
    typeof run.contactId === 'string' &&
    ['view', 'action', 'completed', 'cancelled', 'failed'].includes(run.status as string) &&
    typeof run.answers === 'object' &&
    Array.isArray(run.history)
  );
}
