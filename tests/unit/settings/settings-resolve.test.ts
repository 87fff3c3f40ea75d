// Settings resolution: locked policy > agent's choice > policy default > built-in default, for every
// combination of sources; bad policy entries are left out key by key with their reason.
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../lib/settings/policy';
import { resolveSettings, type SettingSource } from '../../../lib/settings/resolve';

type PolicyCase = 'none' | 'default' | 'locked';
type AgentCase = 'none' | 'valid' | 'invalid';

const POLICY_VALUE = 'accept';
const AGENT_VALUE = 'off';
const BUILT_IN = 'ring';

const expected: Record<PolicyCase, Record<AgentCase, [string, SettingSource]>> = {
  none: { none: [BUILT_IN, 'built-in'], valid: [AGENT_VALUE, 'agent'], invalid: [BUILT_IN, 'built-in'] },
  default: { none: [POLICY_VALUE, 'admin-default'], valid: [AGENT_VALUE, 'agent'], invalid: [POLICY_VALUE, 'admin-default'] },
  locked: { none: [POLICY_VALUE, 'admin-locked'], valid: [POLICY_VALUE, 'admin-locked'], invalid: [POLICY_VALUE, 'admin-locked'] },
};

describe('settings resolution', () => {
  for (const policyCase of ['none', 'default', 'locked'] as const) {
    for (const agentCase of ['none', 'valid', 'invalid'] as const) {
      it(`policy ${policyCase}, agent choice ${agentCase}`, () => {
        const policy = parsePolicy(
          policyCase === 'none' ? {} : { 'screenPop.mode': { value: POLICY_VALUE, locked: policyCase === 'locked', reason: 'Set by IT' } },
        );
        const choices = agentCase === 'none' ? {} : { 'screenPop.mode': agentCase === 'valid' ? AGENT_VALUE : 'sometimes' };
        const resolved = resolveSettings(policy, choices);
        const [value, source] = expected[policyCase][agentCase];
        expect(resolved.values['screenPop.mode']).toBe(value);
        expect(resolved.sources['screenPop.mode']).toBe(source);
        expect(resolved.editable['screenPop.mode']).toBe(policyCase !== 'locked');
        expect(resolved.lockReasons['screenPop.mode']).toBe(policyCase === 'locked' ? 'Set by IT' : undefined);
        expect(resolved.agentProblems.map((p) => p.key)).toEqual(agentCase === 'invalid' && policyCase !== 'locked' ? ['screenPop.mode'] : []);
      });
    }
  }

  it('an agent choice for an admin-only setting is ignored', () => {
    const resolved = resolveSettings(parsePolicy({}), { 'clickToDial.deniedSites': ['https://*/*'] });
    expect(resolved.values['clickToDial.deniedSites']).toEqual([]);
    expect(resolved.sources['clickToDial.deniedSites']).toBe('built-in');
    expect(resolved.editable['clickToDial.deniedSites']).toBe(false);
  });

  it('phone type and desk number are not the agent’s to change when the admin forbids it', () => {
    const choices = { 'phone.type': 'desk-phone', 'phone.deskPhoneNumber': '+81312345678' };
    const allowed = resolveSettings(parsePolicy({}), choices);
    expect(allowed.values['phone.type']).toBe('desk-phone');
    const forbidden = resolveSettings(parsePolicy({ 'phone.agentMayChangeType': { value: false }, 'phone.type': { value: 'softphone' } }), choices);
    expect(forbidden.values['phone.type']).toBe('softphone');
    expect(forbidden.sources['phone.type']).toBe('admin-default');
    expect(forbidden.editable['phone.type']).toBe(false);
    expect(forbidden.editable['phone.deskPhoneNumber']).toBe(false);
  });

  it('bad policy entries are listed with their reason while the good ones apply', () => {
    const policy = parsePolicy({
      'clickToDial.enabled': { value: false, locked: true },
      'screenPop.mode': { value: 'sometimes', locked: true },
      'session.engineLostGraceSeconds': { value: '10' },
      'clickToDial.deniedSites': { value: ['*://bank.example/*', 'bad pattern'] },
      'contactCenter.url': 'https://no-envelope.example',
      'phone.autoAccept': { value: 'on', locked: 'yes' },
      'no.such.setting': { value: 1 },
      'ui.language': { value: 'ja', reason: 'Tokyo office' },
    });
    const resolved = resolveSettings(policy, {});
    expect(resolved.values['clickToDial.enabled']).toBe(false);
    expect(resolved.values['ui.language']).toBe('ja');
    expect(resolved.values['screenPop.mode']).toBe('ring');
    expect(resolved.values['session.engineLostGraceSeconds']).toBe(10);
    expect(Object.fromEntries(resolved.policyProblems.map((p) => [p.key, p.problem.code]))).toEqual({
      'screenPop.mode': 'not-one-of',
      'session.engineLostGraceSeconds': 'wrong-type',
      'clickToDial.deniedSites': 'not-match-pattern',
      'contactCenter.url': 'bad-policy-entry',
      'phone.autoAccept': 'bad-policy-entry',
      'no.such.setting': 'unknown-setting',
    });
  });

  it('a policy that is not an object is one problem, and everything else is built in', () => {
    const resolved = resolveSettings(parsePolicy(['not', 'an', 'object']), {});
    expect(resolved.policyProblems).toEqual([{ key: '*', problem: { code: 'wrong-type', params: { expected: 'object', actual: 'array' } } }]);
    expect(Object.values(resolved.sources).every((source) => source === 'built-in')).toBe(true);
  });

  it('values handed out are copies: changing one does not change the policy', () => {
    const policy = parsePolicy({ 'clickToDial.deniedSites': { value: ['https://bank.example/*'], locked: true } });
    resolveSettings(policy, {}).values['clickToDial.deniedSites'].push('https://other.example/*');
    expect(resolveSettings(policy, {}).values['clickToDial.deniedSites']).toEqual(['https://bank.example/*']);
  });
});
