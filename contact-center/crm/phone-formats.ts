// Writes an E.164 number (Japanese or North American) the many ways people and CRMs write phone numbers,
// so the demo CRM shows click-to-dial realistic text: 03-5550-1234, (03) 5550 1234, ０３－５５５０－１２３４…

export type PhoneStyle = 'national' | 'international' | 'parenthesized' | 'dotted' | 'fullWidth' | 'japaneseBrackets';

/** Groups of a national number: [trunk+area, exchange, line]. */
function japaneseGroups(national: string): [string, string, string] {
  if (/^0[5789]0/.test(national) && national.length === 11) return [national.slice(0, 3), national.slice(3, 7), national.slice(7)];
  if (national.startsWith('0120')) return [national.slice(0, 4), national.slice(4, 7), national.slice(7)];
  if (/^0[36]/.test(national)) return [national.slice(0, 2), national.slice(2, 6), national.slice(6)];
  return [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/-/g, '－');
}

export function formatPhone(e164: string, style: PhoneStyle): string {
  if (e164.startsWith('+81')) {
    const [area, exchange, line] = japaneseGroups(`0${e164.slice(3)}`);
    switch (style) {
      case 'national':
      case 'dotted':
        return `${area}-${exchange}-${line}`;
      case 'international':
        return `+81 ${area.slice(1)} ${exchange} ${line}`;
      case 'parenthesized':
        return `(${area}) ${exchange} ${line}`;
      case 'fullWidth':
        return toFullWidth(`${area}-${exchange}-${line}`);
      case 'japaneseBrackets':
        return `${area}（${exchange}）${line}`;
    }
  }
  if (e164.startsWith('+1') && e164.length === 12) {
    const [area, exchange, line] = [e164.slice(2, 5), e164.slice(5, 8), e164.slice(8)];
    switch (style) {
      case 'national':
      case 'parenthesized':
      case 'japaneseBrackets':
        return `(${area}) ${exchange}-${line}`;
      case 'international':
        return `+1 (${area}) ${exchange}-${line}`;
      case 'dotted':
        return `${area}.${exchange}.${line}`;
      case 'fullWidth':
        return toFullWidth(`${area}-${exchange}-${line}`);
    }
  }
  return e164;
}
