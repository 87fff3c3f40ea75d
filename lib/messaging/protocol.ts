// The typed messages between the extension's contexts. One file so that every sender and listener agrees.
//
//   side panel ──(port 'session-view')──► worker      {type:'command', envelope}   ◄── {type:'snapshot'} / {type:'result'}
//   worker ──(runtime.sendMessage, target 'engine')──► offscreen engine   {type:'engine-command', envelope} -> CommandResult
//   offscreen engine ──(runtime.sendMessage, target 'worker')──► worker   {type:'engine-event', event}
//
// runtime.sendMessage reaches every extension page, so each message names its target and the others ignore it.

import type { CommandEnvelope, CommandResult } from '../session/commands';
import type { SessionSnapshot } from '../session/snapshot';

export const SESSION_VIEW_PORT = 'session-view';

/** Side panel (or any view) -> worker, over the port. */
export type ViewToWorker = { type: 'command'; envelope: CommandEnvelope } | { type: 'hello' } | { type: 'get-log' };

/** Worker -> view, over the port. */
export type WorkerToView =
  | { type: 'snapshot'; snapshot: SessionSnapshot }
  | { type: 'result'; id: string; result: CommandResult }
  | { type: 'log-lines'; lines: string[] }; // answer to get-log: the session log as JSON lines

/** What the engine reports to the worker. */
export type EngineEvent =
  | { type: 'engine-started'; instanceUrl: string } // the document loaded and initCCP was called
  | { type: 'state'; patch: Pick<SessionSnapshot, 'agent' | 'contacts' | 'quickConnects'> } // full softphone state
  | { type: 'connection'; status: 'connecting' | 'needs-sign-in' | 'ready' | 'failed'; reason?: string }
  | { type: 'log'; event: string; data?: Record<string, unknown> };

export type EngineMessage = { target: 'worker'; type: 'engine-event'; event: EngineEvent };

export type WorkerToEngine =
  | { target: 'engine'; type: 'engine-command'; envelope: CommandEnvelope }
  | { target: 'engine'; type: 'engine-resync' } // worker restarted: send a full 'state' again
  | { target: 'engine'; type: 'engine-ping' }; // answered with { alive: true, instanceUrl }
