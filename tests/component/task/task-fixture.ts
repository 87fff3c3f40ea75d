// Shared setup of the task component tests: task contacts as the session snapshot carries them, the view model
// the presentational task components take, and mounting with vue-i18n (and, for the views that use the stores,
// Pinia over the softphone tests' fake session client, the only seam).
import { flushPromises, mount, type ComponentMountingOptions, type DOMWrapper } from '@vue/test-utils';
import type { Component } from 'vue';
import type { TaskContactViewModel } from '@/components/task/task-view-model';
import type { ContactView, TaskDetailsView } from '@/lib/session/snapshot';
import { createPanelI18n } from '@/locales/bundled-i18n';
import type { UiLanguage } from '@/locales/i18n';
import { accessibleName, connection } from '../softphone-fixture';

export function mountTask<C extends Component>(component: C, options: ComponentMountingOptions<C> & { language?: UiLanguage } = {}) {
  const { language = 'en', ...mountOptions } = options;
  return mount(component, { ...mountOptions, attachTo: document.body, global: { plugins: [createPanelI18n(language)] } } as ComponentMountingOptions<C>);
}

export function taskDetails(overrides: Partial<TaskDetailsView> = {}): TaskDetailsView {
  return {
    name: 'Send the return label',
    description: 'The customer asked for a prepaid return label.',
    references: [{ name: 'Order', type: 'URL', value: 'https://crm.example.com/orders/1042' }],
    scheduledTime: null,
    templateId: null,
    relatedContactId: null,
    ...overrides,
  };
}

/** A task contact in the snapshot: one agent connection, no customer leg (as streams shapes tasks). */
export function taskContact(id: string, state: ContactView['state'], task: Partial<TaskDetailsView> = {}): ContactView {
  return {
    id,
    initialContactId: id,
    channel: 'task',
    state,
    since: Date.now() - 65_000,
    initiationMethod: 'api',
    queueName: 'BasicQueue',
    attributes: {},
    connections: [connection({ id: `${id}-agent`, role: 'agent', state: state === 'incoming' ? 'connecting' : 'connected' })],
    transferredBy: null,
    deskPhone: false,
    task: taskDetails(task),
  };
}

export function taskView(overrides: Partial<TaskContactViewModel> = {}): TaskContactViewModel {
  const details = taskDetails();
  return {
    contactId: 'task-1',
    name: details.name,
    description: details.description,
    references: details.references,
    state: 'connected',
    queueName: 'BasicQueue',
    since: Date.now() - 65_000,
    scheduledTime: null,
    relatedContactId: null,
    transferredBy: null,
    ...overrides,
  };
}

export async function settle() {
  for (let i = 0; i < 5; i++) await flushPromises();
}

type FindsControls = { findAll<E extends Element>(selector: string): DOMWrapper<E>[] };

/** The one form control named `name` (its label, by the softphone tests' accessibleName); the reference rows'
 *  controls are left out unless `inReferenceRows` (their names repeat in every row). */
export function namedControl(wrapper: FindsControls, name: string, inReferenceRows = false): DOMWrapper<HTMLInputElement> {
  const found = wrapper
    .findAll<HTMLInputElement>('input, select, textarea')
    .filter((c) => accessibleName(c.element) === name && (inReferenceRows || !c.element.closest('.reference-row')));
  if (found.length !== 1) throw new Error(`expected one control named "${name}", found ${found.length}`);
  return found[0]!;
}

/** The reason a control was refused: the error among the elements its aria-describedby names; null if valid. */
export function reasonFor(control: DOMWrapper<Element>): string | null {
  if (control.attributes('aria-invalid') !== 'true') return null;
  const ids = (control.attributes('aria-describedby') ?? '').split(/\s+/);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))?.textContent?.trim() ?? null;
}
