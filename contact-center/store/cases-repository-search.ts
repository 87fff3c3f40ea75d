// Cases' SearchCases in SQL: a checked case filter (field comparisons, not, andAll, orAll, tags) becomes one WHERE
// clause over the cases table and its custom values, with the quick-search term, the sorts and a page. System
// fields are the table's columns (customer_id is the profile's ARN: an equalTo on it is an indexed profile lookup);
// custom fields are read from case_field_values.
import type { FieldType } from '../cases/cases-model';
import type { Database } from './database';

/** A filter value, as checked against its field's type: strings (Text, DateTime in ISO form, …) or numbers. */
export type FilterValue = { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'empty' };
export type FieldOperator = 'equalTo' | 'contains' | 'greaterThan' | 'greaterThanOrEqualTo' | 'lessThan' | 'lessThanOrEqualTo';

export type CaseFilterNode =
  | { field: { operator: FieldOperator; fieldId: string; type: FieldType; value: FilterValue } }
  | { not: CaseFilterNode }
  | { andAll: CaseFilterNode[] }
  | { orAll: CaseFilterNode[] }
  | { tag: { key: string; value: string | null } };

export interface CaseSearchQuery {
  filter: CaseFilterNode | null;
  searchTerm: string;
  sorts: { fieldId: string; type: FieldType; order: 'Asc' | 'Desc' }[];
  offset: number;
  limit: number;
  /** customer_id values are this prefix followed by the profile id. */
  profileArnPrefix: string;
}

const SYSTEM_COLUMNS: Record<string, string> = {
  title: 'c.title',
  summary: "NULLIF(c.summary, '')",
  status: 'c.status',
  reference_number: 'c.reference',
  created_datetime: 'c.created_at',
  last_updated_datetime: 'c.updated_at',
  last_closed_datetime: 'c.last_closed_at',
};

const numeric = (type: FieldType) => type === 'Number' || type === 'Boolean';

const COMPARISONS: Record<Exclude<FieldOperator, 'contains'>, string> = {
  equalTo: '=',
  greaterThan: '>',
  greaterThanOrEqualTo: '>=',
  lessThan: '<',
  lessThanOrEqualTo: '<=',
};

class SqlBuilder {
  readonly params: (string | number)[] = [];

  /** The SQL expression of a field's value for the case `c` (NULL when it has none). */
  column(fieldId: string, type: FieldType, profileArnPrefix: string): string {
    if (fieldId === 'customer_id') {
      this.params.push(profileArnPrefix);
      return '(? || c.profile_id)';
    }
    const system = SYSTEM_COLUMNS[fieldId];
    if (system) return system;
    this.params.push(fieldId);
    return `(SELECT v.${numeric(type) ? 'number_value' : 'text_value'} FROM case_field_values v WHERE v.case_id = c.id AND v.field_id = ?)`;
  }

  filter(node: CaseFilterNode, prefix: string): string {
    if ('andAll' in node) return node.andAll.length === 0 ? '1' : `(${node.andAll.map((n) => this.filter(n, prefix)).join(' AND ')})`;
    if ('orAll' in node) return node.orAll.length === 0 ? '0' : `(${node.orAll.map((n) => this.filter(n, prefix)).join(' OR ')})`;
    // A comparison with no value is NULL: "not" of it holds.
    if ('not' in node) return `(NOT coalesce(${this.filter(node.not, prefix)}, 0))`;
    if ('tag' in node) {
      this.params.push(node.tag.key);
      if (node.tag.value === null) return "EXISTS (SELECT 1 FROM json_each(c.tags_json) t WHERE t.key = ? AND t.type = 'null')";
      this.params.push(node.tag.value);
      return 'EXISTS (SELECT 1 FROM json_each(c.tags_json) t WHERE t.key = ? AND t.value = ?)';
    }
    const { operator, fieldId, type, value } = node.field;
    if (fieldId === 'customer_id' && operator === 'equalTo' && value.kind === 'text') {
      // The profile ARN's id part, looked up on the profile index.
      if (!value.value.startsWith(prefix)) return '0';
      this.params.push(value.value.slice(prefix.length));
      return 'c.profile_id = ?';
    }
    const column = this.column(fieldId, type, prefix);
    if (value.kind === 'empty') return `(${column} IS NULL)`;
    this.params.push(value.value);
    if (operator === 'contains') return `(instr(lower(${column}), lower(?)) > 0)`;
    return `(${column} ${COMPARISONS[operator]} ?)`;
  }
}

export interface CaseSearchPage {
  caseIds: string[];
  total: number;
}

/** The ids of one page of matching cases, in the asked order (then by id), and how many match in all. */
export function searchCaseIds(db: Database, query: CaseSearchQuery): CaseSearchPage {
  const sql = new SqlBuilder();
  const where: string[] = [];
  if (query.filter) where.push(sql.filter(query.filter, query.profileArnPrefix));
  const term = query.searchTerm.trim().toLowerCase();
  if (term !== '') {
    where.push(
      `(instr(lower(c.reference), ?) > 0 OR instr(lower(c.title), ?) > 0 OR instr(lower(c.summary), ?) > 0
        OR EXISTS (SELECT 1 FROM case_field_values v WHERE v.case_id = c.id AND instr(lower(v.text_value), ?) > 0))`,
    );
    sql.params.push(term, term, term, term);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const whereParams = [...sql.params];
  const total = db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM cases c ${whereSql}`).get(...whereParams)!.n;
  const orderParams = new SqlBuilder();
  const sorts = query.sorts.length ? query.sorts : [{ fieldId: 'last_updated_datetime', type: 'DateTime' as FieldType, order: 'Desc' as const }];
  const order = sorts.map((s) => `${orderParams.column(s.fieldId, s.type, query.profileArnPrefix)} ${s.order === 'Asc' ? 'ASC NULLS LAST' : 'DESC NULLS LAST'}`);
  const rows = db
    .prepare<(string | number)[], { id: string }>(`SELECT c.id FROM cases c ${whereSql} ORDER BY ${[...order, 'c.id'].join(', ')} LIMIT ? OFFSET ?`)
    .all(...whereParams, ...orderParams.params, query.limit, query.offset);
  return { caseIds: rows.map((r) => r.id), total };
}
