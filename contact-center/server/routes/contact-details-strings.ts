// The words of the contact details page (`/contact-trace-records/details/:contactId`) in English and Japanese, the
// language chosen from the Accept-Language header, and the locale's date and number formats for it.
import type { ContactRecord, DisconnectReason, TaskReferenceType } from '../../model';
import type { FeedbackRelevance, FeedbackTargetType } from '../../store/qconnect-repository';
import type { TranscriptRole, TranscriptSentiment } from '../../transcript/transcript-types';

export type PageLanguage = 'en' | 'ja';

export interface ContactDetailsStrings {
  siteName: string;
  heading: string;
  sections: { contact: string; times: string; durations: string; attributes: string; task: string; chat: string; references: string };
  fields: {
    contactId: string;
    channel: string;
    initiationMethod: string;
    state: string;
    queue: string;
    agent: string;
    customerEndpoint: string;
    systemEndpoint: string;
    disconnectReason: string;
    previousContact: string;
    nextContact: string;
    initiated: string;
    connectedToAgent: string;
    disconnected: string;
    queueDuration: string;
    holdDuration: string;
    holdCount: string;
    /** Voice: the talk time; chats and tasks: the agent interaction time. */
    talkDuration: (channel: ContactRecord['channel']) => string;
    acwDuration: string;
    attributeName: string;
    attributeValue: string;
    taskName: string;
    taskDescription: string;
    taskTemplate: string;
    scheduledFor: string;
    taskExpires: string;
    referenceName: string;
    referenceType: string;
    referenceValue: string;
    customerDisplayName: string;
    chatMaximumDuration: string;
    chatEnds: string;
    agentFirstResponse: string;
  };
  none: string;
  noAttributes: string;
  noReferences: string;
  minutes: (count: number) => string;
  channels: Record<ContactRecord['channel'], string>;
  initiationMethods: Record<ContactRecord['initiationMethod'], string>;
  states: Record<ContactRecord['state'], string>;
  disconnectReasons: Record<DisconnectReason, string>;
  referenceTypes: Record<TaskReferenceType, string>;
  notFound: { title: string; unknown: (contactId: string) => string; malformed: string; empty: string; back: string };
  /** What the contact carries beyond its record: transcript, knowledge feedback, the guide record. */
  activity: ContactActivityStrings;
}

export interface ContactActivityStrings {
  transcript: {
    heading: string;
    columns: { offset: string; speaker: string; text: string; sentiment: string };
    speakers: Record<TranscriptRole, string>;
    sentiments: Record<TranscriptSentiment, string>;
    customerSentiment: string;
    firstToLast: string;
    counted: string;
    counts: (counts: Record<TranscriptSentiment, number>) => string;
    truncated: (shown: number) => string;
  };
  feedback: {
    heading: string;
    columns: { article: string; rating: string; source: string; when: string; agent: string };
    ratings: Record<FeedbackRelevance, string>;
    sources: Record<FeedbackTargetType, string>;
    unknownArticle: (id: string) => string;
  };
  guide: {
    heading: string;
    fields: { guide: string; outcome: string; recordedAt: string };
    outcomes: Record<'completed' | 'cancelled', string>;
    unreadable: (attribute: string) => string;
  };
}

const EN: ContactDetailsStrings = {
  siteName: 'Switchboard local contact center',
  heading: 'Contact details',
  sections: { contact: 'Contact', times: 'Times', durations: 'Durations', attributes: 'Contact attributes', task: 'Task', chat: 'Chat', references: 'References' },
  fields: {
    contactId: 'Contact ID',
    channel: 'Channel',
    initiationMethod: 'Initiation method',
    state: 'Status',
    queue: 'Queue',
    agent: 'Agent',
    customerEndpoint: 'Customer number',
    systemEndpoint: 'System number',
    disconnectReason: 'Disconnect reason',
    previousContact: 'Previous contact',
    nextContact: 'Next contact',
    initiated: 'Initiated',
    connectedToAgent: 'Connected to agent',
    disconnected: 'Disconnected',
    queueDuration: 'Time in queue',
    holdDuration: 'Hold time',
    holdCount: 'Number of holds',
    talkDuration: (channel) => (channel === 'voice' ? 'Talk time' : 'Agent interaction time'),
    acwDuration: 'After contact work',
    attributeName: 'Name',
    attributeValue: 'Value',
    taskName: 'Name',
    taskDescription: 'Description',
    taskTemplate: 'Task template',
    scheduledFor: 'Scheduled for',
    taskExpires: 'Expires',
    referenceName: 'Name',
    referenceType: 'Type',
    referenceValue: 'Value',
    customerDisplayName: 'Customer display name',
    chatMaximumDuration: 'Maximum chat duration',
    chatEnds: 'Chat ends by itself at',
    agentFirstResponse: 'Agent’s first response after connecting',
  },
  none: 'None',
  noAttributes: 'This contact has no attributes.',
  noReferences: 'This task has no references.',
  minutes: (count) => (count === 1 ? '1 minute' : `${count.toLocaleString('en-US')} minutes`),
  channels: { voice: 'Voice', chat: 'Chat', task: 'Task' },
  initiationMethods: { inbound: 'Inbound', outbound: 'Outbound', transfer: 'Transfer', api: 'API' },
  states: { queued: 'In queue', ringing: 'Ringing', connected: 'Connected', acw: 'After contact work', ended: 'Ended' },
  disconnectReasons: {
    customer_disconnect: 'The customer disconnected',
    agent_disconnect: 'The agent disconnected',
    third_party_disconnect: 'A third party disconnected',
    transferred: 'Transferred',
    customer_busy: 'The customer’s line was busy',
    customer_no_answer: 'The customer did not answer',
    missed_everywhere: 'No agent answered',
    expired: 'Expired',
    idle_disconnect: 'Disconnected for inactivity',
    server_restart: 'Ended by a restart of the contact center',
  },
  referenceTypes: { URL: 'URL', EMAIL: 'Email', NUMBER: 'Number', STRING: 'Text', DATE: 'Date', ATTACHMENT: 'Attachment' },
  notFound: {
    title: 'Contact not found',
    unknown: (contactId) => `This contact center has no contact with the ID ${contactId}.`,
    malformed: 'The address does not end in a contact ID: a contact ID is 1 to 256 letters, digits, hyphens and underscores.',
    empty: 'The address names no contact: add the contact ID after /contact-trace-records/details/.',
    back: 'Go to the contact center’s start page',
  },
  activity: {
    transcript: {
      heading: 'Transcript',
      columns: { offset: 'Time', speaker: 'Speaker', text: 'What was said', sentiment: 'Sentiment' },
      speakers: { CUSTOMER: 'Customer', AGENT: 'Agent', SYSTEM: 'System' },
      sentiments: { POSITIVE: 'Positive', NEUTRAL: 'Neutral', NEGATIVE: 'Negative' },
      customerSentiment: 'Customer sentiment',
      firstToLast: 'First → last',
      counted: 'Across the transcript',
      counts: (c) => `${c.POSITIVE.toLocaleString('en-US')} positive, ${c.NEUTRAL.toLocaleString('en-US')} neutral, ${c.NEGATIVE.toLocaleString('en-US')} negative`,
      truncated: (shown) => `Only the first ${shown.toLocaleString('en-US')} segments are shown.`,
    },
    feedback: {
      heading: 'Feedback on knowledge articles',
      columns: { article: 'Article', rating: 'Rating', source: 'Found as', when: 'When', agent: 'Agent' },
      ratings: { HELPFUL: 'Useful', NOT_HELPFUL: 'Not useful' },
      sources: { RECOMMENDATION: 'Suggestion', RESULT: 'Search result' },
      unknownArticle: (id) => `Article no longer in the knowledge base (${id})`,
    },
    guide: {
      heading: 'Step-by-step guide',
      fields: { guide: 'Guide', outcome: 'Outcome', recordedAt: 'Recorded at' },
      outcomes: { completed: 'Completed', cancelled: 'Cancelled' },
      unreadable: (attribute) => `The attribute ${attribute} does not hold a guide record that can be read. Its value:`,
    },
  },
};

const JA: ContactDetailsStrings = {
  siteName: 'Switchboard ローカルコンタクトセンター',
  heading: 'コンタクトの詳細',
  sections: { contact: 'コンタクト', times: '日時', durations: '所要時間', attributes: 'コンタクト属性', task: 'タスク', chat: 'チャット', references: '参照' },
  fields: {
    contactId: 'コンタクト ID',
    channel: 'チャネル',
    initiationMethod: '開始方法',
    state: '状態',
    queue: 'キュー',
    agent: 'エージェント',
    customerEndpoint: 'お客様の電話番号',
    systemEndpoint: 'コンタクトセンターの電話番号',
    disconnectReason: '切断理由',
    previousContact: '前のコンタクト',
    nextContact: '次のコンタクト',
    initiated: '開始日時',
    connectedToAgent: 'エージェント接続日時',
    disconnected: '切断日時',
    queueDuration: 'キュー待ち時間',
    holdDuration: '保留時間',
    holdCount: '保留回数',
    talkDuration: (channel) => (channel === 'voice' ? '通話時間' : 'エージェント対応時間'),
    acwDuration: '後処理時間',
    attributeName: '名前',
    attributeValue: '値',
    taskName: '件名',
    taskDescription: '説明',
    taskTemplate: 'タスクテンプレート',
    scheduledFor: '予定日時',
    taskExpires: '有効期限',
    referenceName: '名前',
    referenceType: '種類',
    referenceValue: '値',
    customerDisplayName: 'お客様の表示名',
    chatMaximumDuration: 'チャットの最大時間',
    chatEnds: 'チャットの自動終了日時',
    agentFirstResponse: '接続からエージェントの最初の返信までの時間',
  },
  none: 'なし',
  noAttributes: 'このコンタクトには属性がありません。',
  noReferences: 'このタスクには参照がありません。',
  minutes: (count) => `${count.toLocaleString('ja-JP')} 分`,
  channels: { voice: '通話', chat: 'チャット', task: 'タスク' },
  initiationMethods: { inbound: '着信', outbound: '発信', transfer: '転送', api: 'API' },
  states: { queued: 'キュー待ち', ringing: '呼び出し中', connected: '対応中', acw: '後処理中', ended: '終了' },
  disconnectReasons: {
    customer_disconnect: 'お客様が切断',
    agent_disconnect: 'エージェントが切断',
    third_party_disconnect: '第三者が切断',
    transferred: '転送',
    customer_busy: 'お客様が話し中',
    customer_no_answer: 'お客様が応答せず',
    missed_everywhere: 'どのエージェントも応答せず',
    expired: '期限切れ',
    idle_disconnect: '無応答のため切断',
    server_restart: 'コンタクトセンターの再起動により終了',
  },
  referenceTypes: { URL: 'URL', EMAIL: 'メール', NUMBER: '数値', STRING: 'テキスト', DATE: '日付', ATTACHMENT: '添付ファイル' },
  notFound: {
    title: 'コンタクトが見つかりません',
    unknown: (contactId) => `このコンタクトセンターには ID が ${contactId} のコンタクトはありません。`,
    malformed: 'アドレスの末尾がコンタクト ID ではありません。コンタクト ID は英数字、ハイフン、アンダースコアからなる 1〜256 文字です。',
    empty: 'アドレスにコンタクトが指定されていません。/contact-trace-records/details/ の後にコンタクト ID を付けてください。',
    back: 'コンタクトセンターのトップページへ',
  },
  activity: {
    transcript: {
      heading: 'トランスクリプト',
      columns: { offset: '経過時間', speaker: '話者', text: '発言', sentiment: '感情' },
      speakers: { CUSTOMER: 'お客様', AGENT: 'エージェント', SYSTEM: 'システム' },
      sentiments: { POSITIVE: 'ポジティブ', NEUTRAL: 'ニュートラル', NEGATIVE: 'ネガティブ' },
      customerSentiment: 'お客様の感情',
      firstToLast: '最初 → 最後',
      counted: '会話全体',
      counts: (c) => `ポジティブ ${c.POSITIVE.toLocaleString('ja-JP')} 件、ニュートラル ${c.NEUTRAL.toLocaleString('ja-JP')} 件、ネガティブ ${c.NEGATIVE.toLocaleString('ja-JP')} 件`,
      truncated: (shown) => `最初の ${shown.toLocaleString('ja-JP')} 件のみ表示しています。`,
    },
    feedback: {
      heading: 'ナレッジ記事への評価',
      columns: { article: '記事', rating: '評価', source: '表示元', when: '日時', agent: 'エージェント' },
      ratings: { HELPFUL: '役に立った', NOT_HELPFUL: '役に立たなかった' },
      sources: { RECOMMENDATION: 'おすすめ', RESULT: '検索結果' },
      unknownArticle: (id) => `ナレッジベースにない記事 (${id})`,
    },
    guide: {
      heading: 'ステップバイステップガイド',
      fields: { guide: 'ガイド', outcome: '結果', recordedAt: '記録日時' },
      outcomes: { completed: '完了', cancelled: '中止' },
      unreadable: (attribute) => `属性 ${attribute} の値はガイドの記録として読み取れません。記録されている値:`,
    },
  },
};

const STRINGS: Record<PageLanguage, ContactDetailsStrings> = { en: EN, ja: JA };

export function stringsFor(language: PageLanguage): ContactDetailsStrings {
  return STRINGS[language];
}

/**
 * The page's language from an Accept-Language header: the supported language (English or Japanese) the browser
 * weighs highest, the earlier one on a tie; English when it asks for neither.
 */
export function languageFromAcceptLanguage(header: string | string[] | undefined): PageLanguage {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { language: PageLanguage; quality: number } | null = null;
  for (const part of value.split(',')) {
    const [tag = '', ...parameters] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'en' && primary !== 'ja') continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if (best === null || quality > best.quality) best = { language: primary, quality };
  }
  return best?.language ?? 'en';
}

const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};

/** A date and time in the language's format, in the contact center's time zone (or `timeZone`), the zone named. */
export function formatDateTime(language: PageLanguage, epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-US', { ...DATE_TIME_OPTIONS, timeZone }).format(epochMs);
}

/** A count in the language's digits grouping. */
export function formatCount(language: PageLanguage, count: number): string {
  return count.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-US');
}
