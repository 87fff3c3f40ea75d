// The demo customers and their cases, written to an empty database on first start and shown by the demo
// CRM; the same people as the demo instance's directory, plus the default demo caller (+819012345678).

import type { CustomerCase, CustomerProfile } from '../store/profile-repository';

// Numbers are made up: Japanese ones are shaped like real ones (03 Tokyo, 06 Osaka, 045 Yokohama, 050 IP,
// 090/080 mobile, 0120 toll-free); US ones use the 555-01xx range NANPA reserves for fiction.
export const DEMO_PROFILES: readonly CustomerProfile[] = [
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01',
    firstName: 'Taro',
    lastName: 'Suzuki',
    nameReading: 'スズキ タロウ',
    phones: [{ number: '+819012345678', kind: 'mobile' }],
    email: 'taro.suzuki@example.jp',
    birthDate: '1985-04-12',
    address: { postalCode: '150-0002', country: 'JP', state: '東京都', city: '渋谷区', address1: '渋谷2-21-1' },
    accountNumber: 'AC-1001',
    createdAt: '2025-03-02T01:15:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b02',
    firstName: 'Hiroshi',
    lastName: 'Yamamoto',
    nameReading: 'ヤマモト ヒロシ',
    phones: [
      { number: '+81355501234', kind: 'business' },
      { number: '+819055501001', kind: 'mobile' },
    ],
    email: 'h.yamamoto@yamamoto-trading.example.jp',
    birthDate: '1968-09-30',
    address: { postalCode: '100-0001', country: 'JP', state: '東京都', city: '千代田区', address1: '千代田1-1', address2: '山本ビル 5F' },
    accountNumber: 'AC-1003',
    company: 'Yamamoto Trading',
    createdAt: '2024-11-20T05:00:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b03',
    firstName: 'Sakura',
    lastName: 'Ito',
    nameReading: 'イトウ サクラ',
    phones: [{ number: '+819055507788', kind: 'mobile' }],
    email: 'sakura.ito@example.jp',
    birthDate: '1992-03-27',
    address: { postalCode: '530-0001', country: 'JP', state: '大阪府', city: '大阪市北区', address1: '梅田3-1-1' },
    accountNumber: 'AC-1002',
    createdAt: '2025-01-14T02:30:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b04',
    firstName: 'Michael',
    lastName: 'Johnson',
    phones: [
      { number: '+12065550142', kind: 'business' },
      { number: '+12065550187', kind: 'mobile' },
    ],
    email: 'michael.johnson@example.com',
    birthDate: '1979-07-04',
    address: { postalCode: '98101', country: 'US', state: 'WA', city: 'Seattle', address1: '1200 3rd Ave', address2: 'Suite 410' },
    accountNumber: 'AC-2001',
    createdAt: '2024-08-09T17:45:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b05',
    firstName: 'Kenta',
    lastName: 'Nakamura',
    nameReading: 'ナカムラ ケンタ',
    phones: [
      { number: '+81665550321', kind: 'home' },
      { number: '+818055504567', kind: 'mobile' },
    ],
    email: 'kenta.nakamura@example.jp',
    birthDate: '1990-12-01',
    address: { postalCode: '542-0081', country: 'JP', state: '大阪府', city: '大阪市中央区', address1: '南船場4-2-8' },
    accountNumber: 'AC-1004',
    createdAt: '2025-05-18T00:10:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b06',
    firstName: 'Emma',
    lastName: 'Wilson',
    phones: [{ number: '+12125550163', kind: 'mobile' }],
    email: 'emma.wilson@example.com',
    birthDate: '1988-02-14',
    address: { postalCode: '10001', country: 'US', state: 'NY', city: 'New York', address1: '350 W 31st St', address2: 'Apt 12C' },
    accountNumber: 'AC-2002',
    createdAt: '2025-02-03T15:20:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b07',
    firstName: 'Yui',
    lastName: 'Kobayashi',
    nameReading: 'コバヤシ ユイ',
    phones: [{ number: '+815055502468', kind: 'home' }],
    email: 'yui.kobayashi@example.jp',
    birthDate: '1996-06-21',
    address: { postalCode: '220-0012', country: 'JP', state: '神奈川県', city: '横浜市西区', address1: 'みなとみらい2-2-1' },
    accountNumber: 'AC-1005',
    createdAt: '2025-07-07T03:00:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b08',
    firstName: 'David',
    lastName: 'Garcia',
    phones: [
      { number: '+13125550199', kind: 'business' },
      { number: '+81455550777', kind: 'other' },
    ],
    email: 'd.garcia@garcia-logistics.example.com',
    birthDate: '1972-01-19',
    address: { postalCode: '60606', country: 'US', state: 'IL', city: 'Chicago', address1: '233 S Wacker Dr' },
    accountNumber: 'AC-2003',
    company: 'Garcia Logistics',
    createdAt: '2024-10-01T14:00:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b09',
    firstName: 'Aiko',
    lastName: 'Watanabe',
    nameReading: 'ワタナベ アイコ',
    phones: [
      { number: '+81120555123', kind: 'business' },
      { number: '+819055503344', kind: 'mobile' },
    ],
    email: 'aiko@watanabe-foods.example.jp',
    birthDate: '1975-10-10',
    address: { postalCode: '812-0011', country: 'JP', state: '福岡県', city: '福岡市博多区', address1: '博多駅前1-1-1' },
    accountNumber: 'AC-1006',
    company: 'Watanabe Foods',
    createdAt: '2024-12-12T01:00:00.000Z',
  },
  {
    id: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b10',
    firstName: 'Sarah',
    lastName: 'Thompson',
    phones: [{ number: '+14155550110', kind: 'mobile' }],
    email: 'sarah.thompson@example.com',
    birthDate: '1983-11-25',
    address: { postalCode: '94105', country: 'US', state: 'CA', city: 'San Francisco', address1: '101 Mission St' },
    accountNumber: 'AC-2004',
    createdAt: '2025-09-30T19:30:00.000Z',
  },
];

const P = (n: number) => DEMO_PROFILES[n - 1]?.id ?? '';

function demoCase(
  number: number,
  profileId: string,
  status: CustomerCase['status'],
  title: string,
  summary: string,
  fields: Record<string, string>,
  createdAt: string,
  updatedAt: string,
  activity: CustomerCase['activity'],
): CustomerCase {
  const reference = `CASE-2026-${String(number).padStart(4, '0')}`;
  return { id: reference.toLowerCase(), reference, profileId, title, summary, status, fields, createdAt, updatedAt, activity };
}

export const DEMO_CASES: readonly CustomerCase[] = [
  demoCase(42, P(1), 'open', 'Router keeps dropping the connection', 'Fibre router reboots every evening; replacement under review.', { priority: 'high', category: 'technical', product: 'Hikari Fibre 1G' }, '2026-11-20T01:00:00.000Z', '2026-11-25T05:30:00.000Z', [
    { at: '2026-11-20T01:00:00.000Z', author: 'Emily Carter', body: 'Customer called: connection drops around 19:00 every day.' },
    { at: '2026-11-25T05:30:00.000Z', author: 'Kenji Sato', body: 'Line test passed; replacement router proposed.' },
  ]),
  demoCase(43, P(1), 'closed', 'Change of billing address', 'Billing address moved to Shibuya.', { priority: 'low', category: 'billing' }, '2026-06-02T02:00:00.000Z', '2026-06-03T03:00:00.000Z', [
    { at: '2026-06-03T03:00:00.000Z', author: 'Yuki Tanaka', body: 'Address updated and confirmed by e-mail.' },
  ]),
  demoCase(44, P(2), 'open', 'Bulk order invoice discrepancy', 'Invoice INV-88123 charged ¥1,234,500 instead of the quoted ¥1,203,000.', { priority: 'high', category: 'billing', invoice: 'INV-88123' }, '2026-11-18T00:30:00.000Z', '2026-11-24T06:00:00.000Z', [
    { at: '2026-11-18T00:30:00.000Z', author: 'Yuki Tanaka', body: 'Customer sent the quote by fax; forwarded to Billing.' },
  ]),
  demoCase(45, P(2), 'pending', 'Additional lines for the Osaka branch', 'Five more lines requested; waiting for the signed order form.', { priority: 'medium', category: 'sales', lines: '5' }, '2026-11-10T04:00:00.000Z', '2026-11-21T04:00:00.000Z', []),
  demoCase(46, P(2), 'closed', 'Fax line not working', 'Resolved by replacing the adapter.', { priority: 'medium', category: 'technical' }, '2026-03-05T01:00:00.000Z', '2026-03-09T08:00:00.000Z', []),
  demoCase(47, P(3), 'open', 'Smartphone screen repair', 'Cracked screen; repair slip RP-30417 issued.', { priority: 'medium', category: 'repair', device: 'Pixel 9' }, '2026-11-22T07:00:00.000Z', '2026-11-23T02:15:00.000Z', [
    { at: '2026-11-22T07:00:00.000Z', author: 'Emily Carter', body: 'Courier pick-up booked for 2026-11-24.' },
  ]),
  demoCase(48, P(3), 'closed', 'Roaming charges question', 'Explained the Korea roaming package.', { priority: 'low', category: 'billing' }, '2026-08-01T01:00:00.000Z', '2026-08-01T01:20:00.000Z', []),
  demoCase(49, P(4), 'open', 'Shipment delayed at customs', 'Order ORD-551203 held in Tokyo customs since 2026-11-19.', { priority: 'high', category: 'logistics', order: 'ORD-551203' }, '2026-11-19T16:00:00.000Z', '2026-11-25T17:00:00.000Z', [
    { at: '2026-11-19T16:00:00.000Z', author: 'Olivia Bennett', body: 'Customs broker contacted.' },
  ]),
  demoCase(50, P(4), 'pending', 'Request for a volume discount', 'Asked for 12% on annual volume; waiting for account manager.', { priority: 'medium', category: 'sales' }, '2026-10-28T18:00:00.000Z', '2026-11-02T18:00:00.000Z', []),
  demoCase(51, P(5), 'open', 'Moving house: transfer of service', 'Moving on 2026-12-15; new address in Kyoto.', { priority: 'medium', category: 'account' }, '2026-11-21T03:00:00.000Z', '2026-11-21T03:00:00.000Z', []),
  demoCase(52, P(5), 'closed', 'Password reset', 'Reset done after identity check.', { priority: 'low', category: 'account' }, '2026-05-11T09:00:00.000Z', '2026-05-11T09:05:00.000Z', []),
  demoCase(53, P(6), 'open', 'Double charge on card', 'Two charges of $89.99 on 2026-11-03.', { priority: 'high', category: 'billing' }, '2026-11-04T14:00:00.000Z', '2026-11-20T15:00:00.000Z', [
    { at: '2026-11-04T14:00:00.000Z', author: 'Olivia Bennett', body: 'Refund request RF-7781 raised.' },
  ]),
  demoCase(54, P(6), 'closed', 'Upgrade to premium plan', 'Upgraded; first invoice prorated.', { priority: 'low', category: 'sales' }, '2026-07-15T16:00:00.000Z', '2026-07-15T16:30:00.000Z', []),
  demoCase(55, P(7), 'pending', 'Warranty claim for the headset', 'Waiting for the receipt photo.', { priority: 'low', category: 'repair' }, '2026-11-12T05:00:00.000Z', '2026-11-13T05:00:00.000Z', []),
  demoCase(56, P(8), 'open', 'API integration for tracking numbers', 'Wants tracking push to their TMS.', { priority: 'medium', category: 'technical' }, '2026-11-15T20:00:00.000Z', '2026-11-24T21:00:00.000Z', []),
  demoCase(57, P(8), 'open', 'Yokohama office phone line', 'New line at the Yokohama office, installation 2026-12-03.', { priority: 'medium', category: 'sales' }, '2026-11-16T01:00:00.000Z', '2026-11-22T01:00:00.000Z', []),
  demoCase(58, P(8), 'closed', 'Contract renewal 2026', 'Renewed for 24 months.', { priority: 'low', category: 'account' }, '2026-01-10T15:00:00.000Z', '2026-01-20T15:00:00.000Z', []),
  demoCase(59, P(9), 'open', 'Toll-free number routing change', 'Route 0120 calls to the Fukuoka office after 18:00.', { priority: 'medium', category: 'technical' }, '2026-11-17T02:00:00.000Z', '2026-11-23T02:00:00.000Z', []),
  demoCase(60, P(9), 'closed', 'Invoice copy', 'Sent a copy of the October invoice.', { priority: 'low', category: 'billing' }, '2026-11-01T00:30:00.000Z', '2026-11-01T00:40:00.000Z', []),
  demoCase(61, P(10), 'closed', 'Cancel trial', 'Trial cancelled before billing.', { priority: 'low', category: 'account' }, '2026-10-05T20:00:00.000Z', '2026-10-05T20:10:00.000Z', []),
];

/** Past orders per profile, shown in the demo CRM's contact history (numbers that are not phone numbers). */
export interface DemoOrder {
  orderId: string;
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  amountYen: number;
  item: string;
}

export function demoOrdersFor(profileId: string): DemoOrder[] {
  const index = DEMO_PROFILES.findIndex((p) => p.id === profileId);
  if (index < 0) return [];
  const base = 12345 + index * 1111;
  return [
    { orderId: `ORD-20261125-${String(42 + index).padStart(4, '0')}`, date: '2026-11-25', time: '14:30', amountYen: base, item: 'Hikari Fibre 1G monthly' },
    { orderId: `ORD-20261024-${String(17 + index).padStart(4, '0')}`, date: '2026-10-24', time: '09:05', amountYen: base + 3980, item: 'Wi-Fi 7 router' },
    { orderId: `ORD-20260913-${String(3 + index).padStart(4, '0')}`, date: '2026-09-13', time: '18:45', amountYen: 1980, item: 'Extended warranty (12 months)' },
  ];
}
