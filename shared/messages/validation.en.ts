/**
 * The input checks in English: lock IDs, user IDs, module codes, base URLs, the user an operation acts for
 * (shared/identifiers.ts, shared/lookAlike.ts, shared/profile.ts). Small, so the first screen may carry it.
 */
export const validationEn = {
  'validation.lockId.empty': 'Enter a lock ID (for example 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102).',
  'validation.lockId.tooLong':
    'A lock ID is at most {max} characters; this one has {length}. Check that you pasted one ID only.',
  'validation.lockId.notPrintable':
    'A lock ID contains only printable ASCII characters, without spaces, line breaks, tabs or NUL.{which} Paste one ID per line.',
  'validation.lockId.unusualShape':
    'This ID does not have the usual <uuid>@<moduleCode> shape. KooDrive treats lock IDs as opaque, so it will be sent as typed; double-check it.',
  'validation.userId.empty': 'Enter the KooDrive user ID (a long number such as 1505084218764547200).',
  'validation.userId.notDigits': 'The user ID is digits only (up to 32), for example 1505084218764547200.{which}',
  'validation.userId.none':
    'Enter the user ID of the end user this operation is for (a long number such as 1505084218764547200).',
  'validation.userId.bearerOtherUser':
    'The profile "{profile}" uses a bearer token, which acts only for its own user {own}; it cannot act for user {asked}. Use an app-authentication profile (App ID + App secret) to act on any user of the tenant.',
  'validation.userId.noneSet': '(none set)',
  'validation.moduleCode.notDigits': 'The module code is digits only: 100 folders, 101 album, 102 contacts.',
  'validation.appId.missing': 'App authentication needs the App ID (AppId) from the KooDrive console.',
  'validation.baseUrl.empty': 'Enter the base URL, for example https://intl.myhuaweicloud-koodrive.com.',
  'validation.baseUrl.tooLong': 'The base URL is longer than 2048 characters.',
  'validation.baseUrl.invalid': 'The base URL is not a valid URL. It starts with https:// followed by the host name.',
  'validation.baseUrl.scheme': 'The base URL must start with https://.',
  'validation.baseUrl.plainHttp':
    'Plain http:// is only allowed for this computer (localhost, 127.0.0.1, ::1), for the local sandbox. Use https:// for a KooDrive server.',
  'validation.baseUrl.credentials':
    'Remove the user name and password from the base URL; the secret belongs in the keychain.',
  'validation.baseUrl.queryOrFragment': 'Remove the query (?...) and fragment (#...) from the base URL.',
  'validation.userId.bearerNeedsUser':
    'A bearer token belongs to one user: enter that user ID (the token can act for no other user).',
  'validation.field.notText': 'must be text',
  'validation.field.required': 'is required',
  'validation.field.tooShort': 'must be at least {min} characters',
  'validation.field.tooLong': 'must be at most {max} characters',
  'validation.field.control': 'must not contain control characters (line breaks, tabs, NUL)',
  'validation.field.format': 'has an invalid format',
  'validation.profileId.format': 'is lower-case letters, digits, dot, dash or underscore (up to 64)',
  'validation.appId.format': 'is printable ASCII without spaces',
  'validation.bearerPrefix.format': 'is one word, such as Bearer',
  'validation.caPem.notPem':
    'The CA certificate must be PEM text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
  'validation.proxyUrl.invalid': 'The proxy is a URL such as http://proxy.example.com:3128.',
  'validation.proxyUrl.scheme':
    'The proxy is http://host:port (or https://host:port for a proxy reached over TLS); HTTPS to KooDrive is tunnelled through it.',
  'validation.proxyUrl.credentials':
    'Remove the user name and password from the proxy URL: a saved profile does not keep them (they would be stored in plain text); give them when the app or command runs, in HTTPS_PROXY=http://user:password@host:port.',
  'validation.proxyUrl.path': 'The proxy URL is only http://host:port (or https://host:port), without a path.',
  'validation.cli.giveWith': 'Give it with {flag}.',
  'validation.cli.nothingChanged': 'Nothing was changed.',
  'validation.none': '',
  'validation.character.lookAlike': ' Character {position} is {codePoint} {name}: {fix}.',
  'validation.character.space': ' Character {position} is a space: remove it.',
  'validation.character.control': ' Character {position} is the control character {codePoint}.',
  'validation.character.other': ' Character {position} is {codePoint} ("{char}").',
  'validation.fix.remove': 'remove it',
  'validation.fix.typeInstead': 'type "{ascii}" instead',
  'validation.name.fullwidth': 'FULLWIDTH "{ascii}"',
  'validation.batch.notText':
    'This is not a text file (it contains binary data), so nothing was read from it. Choose a text or CSV file saved as UTF-8, for example a spreadsheet saved as CSV.',
  'validation.batch.notALockId':
    'This does not look like a lock ID, which has the shape <uuid>@<moduleCode> (for example {example}). If it really is one, allow unusual lock IDs.',
  'validation.batch.numberNotLockId':
    'A number alone is not a lock ID (it looks like a user ID). Put user IDs in a userId column beside the lock IDs.',
  'validation.batch.noUserId': 'This row has no user ID (column {column}). Enter the user ID, or remove the row.',
  'validation.batch.noLockId': 'This row has no lock ID (column {column}). Enter the lock ID, or remove the row.',
} as const;
