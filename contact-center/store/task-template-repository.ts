// Reads and writes task templates (Amazon Connect's shape, see tasks/task-template-model.ts) and seeds the demo
// ones into an instance that has none. Stored times are epoch milliseconds; templates are read back with Connect's
// epoch seconds.

import type { TaskTemplate, TaskTemplateConstraints, TaskTemplateDefaults, TaskTemplateDefinition, TaskTemplateField, TaskTemplateStatus } from '../tasks/task-template-model';
import type { Database } from './database';

interface TaskTemplateRow {
  id: string;
  arn: string;
  instance_id: string;
  name: string;
  description: string | null;
  contact_flow_id: string | null;
  self_assign_flow_id: string | null;
  status: TaskTemplateStatus;
  fields_json: string;
  constraints_json: string;
  defaults_json: string;
  created_at: number;
  last_modified_at: number;
}

/** A template to store: its identity, definition and creation time (epoch ms). */
export interface NewTaskTemplate {
  id: string;
  arn: string;
  instanceId: string;
  definition: TaskTemplateDefinition;
  createdAt: number;
  /** CreateTaskTemplate's ClientToken: the same token later finds this template instead of making another. */
  clientToken?: string;
}

const COLUMNS = `id, arn, instance_id, name, description, contact_flow_id, self_assign_flow_id, status, fields_json,
  constraints_json, defaults_json, created_at, last_modified_at`;

function templateFromRow(row: TaskTemplateRow): TaskTemplate {
  return {
    Id: row.id,
    Arn: row.arn,
    InstanceId: row.instance_id,
    Name: row.name,
    ...(row.description === null ? {} : { Description: row.description }),
    ...(row.contact_flow_id === null ? {} : { ContactFlowId: row.contact_flow_id }),
    ...(row.self_assign_flow_id === null ? {} : { SelfAssignFlowId: row.self_assign_flow_id }),
    Constraints: JSON.parse(row.constraints_json) as TaskTemplateConstraints,
    Defaults: JSON.parse(row.defaults_json) as TaskTemplateDefaults,
    Fields: JSON.parse(row.fields_json) as TaskTemplateField[],
    Status: row.status,
    CreatedTime: row.created_at / 1000,
    LastModifiedTime: row.last_modified_at / 1000,
  };
}

/** Every template in creation order (the order the seed gives them, then the ones created since). */
export function listTaskTemplates(db: Database): TaskTemplate[] {
  return db.prepare<[], TaskTemplateRow>(`SELECT ${COLUMNS} FROM task_templates ORDER BY created_at, rowid`).all().map(templateFromRow);
}

export function getTaskTemplate(db: Database, id: string): TaskTemplate | null {
  const row = db.prepare<[string], TaskTemplateRow>(`SELECT ${COLUMNS} FROM task_templates WHERE id = ?`).get(id);
  return row ? templateFromRow(row) : null;
}

/** The template CreateTaskTemplate made with this ClientToken, if any. */
export function getTaskTemplateByClientToken(db: Database, clientToken: string): TaskTemplate | null {
  const row = db.prepare<[string], TaskTemplateRow>(`SELECT ${COLUMNS} FROM task_templates WHERE client_token = ?`).get(clientToken);
  return row ? templateFromRow(row) : null;
}

/** The names of the templates other than `exceptId` (names are unique in the instance). */
export function taskTemplateNames(db: Database, exceptId?: string): Set<string> {
  const rows = db.prepare<[string], { name: string }>('SELECT name FROM task_templates WHERE id <> ?').all(exceptId ?? '');
  return new Set(rows.map((row) => row.name));
}

function definitionColumns(definition: TaskTemplateDefinition) {
  return [
    definition.Name,
    definition.Description ?? null,
    definition.ContactFlowId ?? null,
    definition.SelfAssignFlowId ?? null,
    definition.Status,
    JSON.stringify(definition.Fields),
    JSON.stringify(definition.Constraints),
    JSON.stringify(definition.Defaults),
  ] as const;
}

type DefinitionColumns = ReturnType<typeof definitionColumns>;

export function insertTaskTemplate(db: Database, template: NewTaskTemplate): TaskTemplate {
  db.prepare<[string, string, string, ...DefinitionColumns, string | null, number, number]>(
    `INSERT INTO task_templates (id, arn, instance_id, name, description, contact_flow_id, self_assign_flow_id, status,
                                 fields_json, constraints_json, defaults_json, client_token, created_at, last_modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(template.id, template.arn, template.instanceId, ...definitionColumns(template.definition), template.clientToken ?? null, template.createdAt, template.createdAt);
  const stored = getTaskTemplate(db, template.id);
  if (!stored) throw new Error(`Task template ${template.id} was not stored`);
  return stored;
}

/** Replaces a template's definition; null when there is no such template. `at` is epoch ms. */
export function updateTaskTemplate(db: Database, id: string, definition: TaskTemplateDefinition, at: number): TaskTemplate | null {
  const result = db
    .prepare<[...DefinitionColumns, number, string]>(
      `UPDATE task_templates SET name = ?, description = ?, contact_flow_id = ?, self_assign_flow_id = ?, status = ?, fields_json = ?,
                                 constraints_json = ?, defaults_json = ?, last_modified_at = MAX(created_at, ?)
       WHERE id = ?`,
    )
    .run(...definitionColumns(definition), at, id);
  return result.changes === 0 ? null : getTaskTemplate(db, id);
}

/** Stores `templates` when the instance has no template yet (a new data folder, or one from before templates);
 *  returns whether it did. Templates created or edited since are never touched. */
export function seedTaskTemplatesIfEmpty(db: Database, templates: readonly NewTaskTemplate[]): boolean {
  return db.transaction(() => {
    const any = db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM task_templates) AS found').get();
    if (any?.found === 1) return false;
    for (const template of templates) insertTaskTemplate(db, template);
    return true;
  }).immediate();
}
