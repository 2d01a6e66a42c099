/**
 * The shape of one IPC method in the contract: its argument schema (checked at run time by main) and
 * its result type (checked at compile time only) side by side, so neither can be added without the other.
 */
import type { Schema } from './schema';

declare const RESULT_TYPE: unique symbol;

/** Carries a result type through the contract; at run time it is an empty object. */
export interface Returns<T> {
  readonly [RESULT_TYPE]?: T;
}

export function returns<T>(): Returns<T> {
  return {};
}

export interface MethodSpec {
  readonly args: Schema<unknown>;
  readonly result: Returns<unknown>;
}

/** What the contract must satisfy: every method names both its argument schema and its result type. */
export type ContractShape = Readonly<Record<string, MethodSpec>>;

export type ArgsOf<S extends MethodSpec> = S['args'] extends Schema<infer A> ? A : never;
export type ResultTypeOf<S extends MethodSpec> = S['result'] extends Returns<infer R> ? R : never;
