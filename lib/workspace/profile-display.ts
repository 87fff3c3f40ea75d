// How a customer profile's name is shown: family name first in Japanese ("Suzuki Taro", 鈴木 太郎), given name first
// in English; a profile without a name shows nothing (the views keep the number then).
import type { CustomerProfile } from './customer-profiles-client';

/** The profile's display name in `locale`, or null when it has neither first nor last name. */
export function profileDisplayName(profile: Pick<CustomerProfile, 'FirstName' | 'LastName'> | null | undefined, locale: string): string | null {
  const first = profile?.FirstName?.trim() ?? '';
  const last = profile?.LastName?.trim() ?? '';
  if (!first && !last) return null;
  const familyFirst = locale.toLowerCase().startsWith('ja');
  return (familyFirst ? [last, first] : [first, last]).filter(Boolean).join(' ');
}
