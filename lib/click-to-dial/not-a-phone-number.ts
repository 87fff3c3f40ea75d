// The post-filter of number detection: the dates, times, amounts, ids, order numbers, version strings, IP
// addresses, postal codes, card numbers and ISBNs that a phone-number parser would otherwise accept, recognised
// by their shape and by what is written right before and after them. Works on folded text (see fold-characters).

/**
 * A label that may be glued to a number ("TEL03-1234-5678", "Tel.03…", "FAX:…", "TEL No.03…"); any other
 * letters glued to the digits ("ORD-2024…", "v10.0…", "INV-000…", "A1203…") make it an id, not a phone number.
 */
const PHONE_LABEL_GLUED = /(?:^|[^A-Za-z])(?:tel|fax|phone|ph|mobile|mob|cell|call|dial)(?:\.?\s?no)?[-.:=]?$/i;
const WORD_GLUED = /[A-Za-z_][-_/.:=]?$/;
/**
 * "12:30", "1,234", "10.0." right before: this is the tail of another number. A slash is not in the list: it
 * separates numbers ("03-1234-5678/03-1234-5679"), and the dates it joins have too few digits per part anyway.
 */
const NUMBER_GLUED = /[0-9][-.,:]$/;
/**
 * Ids, postal codes, amounts and ordinals named right before the digits ("Order #", "Invoice No.:", "ISBN",
 * "〒", "¥", "注文番号：", "第"). "Caller ID" is a phone label, not an id.
 */
const ID_OR_AMOUNT_BEFORE = new RegExp(
  '(?:[#№〒¥￥$€£]' +
    '|(?:^|[^A-Za-z])(?:isbn(?:-?1[03])?|order|invoice|inv|po|account|acct|ticket|ref|reference|tracking|serial|sku' +
    '|(?<!caller\\s?)id|zip(?:\\s?code)?|postal(?:\\s?code)?|post\\s?code|confirmation|booking|reservation|policy' +
    '|member(?:ship)?|product|item|model|part|version|ver|build|release|transaction|txn|batch|lot)s?' +
    '(?:\\s*(?:no\\.?|number|num|#|id|code))?' +
    '|注文番号|受付番号|会員番号|伝票番号|管理番号|顧客番号|請求書番号|請求番号|口座番号|郵便番号|お客様番号|予約番号' +
    '|問い?合わ?せ番号|品番|型番|製造番号|シリアル番号|商品コード|注文ID|社員番号|第|約|計|合計|金額|価格)[\\s:.]*$',
  'i',
);

/** Letters glued after the digits make an id or a unit ("4155550132px"), except an extension ("x12", "ext.12"). */
const WORD_AFTER = /^[A-Za-z0-9_]/;
const EXTENSION_AFTER = /^(?:x|ext)\.?\s*\d/i;
/** ".5", ",000", ":30" right after: the digits go on as an amount or a time. */
const NUMBER_AFTER = /^[.,:][0-9]/;
/** "-A1", "-12" glued after: the digits are part of a longer id. */
const ID_AFTER = /^-[A-Za-z0-9]/;
/** Units and counters after the digits (amounts, years, people, rooms…), with or without a space. */
const UNIT_AFTER =
  /^\s*(?:円|年|月|日|時|分|秒|個|件|名|人|回|万|億|千|号|番地|丁目|歳|台|本|枚|冊|点|倍|位|階|室|株|ドル|元|%|(?:yen|usd|jpy|eur|kg|km|mm|cm|ms|mb|gb|kb|px)\b)/i;

/** How far around a span the context rules look; the longest rule needs about 25 characters. */
const CONTEXT_REACH = 32;

/** True when what is written before `start` shows the digits there are not a phone number. */
export function rejectedByTextBefore(folded: string, start: number): boolean {
  const before = folded.slice(Math.max(0, start - CONTEXT_REACH), start);
  if (before === '') return false;
  if (NUMBER_GLUED.test(before)) return true;
  if (WORD_GLUED.test(before) && !PHONE_LABEL_GLUED.test(before)) return true;
  return ID_OR_AMOUNT_BEFORE.test(before);
}

/** True when what is written after `end` shows the digits before it are not a phone number. */
export function rejectedByTextAfter(folded: string, end: number): boolean {
  const after = folded.slice(end, end + 8);
  if (after === '') return false;
  if (WORD_AFTER.test(after)) return !EXTENSION_AFTER.test(after);
  return NUMBER_AFTER.test(after) || ID_AFTER.test(after) || UNIT_AFTER.test(after);
}

/** 2024-01-15, 2024.1.5, 15.01.2024, 01-15-2024 (slashes never join a candidate, so they cannot appear here). */
const DATE = /^(?:(?:19|20)\d\d[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.](?:19|20)\d\d)$/;
/** 192.168.10.200 */
const IP_ADDRESS = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** True for one space-free piece of a candidate that is a date or an IP address: no span may contain it. */
export function isDateOrAddressPiece(piece: string): boolean {
  return DATE.test(piece) || IP_ADDRESS.test(piece);
}

/** 4111 1111 1111 1111, 4111-1111-1111-1111, 3782 822463 10005 (Amex). */
const CARD_NUMBER = /(?:^|\s)(?:(?:\d{4}[ -]){3}\d{1,4}|\d{4}[ -]\d{6}[ -]\d{4,5})(?=\s|$)/;
/** ISBN-13 with separators (978-4-12-345678-9) and ISBN-10 with hyphens (4-12-345678-9). */
const ISBN_13 = /^97[89][- ]\d{1,5}[- ]\d{1,7}[- ]\d{1,7}[- ]\d$/;
const ISBN_10 = /^\d{1,5}-\d{1,7}-\d{1,7}-\d$/;

/** True when a whole candidate run is a card number or an ISBN: none of its parts is tried as a phone number. */
export function isCardOrIsbnRun(run: string, digitCount: number): boolean {
  if (digitCount >= 13 && CARD_NUMBER.test(run)) return true;
  if (digitCount === 13 && ISBN_13.test(run)) return true;
  return digitCount === 10 && ISBN_10.test(run);
}
