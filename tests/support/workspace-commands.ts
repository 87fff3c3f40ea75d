// Runs one workspace request from an extension page (the panel) through the worker to the engine, over the same
// port and message shapes the panel's session client uses, and returns the CommandResult.
import type { Page } from '@playwright/test';
import type { CommandResult } from '../../lib/session/commands';
import type { WorkspaceRequest } from '../../lib/workspace/workspace-requests';

interface TestPort {
  onMessage: { addListener(listener: (message: { type: string; id?: string; result?: CommandResult }) => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}
declare const chrome: { runtime: { connect(info: { name: string }): TestPort } };

export async function runWorkspaceRequest(page: Page, request: WorkspaceRequest): Promise<CommandResult> {
  return page.evaluate(
    (req) =>
      new Promise<CommandResult>((resolve) => {
        const id = `test-${crypto.randomUUID()}`;
        const port = chrome.runtime.connect({ name: 'session-view' });
        port.onMessage.addListener((message) => {
          if (message.type !== 'result' || message.id !== id || !message.result) return;
          port.disconnect();
          resolve(message.result);
        });
        port.postMessage({ type: 'command', envelope: { id, command: { type: 'workspace', request: req } } });
      }),
    request,
  );
}
