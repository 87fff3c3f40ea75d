// The line icons the panel draws (24-unit grid, Feather-style strokes), as data so no markup is injected.

export type IconName =
  | 'phone'
  | 'phone-off'
  | 'pause'
  | 'play'
  | 'mic'
  | 'mic-off'
  | 'keypad'
  | 'list'
  | 'settings'
  | 'user'
  | 'users'
  | 'hash'
  | 'x'
  | 'search'
  | 'download'
  | 'log-out'
  | 'merge'
  | 'swap'
  | 'alert'
  | 'refresh'
  | 'backspace'
  | 'check';

export type Shape = { tag: 'path' | 'line' | 'circle' | 'polyline' | 'rect' | 'polygon'; attrs: Record<string, string | number> };

const path = (d: string): Shape => ({ tag: 'path', attrs: { d } });
const line = (x1: number, y1: number, x2: number, y2: number): Shape => ({ tag: 'line', attrs: { x1, y1, x2, y2 } });
const circle = (cx: number, cy: number, r: number): Shape => ({ tag: 'circle', attrs: { cx, cy, r } });
const polyline = (points: string): Shape => ({ tag: 'polyline', attrs: { points } });

const PHONE =
  'M22 16.92v3a2 2 0 0 1-2.18 2 19.8 19.8 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.12 4.18 2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72c.13.96.36 1.9.7 2.81a2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45c.9.34 1.85.57 2.81.7A2 2 0 0 1 22 16.92z';

export const ICONS: Record<IconName, Shape[]> = {
  phone: [path(PHONE)],
  'phone-off': [
    path(
      'M10.68 13.31a16 16 0 0 0 3.41 2.6l1.27-1.27a2 2 0 0 1 2.11-.45c.9.34 1.85.57 2.81.7a2 2 0 0 1 1.72 2v3a2 2 0 0 1-2.18 2 19.8 19.8 0 0 1-8.63-3.07 19.4 19.4 0 0 1-3.33-2.67m-2.67-3.34A19.8 19.8 0 0 1 2.12 4.18 2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72c.13.96.36 1.9.7 2.81a2 2 0 0 1-.45 2.11L8.09 9.91',
    ),
    line(23, 1, 1, 23),
  ],
  pause: [line(9, 5, 9, 19), line(15, 5, 15, 19)],
  play: [{ tag: 'polygon', attrs: { points: '6 4 19 12 6 20 6 4' } }],
  mic: [path('M12 1a3 3 0 0 0-3 3v8a3 3 0 0 0 6 0V4a3 3 0 0 0-3-3z'), path('M19 10v2a7 7 0 0 1-14 0v-2'), line(12, 19, 12, 23), line(8, 23, 16, 23)],
  'mic-off': [
    line(1, 1, 23, 23),
    path('M9 9v3a3 3 0 0 0 5.12 2.12M15 9.34V4a3 3 0 0 0-5.94-.6'),
    path('M17 16.95A7 7 0 0 1 5 12v-2m14 0v2a7 7 0 0 1-.11 1.23'),
    line(12, 19, 12, 23),
    line(8, 23, 16, 23),
  ],
  keypad: [5, 12, 19].flatMap((y) => [5, 12, 19].map((x) => circle(x, y, 1.6))),
  list: [line(9, 6, 21, 6), line(9, 12, 21, 12), line(9, 18, 21, 18), line(3.5, 6, 3.51, 6), line(3.5, 12, 3.51, 12), line(3.5, 18, 3.51, 18)],
  settings: [
    line(4, 21, 4, 14),
    line(4, 10, 4, 3),
    line(12, 21, 12, 12),
    line(12, 8, 12, 3),
    line(20, 21, 20, 16),
    line(20, 12, 20, 3),
    line(1, 14, 7, 14),
    line(9, 8, 15, 8),
    line(17, 16, 23, 16),
  ],
  user: [path('M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2'), circle(12, 7, 4)],
  users: [path('M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2'), circle(9, 7, 4), path('M23 21v-2a4 4 0 0 0-3-3.87'), path('M16 3.13a4 4 0 0 1 0 7.75')],
  hash: [line(4, 9, 20, 9), line(4, 15, 20, 15), line(10, 3, 8, 21), line(16, 3, 14, 21)],
  x: [line(18, 6, 6, 18), line(6, 6, 18, 18)],
  search: [circle(11, 11, 7), line(21, 21, 16.65, 16.65)],
  download: [path('M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'), polyline('7 10 12 15 17 10'), line(12, 15, 12, 3)],
  'log-out': [path('M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4'), polyline('16 17 21 12 16 7'), line(21, 12, 9, 12)],
  merge: [path('M16 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2'), circle(8.5, 7, 4), line(20, 8, 20, 14), line(23, 11, 17, 11)],
  swap: [polyline('17 1 21 5 17 9'), path('M3 11V9a4 4 0 0 1 4-4h14'), polyline('7 23 3 19 7 15'), path('M21 13v2a4 4 0 0 1-4 4H3')],
  alert: [circle(12, 12, 10), line(12, 8, 12, 12), line(12, 16, 12.01, 16)],
  refresh: [polyline('23 4 23 10 17 10'), path('M20.49 15a9 9 0 1 1-2.12-9.36L23 10')],
  backspace: [path('M21 4H8l-7 8 7 8h13a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2z'), line(18, 9, 12, 15), line(12, 9, 18, 15)],
  check: [polyline('20 6 9 17 4 12')],
};
