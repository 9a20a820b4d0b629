import { deskMethods, isDeskMethod, type DeskApi } from './contract.js';
import { DeskError } from './errors.js';
import type { DeskResult } from './bridge.js';

/**
 * The one gate every host puts in front of the core: unknown methods and malformed input are refused
 * here, with a message naming the field, before any core code runs.
 */
export async function dispatchDeskCall(api: DeskApi, method: unknown, input: unknown): Promise<DeskResult> {
  if (!isDeskMethod(method)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown method: ${String(method)}` } };
  }
  const parsed = deskMethods[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(input)';
    return { ok: false, error: { code: 'invalid_input', message: `${field}: ${issue?.message ?? 'invalid'}` } };
  }
  try {
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof DeskError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
