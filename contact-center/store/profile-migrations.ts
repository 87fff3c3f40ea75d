// Customer Profiles' schema (migration version 10): the profile fields Amazon Connect Customer Profiles has and
// the first profiles table lacked, the search keys of every profile (its own fields' keys kept by triggers, and
// the keys AddProfileKey links), and each ended contact record's keys, by which its CTR joins a profile's
// history. Kept apart from migrations.ts so that the profiles' tables read together; appended to MIGRATIONS there.
import type { Migration } from './migrations';

/** The contact attributes (any case) that carry each key of a contact record; the workspace looks them up too. */
export const RECORD_ATTRIBUTE_KEYS = {
  _email: ['email', 'emailaddress', 'customeremail'],
  _account: ['accountnumber', 'account', 'accountid'],
  _profileId: ['profileid', 'customerprofileid'],
} as const;

const sqlList = (names: readonly string[]) => names.map((name) => `'${name}'`).join(', ');

// A name with its spaces (ASCII and ideographic) taken out and ASCII letters lower-cased: the form `_fullName`
// is kept and searched in (customer-profiles' search normalises the searched name the same way).
const compactName = (expression: string) => `lower(replace(replace(${expression}, ' ', ''), '\u3000', ''))`;

export const PROFILE_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'customer profiles fields and search keys',
    up(db) {
      // Addresses are JSON like address_json: {address1..address4, city, county, state, province, country,
      // postalCode}. Attributes are a JSON object of strings. Gender and party type keep Customer Profiles'
      // strings (GenderString, PartyTypeString).
      db.exec(`
        ALTER TABLE profiles ADD COLUMN middle_name TEXT;
        ALTER TABLE profiles ADD COLUMN gender TEXT;
        ALTER TABLE profiles ADD COLUMN party_type TEXT;
        ALTER TABLE profiles ADD COLUMN personal_email TEXT;
        ALTER TABLE profiles ADD COLUMN business_email TEXT;
        ALTER TABLE profiles ADD COLUMN shipping_address_json TEXT;
        ALTER TABLE profiles ADD COLUMN mailing_address_json TEXT;
        ALTER TABLE profiles ADD COLUMN billing_address_json TEXT;
        ALTER TABLE profiles ADD COLUMN additional_information TEXT;
        ALTER TABLE profiles ADD COLUMN attributes_json TEXT;
        ALTER TABLE profiles ADD COLUMN updated_at TEXT;
      `);

      // Every key a profile is found by, in the form searches use (E.164 phones, lower-case emails, compact
      // names). origin 'field' rows come from the profile's own fields and are rewritten by the triggers below
      // whatever code writes the profile; origin 'added' rows are AddProfileKey's. Key first: a search is one
      // range of the primary key.
      db.exec(`
        CREATE TABLE profile_keys (
          key_name TEXT NOT NULL,
          value TEXT NOT NULL,
          profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
          origin TEXT NOT NULL CHECK (origin IN ('field', 'added')),
          PRIMARY KEY (key_name, value, profile_id, origin)
        ) WITHOUT ROWID;
        CREATE INDEX profile_keys_by_profile ON profile_keys (profile_id, origin);

        CREATE VIEW profile_field_keys (profile_id, key_name, value) AS
          SELECT profile_id, '_phone', phone_number FROM profile_phone_numbers
          UNION ALL SELECT id, '_email', lower(trim(email)) FROM profiles WHERE trim(email) <> ''
          UNION ALL SELECT id, '_email', lower(trim(personal_email)) FROM profiles WHERE trim(personal_email) <> ''
          UNION ALL SELECT id, '_email', lower(trim(business_email)) FROM profiles WHERE trim(business_email) <> ''
          UNION ALL SELECT id, '_account', trim(account_number) FROM profiles WHERE trim(account_number) <> ''
          UNION ALL SELECT id, '_fullName', ${compactName("first_name || coalesce(middle_name, '') || last_name")} FROM profiles
            WHERE first_name <> '' OR last_name <> ''
          UNION ALL SELECT id, '_fullName', ${compactName('last_name || first_name')} FROM profiles WHERE first_name <> '' AND last_name <> ''
          UNION ALL SELECT id, '_fullName', ${compactName('name_reading')} FROM profiles WHERE trim(name_reading) <> '';

        CREATE TRIGGER profile_keys_after_profile_insert AFTER INSERT ON profiles BEGIN
          INSERT OR IGNORE INTO profile_keys (key_name, value, profile_id, origin)
            SELECT key_name, value, profile_id, 'field' FROM profile_field_keys WHERE profile_id = NEW.id;
        END;
        CREATE TRIGGER profile_keys_after_profile_update AFTER UPDATE ON profiles BEGIN
          DELETE FROM profile_keys WHERE profile_id = NEW.id AND origin = 'field';
          INSERT OR IGNORE INTO profile_keys (key_name, value, profile_id, origin)
            SELECT key_name, value, profile_id, 'field' FROM profile_field_keys WHERE profile_id = NEW.id;
        END;
        CREATE TRIGGER profile_keys_after_phone_insert AFTER INSERT ON profile_phone_numbers BEGIN
          INSERT OR IGNORE INTO profile_keys (key_name, value, profile_id, origin) VALUES ('_phone', NEW.phone_number, NEW.profile_id, 'field');
        END;
        CREATE TRIGGER profile_keys_after_phone_delete AFTER DELETE ON profile_phone_numbers BEGIN
          DELETE FROM profile_keys WHERE key_name = '_phone' AND value = OLD.phone_number AND profile_id = OLD.profile_id AND origin = 'field';
        END;

        INSERT OR IGNORE INTO profile_keys (key_name, value, profile_id, origin) SELECT key_name, value, profile_id, 'field' FROM profile_field_keys;
      `);

      // The keys of each ENDED contact record (Customer Profiles receives a contact's CTR once it ends): the
      // customer's number and the email, account number or profile id the IVR, bot or chat page put in its
      // attributes. Written by triggers, so the routing engine's record writes stay as they are; a record in
      // flight costs only the triggers' WHEN test.
      db.exec(`
        CREATE TABLE contact_record_keys (
          key_name TEXT NOT NULL,
          value TEXT NOT NULL,
          contact_id TEXT NOT NULL REFERENCES contact_records (contact_id) ON DELETE CASCADE,
          PRIMARY KEY (key_name, value, contact_id)
        ) WITHOUT ROWID;
        CREATE INDEX contact_record_keys_by_contact ON contact_record_keys (contact_id);

        CREATE VIEW contact_record_field_keys (contact_id, key_name, value) AS
          SELECT contact_id, '_phone', json_extract(record_json, '$.customerEndpoint') FROM contact_records
            WHERE json_extract(record_json, '$.customerEndpoint') IS NOT NULL
          UNION ALL SELECT r.contact_id, '_email', lower(trim(a.value)) FROM contact_records r, json_each(r.record_json, '$.attributes') a
            WHERE lower(a.key) IN (${sqlList(RECORD_ATTRIBUTE_KEYS._email)}) AND trim(a.value) <> ''
          UNION ALL SELECT r.contact_id, '_account', trim(a.value) FROM contact_records r, json_each(r.record_json, '$.attributes') a
            WHERE lower(a.key) IN (${sqlList(RECORD_ATTRIBUTE_KEYS._account)}) AND trim(a.value) <> ''
          UNION ALL SELECT r.contact_id, '_profileId', trim(a.value) FROM contact_records r, json_each(r.record_json, '$.attributes') a
            WHERE lower(a.key) IN (${sqlList(RECORD_ATTRIBUTE_KEYS._profileId)}) AND trim(a.value) <> '';

        CREATE TRIGGER contact_record_keys_after_insert AFTER INSERT ON contact_records WHEN NEW.state = 'ended' BEGIN
          INSERT OR IGNORE INTO contact_record_keys (key_name, value, contact_id)
            SELECT key_name, value, contact_id FROM contact_record_field_keys WHERE contact_id = NEW.contact_id;
        END;
        CREATE TRIGGER contact_record_keys_after_update AFTER UPDATE OF state, record_json ON contact_records WHEN NEW.state = 'ended' BEGIN
          DELETE FROM contact_record_keys WHERE contact_id = NEW.contact_id;
          INSERT OR IGNORE INTO contact_record_keys (key_name, value, contact_id)
            SELECT key_name, value, contact_id FROM contact_record_field_keys WHERE contact_id = NEW.contact_id;
        END;

        INSERT OR IGNORE INTO contact_record_keys (key_name, value, contact_id)
          SELECT k.key_name, k.value, k.contact_id FROM contact_record_field_keys k JOIN contact_records r ON r.contact_id = k.contact_id
          WHERE r.state = 'ended';
      `);
    },
  },
];
