// Shared setup of the chat component tests: mounting with vue-i18n installed as the panel installs it, and
// builders of the view-model shapes the components take (a transcript message, a chat contact).
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import type { ChatContactViewModel, ChatMessageView } from '@/components/chat/chat-view-model';
import { createPanelI18n } from '@/locales/bundled-i18n';
import type { UiLanguage } from '@/locales/i18n';

export function mountChat<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { language?: UiLanguage } = {},
) {
  const { language = 'en', ...mountOptions } = options;
  return mount(component, { ...mountOptions, global: { plugins: [createPanelI18n(language)] } } as ComponentMountingOptions<C>);
}

let sequence = 0;

/** A customer text message unless overrides say otherwise. */
export function chatMessage(overrides: Partial<ChatMessageView> = {}): ChatMessageView {
  sequence += 1;
  return {
    id: `item-${sequence}`,
    role: 'CUSTOMER',
    displayName: 'Mary Major',
    time: Date.UTC(2025, 2, 3, 9, 15),
    contentType: 'text/plain',
    content: `Message ${sequence}`,
    kind: 'message',
    ...overrides,
  };
}

export function chatContact(overrides: Partial<ChatContactViewModel> = {}): ChatContactViewModel {
  return {
    contactId: 'chat-1',
    customerName: 'Mary Major',
    state: 'connected',
    messages: [chatMessage({ content: 'Hello, my order has not arrived.' })],
    typingName: null,
    markdownEnabled: true,
    attachmentsEnabled: true,
    attachmentUrls: {},
    ...overrides,
  };
}
