// The typed messages between the extension's contexts. One file so that every sender and listener agrees.
//
//   side panel ──(port 'session-view')──► worker      {type:'command', envelope}   ◄── {type:'snapshot'} / {type:'result'}
//   worker ──(runtime.sendMessage, target 'engine')──► offscreen engine   {type:'engine-command', envelope} -> CommandResult
//   offscreen engine ──(runtime.sendMessage, target 'worker')──► worker   {type:'engine-event', event}
//
// Chat transcripts are not in the snapshot: the engine reports each chat's new or changed items ('chat-items'),
// the worker keeps them per contact in storage.session, and a view subscribes per contact over its port:
//   view {type:'chat-subscribe', contactId} ──► worker {type:'chat-transcript', full:true, items: everything kept}
//   then, for every change:                      worker {type:'chat-transcript', full:false, items: the changed ones}
//   view {type:'chat-unsubscribe', contactId} (or the port closing) ends it. Typing travels the same way.
//
// runtime.sendMessage reaches every extension page, so each message names its target and the others ignore it.

import type { CommandEnvelope, CommandResult } from '../session/commands';
import type { ChatItemView, ChatRole } from '../session/chat-transcript';
import type { SessionSnapshot } from '../session/snapshot';
import type { TranscriptReport } from '../transcript/transcript-requests';

export const SESSION_VIEW_PORT = 'session-view';

/** Side panel (or any view) -> worker, over the port. */
export type ViewToWorker =
  | { type: 'command'; envelope: CommandEnvelope }
  | { type: 'hello' }
  | { type: 'get-log' }
  | { type: 'chat-subscribe'; contactId: string } // answered with a full 'chat-transcript', then increments
  | { type: 'chat-unsubscribe'; contactId: string };

/** Worker -> view, over the port. */
export type WorkerToView =
  | { type: 'snapshot'; snapshot: SessionSnapshot }
  | { type: 'result'; id: string; result: CommandResult }
  | { type: 'log-lines'; lines: string[] } // answer to get-log: the session log as JSON lines
  // full: `items` is the whole kept transcript (replace); otherwise the new or changed items (merge by id)
  | { type: 'chat-transcript'; contactId: string; items: ChatItemView[]; full: boolean }
  | { type: 'chat-typing'; contactId: string; role: ChatRole; at: number };

/** What the engine reports to the worker. */
export type EngineEvent =
  | { type: 'engine-started'; instanceUrl: string } // the document loaded and initCCP was called
  | { type: 'state'; patch: Pick<SessionSnapshot, 'agent' | 'contacts' | 'quickConnects'> } // full softphone state
  | { type: 'connection'; status: 'connecting' | 'needs-sign-in' | 'ready' | 'failed'; reason?: string }
  | { type: 'log'; event: string; data?: Record<string, unknown> }
  // A chat's new or changed items; `full`: every item the engine holds for it (after a transcript fetch or a
  // resync). Merged by id either way: the engine may hold less than the worker (a chat in after contact work
  // has no session to fetch from after an engine restart).
  | { type: 'chat-items'; contactId: string; items: ChatItemView[]; full?: boolean }
  | { type: 'chat-typing'; contactId: string; role: ChatRole; at: number }
  // A followed contact's new segments (and whether it completed); the worker keeps them (lib/transcript/).
  | ({ type: 'transcript' } & TranscriptReport);

export type EngineMessage = { target: 'worker'; type: 'engine-event'; event: EngineEvent };

export type WorkerToEngine =
  | { target: 'engine'; type: 'engine-command'; envelope: CommandEnvelope }
  | { target: 'engine'; type: 'engine-resync' } // worker restarted: send a full 'state' again
  | { target: 'engine'; type: 'engine-ping' }; // answered with { alive: true, instanceUrl }
