import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { RECORD_PATH } from '../../../../electron/core/koodrive/endpoints';
import {
  prepareRecordFilesRequest,
  prepareRecordListRequest,
  prepareRecordRequest,
} from '../../../../electron/core/koodrive/recordRequests';
import { RequestBuildError, prepareRequest, queryString } from '../../../../electron/core/koodrive/requestBuilder';
import { sha256Hex } from '../../../../electron/core/koodrive/sign';

// The inputs of docs/koodrive-protocol.md#test-vectors.
const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
const APP_SECRET = 'kd-test-secret-2f7c9e1a4b6d8f0c';
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
const appProfile: Profile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
  userId: '1234567890123456789',
  authMode: 'app',
  appId: APP_ID,
  moduleCode: '102',
};

describe('prepareRequest for GETs', () => {
  it('reproduces test vector C (query sent as given, signed in sorted order)', () => {
    const prepared = prepareRequest({
      profile: appProfile,
      method: 'GET',
      path: RECORD_PATH,
      query: [
        ['pageSize', '10'],
        ['moduleCode', '102'],
      ],
      secret: APP_SECRET,
      now: NOW,
    });
    expect(prepared.url.href).toBe(
      'https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/record?pageSize=10&moduleCode=102',
    );
    expect(prepared.canonicalRequest).toBe(
      'GET\n/koodrive/ose/v1/backup/record/\nmoduleCode=102&pageSize=10\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20250115T083000Z\nx-user-id:1234567890123456789\n\nhost;x-date;x-user-id\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(prepared.stringToSign).toBe('HMAC-SHA256\n50f8670e23c786b06a0f81e27d645ac28e4d8ff15a5982b65c0696f1b3301443');
    expect(prepared.headers.Authorization).toBe(
      `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=43ba94ce62c6c04cbbf3fd7b681eddaa05f1315e84db1a3a7436e155c68a0122`,
    );
    expect(prepared.body).toBeUndefined();
  });

  it('keeps the base path prefix and sends Bearer with the profile prefix in token mode', () => {
    const prepared = prepareRecordListRequest({
      profile: { ...appProfile, authMode: 'bearer', bearerPrefix: 'AT', baseUrl: 'https://gw.example.com:8443/kd/' },
      secret: 'tok-123',
      now: NOW,
    });
    expect(prepared.url.href).toBe(
      'https://gw.example.com:8443/kd/koodrive/ose/v1/backup/record?moduleCode=102&pageSize=1',
    );
    expect(prepared.headers).toEqual({
      Host: 'gw.example.com:8443',
      'X-Date': '20250115T083000Z',
      'X-User-Id': '1234567890123456789',
      Authorization: 'AT tok-123',
    });
    expect(prepared.canonicalRequest).toBeUndefined();
  });

  it('encodes query values like the canonical query string (space as %20, never +)', () => {
    expect(
      queryString([
        ['cursor', 'a b+c/é'],
        ['x', ''],
      ]),
    ).toBe('cursor=a%20b%2Bc%2F%C3%A9&x=');
  });

  it('refuses an unusable base URL, secret or missing App ID without echoing the secret', () => {
    expect(() =>
      prepareRecordListRequest({ profile: { ...appProfile, baseUrl: 'http://example.com' }, secret: 's', now: NOW }),
    ).toThrow(RequestBuildError);
    expect(() => prepareRecordListRequest({ profile: appProfile, secret: 'line\nbreak', now: NOW })).toThrow(
      /control characters/,
    );
    expect(() =>
      prepareRecordListRequest({ profile: { ...appProfile, appId: undefined }, secret: APP_SECRET, now: NOW }),
    ).toThrow(/App ID/);
  });

  it('views one record and lists its files, the record ID encoded in the path and signed as sent', () => {
    const record = prepareRecordRequest({
      profile: appProfile,
      recordId: '1842862763295184641',
      secret: APP_SECRET,
      now: NOW,
    });
    expect(record.method).toBe('GET');
    expect(record.url.href).toBe(
      'https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/record/1842862763295184641',
    );
    const files = prepareRecordFilesRequest({
      profile: appProfile,
      recordId: '1842862763295184641',
      pageSize: 20,
      cursor: 'next page',
      secret: APP_SECRET,
      now: NOW,
    });
    expect(files.url.href).toBe(
      'https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/record/1842862763295184641/files?pageSize=20&cursor=next%20page',
    );
    expect(files.canonicalRequest).toBe(
      'GET\n/koodrive/ose/v1/backup/record/1842862763295184641/files/\ncursor=next%20page&pageSize=20\n' +
        'host:intl.myhuaweicloud-koodrive.com\nx-date:20250115T083000Z\nx-user-id:1234567890123456789\n\n' +
        `host;x-date;x-user-id\n${sha256Hex('')}`,
    );
    expect(
      prepareRecordRequest({ profile: appProfile, recordId: 'a/b', secret: APP_SECRET, now: NOW }).url.pathname,
    ).toBe('/koodrive/ose/v1/backup/record/a%2Fb');
  });
});
