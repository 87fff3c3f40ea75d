// The click-to-dial detection API the content script uses: phone numbers in page text and in `tel:` links.

export { findPhoneNumbers, mayContainPhoneNumber, type CountryCode, type PhoneNumberMatch } from './find-numbers';
export { numberFromTelHref, type TelHrefNumber } from './tel-href';
export { foldCharacters } from './fold-characters';
