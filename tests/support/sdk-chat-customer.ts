// A chat customer played with the real AWS SDK, for end-to-end tests: a backend starts the chat with
// @aws-sdk/client-connect's StartChatContact and the customer talks with @aws-sdk/client-connectparticipant
// (messages, attachments through the presigned-style URLs, transcript, disconnect), as a real customer
// backend and widget would against Amazon Connect.
import { ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';
import {
  CompleteAttachmentUploadCommand,
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetTranscriptCommand,
  type Item,
  SendMessageCommand,
  StartAttachmentUploadCommand,
} from '@aws-sdk/client-connectparticipant';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import type { RunningContactCenter } from '../../contact-center/server/contact-center-server';

const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

/** A 1×1 PNG: small enough for any test, a real image for previews. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082',
  'hex',
);

/** The SDK clients one test file shares, pointed at the local contact center. */
export class SdkChatClients {
  readonly connect: ConnectClient;
  readonly participant: ConnectParticipantClient;

  constructor(readonly cc: RunningContactCenter) {
    this.connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
    this.participant = new ConnectParticipantClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
  }

  /** Starts a chat into `queueId` and connects its customer; `attributes` are the contact attributes a backend
   *  passes (StartChatContact `Attributes`, e.g. the signed-in customer's `email`). */
  async startChat(displayName: string, queueId = 'basic', initialMessage?: string, attributes?: Record<string, string>): Promise<SdkChatCustomer> {
    const instance = this.cc.engine.instance;
    const started = await this.connect.send(
      new StartChatContactCommand({
        InstanceId: instance.instanceId,
        ContactFlowId: flowIdOfQueue(instance, queueId),
        ParticipantDetails: { DisplayName: displayName },
        ...(initialMessage ? { InitialMessage: { ContentType: 'text/plain', Content: initialMessage } } : {}),
        ...(attributes ? { Attributes: attributes } : {}),
      }),
    );
    const connection = await this.participant.send(
      new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken!, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true }),
    );
    return new SdkChatCustomer(this.participant, started.ContactId!, connection.ConnectionCredentials!.ConnectionToken!);
  }

  destroy(): void {
    this.connect.destroy();
    this.participant.destroy();
  }
}

export class SdkChatCustomer {
  constructor(
    private readonly participant: ConnectParticipantClient,
    readonly contactId: string,
    readonly token: string,
  ) {}

  async send(content: string, contentType: 'text/plain' | 'text/markdown' = 'text/plain'): Promise<string> {
    const sent = await this.participant.send(new SendMessageCommand({ ConnectionToken: this.token, ContentType: contentType, Content: content }));
    return sent.Id!;
  }

  /** Uploads a file as Amazon Connect's widget does: start, PUT to the URL, complete. Returns the attachment id. */
  async attach(name: string, contentType: string, bytes: Buffer): Promise<string> {
    const upload = await this.participant.send(
      new StartAttachmentUploadCommand({ ConnectionToken: this.token, ContentType: contentType, AttachmentName: name, AttachmentSizeInBytes: bytes.length, ClientToken: `up-${name}-${Date.now()}` }),
    );
    const put = await fetch(upload.UploadMetadata!.Url!, { method: 'PUT', headers: upload.UploadMetadata!.HeadersToInclude, body: new Uint8Array(bytes) });
    if (!put.ok) throw new Error(`attachment upload answered ${put.status}`);
    await this.participant.send(new CompleteAttachmentUploadCommand({ ConnectionToken: this.token, AttachmentIds: [upload.AttachmentId!], ClientToken: `done-${upload.AttachmentId}` }));
    return upload.AttachmentId!;
  }

  async download(attachmentId: string): Promise<Buffer> {
    const link = await this.participant.send(new GetAttachmentCommand({ ConnectionToken: this.token, AttachmentId: attachmentId }));
    return Buffer.from(await (await fetch(link.Url!)).arrayBuffer());
  }

  /** The whole transcript, oldest first. */
  async transcript(): Promise<Item[]> {
    const items: Item[] = [];
    let next: string | undefined;
    do {
      const page = await this.participant.send(new GetTranscriptCommand({ ConnectionToken: this.token, MaxResults: 100, SortOrder: 'ASCENDING', ScanDirection: 'FORWARD', NextToken: next }));
      items.push(...(page.Transcript ?? []));
      next = page.NextToken;
    } while (next);
    return items;
  }

  /** The contents of the agent's messages, oldest first. */
  async agentMessages(): Promise<string[]> {
    return (await this.transcript()).filter((i) => i.ParticipantRole === 'AGENT' && i.Type === 'MESSAGE').map((i) => i.Content ?? '');
  }

  async disconnect(): Promise<void> {
    await this.participant.send(new DisconnectParticipantCommand({ ConnectionToken: this.token }));
  }
}
