import { describe, expect, it } from 'vitest';
import { asChange, createStatusReadOrder } from '../../../../../renderer/src/features/profiles/statusReadOrder';

describe('a keychain status read never undoes a store or removal', () => {
  it('shows a read when no change was sent around it', () => {
    const order = createStatusReadOrder();
    const mayShow = order.readSent();
    expect(mayShow()).toBe(true);
  });

  it('drops a read sent before a change that started before the read was answered (the failed CI run: "No secret stored" after a store)', () => {
    const order = createStatusReadOrder();
    const mayShow = order.readSent();
    const answered = order.changeSent();
    answered();
    expect(mayShow()).toBe(false);
  });

  it('drops a read sent while a change runs, even when answered after it', () => {
    const order = createStatusReadOrder();
    const answered = order.changeSent();
    const mayShow = order.readSent();
    answered();
    expect(mayShow()).toBe(false);
  });

  it('shows a read sent after the change was answered, and counts an answer only once', () => {
    const order = createStatusReadOrder();
    const first = order.changeSent();
    first();
    first();
    const second = order.changeSent();
    second();
    expect(order.readSent()()).toBe(true);
  });

  it('asChange holds reads back while its work runs, and lets them through once it settled, failed or not', async () => {
    const order = createStatusReadOrder();
    let during: () => boolean = () => true;
    await expect(
      asChange(order, async () => {
        during = order.readSent();
        throw new Error('keychain refused');
      }),
    ).rejects.toThrow('keychain refused');
    expect(during()).toBe(false);
    expect(order.readSent()()).toBe(true);
  });
});
