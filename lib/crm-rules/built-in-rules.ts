// The site rules Switchboard ships: one file per CRM under rules/; adding a CRM is adding a file and a line here.
import type { CrmSiteRule } from './crm-rule';
import { demoCrmRule } from './rules/demo-crm';

export const BUILT_IN_RULES: readonly CrmSiteRule[] = [demoCrmRule];
