import { describe, expect, it } from 'vitest';
import { isSuccessCode, lockIdFromData, parseResponseBody } from '../../../../electron/core/koodrive/responseParser';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('parseResponseBody', () => {
  it('reads the KooDrive shape with a number code', () => {
    expect(
      parseResponseBody(
        bytes('{"data":{"lockId":"78e41c7e-db02-4d55-85b3-8153e4fefd2e@102"},"code":0,"msg":"success"}'),
      ),
    ).toEqual({
      code: '0',
      msg: 'success',
      data: { lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102' },
      shape: 'koodrive',
    });
  });

  it('reads a numeric-string code and a body without data', () => {
    expect(parseResponseBody(bytes('{"code":"13000102","msg":"PARAMETER_INVALID"}'))).toEqual({
      code: '13000102',
      msg: 'PARAMETER_INVALID',
      data: null,
      shape: 'koodrive',
    });
  });

  it('reads the gateway shape', () => {
    expect(
      parseResponseBody(
        bytes(
          '{"error_code":"APIGW.0303","error_msg":"Incorrect app authentication information","request_id":"4a1f0e"}',
        ),
      ),
    ).toEqual({
      code: 'APIGW.0303',
      msg: 'Incorrect app authentication information',
      data: null,
      requestId: '4a1f0e',
      shape: 'gateway',
    });
  });

  it('keeps 19-digit ids exactly, even unquoted', () => {
    const parsed = parseResponseBody(
      bytes('{"code":0,"msg":"ok","data":{"recordId":1842862763295184641,"userId":"1505084218764547200"}}'),
    );
    expect(parsed.data).toEqual({ recordId: '1842862763295184641', userId: '1505084218764547200' });
  });

  it('ignores a UTF-8 BOM and surrounding whitespace', () => {
    expect(parseResponseBody(bytes('\uFEFF  {"code":0,"msg":"成功"}\n')).msg).toBe('成功');
    expect(parseResponseBody(Buffer.from('\uFEFF{"code":0,"msg":"成功"} ', 'utf8')).msg).toBe('成功');
    expect(parseResponseBody(Buffer.from('\uFEFF\uFEFF{"code":0}', 'utf8')).shape).toBe('koodrive');
  });

  it.each([
    ['HTML', '<!DOCTYPE html><html><body>Login</body></html>'],
    ['empty', ''],
    ['plain text', 'Bad Gateway'],
    ['broken JSON', '{"code":0,'],
    ['an array', '[1,2]'],
    ['JSON without a code', '{"message":"hello"}'],
    ['a code that is not a code', '{"code":{"x":1},"msg":"?"}'],
    ['a fractional code', '{"code":1.5}'],
  ])('gives shape none for %s', (_label, text) => {
    const parsed = parseResponseBody(bytes(text));
    expect(parsed.shape).toBe('none');
    expect(parsed.code).toBeNull();
    expect(parsed.msg).toBeNull();
  });

  it('shortens very long messages', () => {
    const parsed = parseResponseBody(bytes(JSON.stringify({ code: 1, msg: 'x'.repeat(5000) })));
    expect(parsed.msg?.length).toBeLessThanOrEqual(1001);
  });
});

describe('isSuccessCode and lockIdFromData', () => {
  it('compares the code numerically', () => {
    expect(isSuccessCode('0')).toBe(true);
    expect(isSuccessCode('00')).toBe(true);
    expect(isSuccessCode('13000309')).toBe(false);
    expect(isSuccessCode('APIGW.0303')).toBe(false);
    expect(isSuccessCode(null)).toBe(false);
  });

  it('finds the created lock ID', () => {
    expect(lockIdFromData({ lockId: 'abc@102' })).toBe('abc@102');
    expect(lockIdFromData({ lockId: 5 })).toBeNull();
    expect(lockIdFromData(null)).toBeNull();
    expect(lockIdFromData([])).toBeNull();
  });
});
