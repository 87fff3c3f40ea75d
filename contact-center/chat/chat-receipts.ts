// Message receipts (SendEvent message.delivered / message.read): checked against the chat, recorded on the message
// for GetTranscript, and delivered to the message's sender only, as Amazon Connect does.

import type { Database } from '../store/database';
import { getParticipant, participantsOfChat } from '../store/chat-participant-repository';
import { getItem, recordReceipt } from '../store/chat-transcript-repository';
import { conflict, invalidInput } from './chat-errors';
import type { ChatFanout, ChatRecipient } from './chat-fanout';
import { receiptItem } from './chat-items';
import { chatOf, isActive, type ChatParticipant } from './participants';

export function recipientOf(participant: ChatParticipant): ChatRecipient {
  return { participantId: participant.participantId, role: participant.role, contactId: participant.contactId };
}

/** `recipient` says it received or read `messageId`; answers SendEvent's {Id, AbsoluteTime}. */
export function sendReceipt(db: Database, fanout: ChatFanout, recipient: ChatParticipant, messageId: string, kind: 'read' | 'delivered', now: number): { Id: string; AbsoluteTime: string } {
  const message = getItem(db, messageId);
  if (!message || message.InitialContactId !== recipient.initialContactId || (message.Type !== 'MESSAGE' && message.Type !== 'ATTACHMENT')) {
    throw invalidInput(`Message ${messageId} is not a message of this chat.`);
  }
  if (message.ParticipantId === recipient.participantId) throw invalidInput('A participant does not send receipts for its own messages.');
  // SendEvent: "Message receipts are not supported when there are more than two active participants".
  if (participantsOfChat(db, recipient.initialContactId).filter(isActive).length > 2) {
    throw conflict('Message receipts are not supported when more than two participants are in the chat.');
  }
  const item = receiptItem(chatOf(recipient), messageId, recipient.participantId, kind, now);
  recordReceipt(db, { messageId, recipientParticipantId: recipient.participantId, kind, at: item.AbsoluteTime });
  // Receipts are for the message's sender only (ChatJS shows them to the sender and drops its own).
  const sender = message.ParticipantId === undefined ? undefined : getParticipant(db, message.ParticipantId);
  if (sender && isActive(sender)) fanout.deliver({ item, recipients: [recipientOf(sender)] });
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}
