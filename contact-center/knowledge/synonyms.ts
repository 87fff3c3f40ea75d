// The support domain's thesaurus: groups of words a customer and an article may use for the same thing ("bill" and
// "invoice", 解約 and キャンセル), and word forms the Porter stemmer leaves apart ("deliver", "delivery"). A query
// word also searches the other words of its groups, at a lower weight (knowledge-base.ts), so the article that says
// "invoice" is found for "my bill" and still said to match "bill". Groups are written as words; their terms are
// made by the tokeniser, so they meet the index's stems.

import { termOf } from './text-tokens';

const ENGLISH_GROUPS = [
  'bill invoice statement billing',
  'charge fee cost price',
  'cheap cheaper lower downgrade',
  'cancel cancellation terminate termination',
  'internet broadband fibre fiber',
  'router modem hub',
  'wifi wireless',
  'slow slowly speed sluggish lag',
  'disconnect drop cut',
  'deliver delivery courier shipping shipment',
  'parcel package',
  'rebook reschedule redeliver redelivery',
  'return send-back',
  'refund reimburse reimbursement',
  'broken damaged faulty defective',
  'wrong incorrect mistake',
  'late delayed delay',
  'track tracking',
  'move moving relocate relocation',
  'home house flat apartment',
  'password passcode',
  'login log-in sign-in signin',
  'code verification two-step authenticator',
  'phone mobile smartphone',
  'wife husband partner spouse family relative',
  'died deceased death bereavement',
  'owner holder',
  'contract agreement',
  'pay payment paid',
];

const JAPANESE_GROUPS = [
  '請求 料金 請求額 請求書',
  '解約 キャンセル 退会',
  'インターネット ネット 回線',
  'ルーター モデム',
  '遅い 低速 速度',
  '切れる 途切れる 切断',
  '届く 配達 配送 届け',
  '荷物 商品 注文品',
  '引っ越し 転居 住所',
  '支払い 払う 入金 支払う',
  '止まる 停止 止まった',
  '間違い 誤り 違う',
  'スマホ スマートフォン 携帯',
  'パスワード 暗証番号',
  '返品 返却 返送',
  '再配達 再送',
  '亡くなる 死亡 逝去',
];

/** Each term's other terms in its groups. */
function thesaurus(groups: readonly string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.split(' ').flatMap((word) => {
      const term = termOf(word.replace(/-/g, ''));
      return term === null ? [] : [term];
    }))];
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return map;
}

const SYNONYMS = thesaurus([...ENGLISH_GROUPS, ...JAPANESE_GROUPS]);

/** The other terms that mean the same as `term` (none when it is in no group). */
export function synonymsOf(term: string): ReadonlySet<string> {
  return SYNONYMS.get(term) ?? new Set();
}
