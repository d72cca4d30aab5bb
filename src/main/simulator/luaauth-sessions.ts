import { delay, type Reply, type RequestContext } from './reply';
import { fieldErrors, invalid, objectBody, ok, stringArray, type FieldError, type Handler } from './luaauth-envelope';
import type { LuaAuthLookup } from './luaauth-lookup';

const LUA_ERROR = `[string "handler"]:12: attempt to index nil with 'Character'`;

/** LuaAuth's session routes: look one up, disconnect, message (one or many). */
export function sessionHandlers({ world, config, population, sessionJson }: LuaAuthLookup) {
  /** What the simulated game client answers to one command (real timers). */
  const ask = async (sessionId: string, key: string, data: unknown, signal: AbortSignal): Promise<Record<string, unknown>> => {
    if (!population.find(sessionId)) return { processed: false, reason: 'client never responded' };
    const behaviour = world.luaauthClients.perSession.get(sessionId) ?? world.luaauthClients.fallback;
    if (behaviour === 'never_answers') {
      await delay(config.luaauth.messageWaitMs, signal);
      return { processed: false, reason: 'client never responded' };
    }
    await delay(config.luaauth.replyDelayMs, signal);
    // The handler ran but returned something LuaAuth could not pass on (a documented reason).
    if (world.strays.has('luaauth', 'invalid_return_data')) return { processed: false, reason: 'invalid return data' };
    if (behaviour === 'handler_missing') return { processed: false, reason: 'function doesnt exist' };
    if (behaviour === 'handler_error') return { processed: false, reason: `function errored, message: ${LUA_ERROR}` };
    // The table a handler would return: echoes the command so tests can see it arrived intact.
    return { processed: true, response: { ok: true, handler: key, echo: data } };
  };

  const getSession: Handler = (_ctx, { id = '' }) => {
    const session = sessionJson(id);
    return session ? ok({ session }) : invalid(404, ['session not found']);
  };

  const disconnectOne: Handler = (ctx, { id = '' }) => {
    if (!sessionJson(id)) return invalid(404, ['session not found']);
    population.disconnect(id, ctx.now, 0); // a closed WebSocket is gone at once
    return ok();
  };

  const messageOne: Handler = async (ctx, { id = '' }) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    if (typeof body.key !== 'string' || body.key === '') return fieldErrors([{ field: 'key', errors: ['key must be a non-empty string'] }]);
    if (!sessionJson(id)) return invalid(404, ['session not found']);
    const data = body.data ?? [];
    world.messages.push({ provider: 'luaauth', at: ctx.now, sessionIds: [id], handler: body.key, data });
    return ok(await ask(id, body.key, data, ctx.signal));
  };

  /** Bulk message: one entry per id, in order. Unknown ids answer "client never responded" at once (partial failure is [U]). */
  const messageMany = async (ctx: RequestContext, body: Record<string, unknown>): Promise<Reply> => {
    const errors: FieldError[] = [];
    if (!stringArray(body.session_ids)) errors.push({ field: 'session_ids', errors: ['session_ids must be an array of strings'] });
    if (typeof body.key !== 'string' || body.key === '') errors.push({ field: 'key', errors: ['key must be a non-empty string'] });
    if (errors.length > 0) return fieldErrors(errors);
    const ids = body.session_ids as string[];
    const key = body.key as string;
    const data = body.data ?? [];
    world.messages.push({ provider: 'luaauth', at: ctx.now, sessionIds: ids.filter((id) => sessionJson(id)), handler: key, data });
    return ok({ responses: await Promise.all(ids.map((id) => ask(id, key, data, ctx.signal))) });
  };

  const bulkMessage: Handler = (ctx) => {
    const parsed = objectBody(ctx);
    return 'error' in parsed ? parsed.error : messageMany(ctx, parsed.body);
  };

  const bulkDisconnect: Handler = (ctx) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    // The seed lists bulk message at this path too (a slip): a body carrying `key` is a bulk message.
    if (body.key !== undefined) return messageMany(ctx, body);
    if (!stringArray(body.session_ids)) return fieldErrors([{ field: 'session_ids', errors: ['session_ids must be an array of strings'] }]);
    for (const id of body.session_ids) if (sessionJson(id)) population.disconnect(id, ctx.now, 0); // unknown ids are ignored [U]
    return ok();
  };

  return { getSession, disconnectOne, messageOne, bulkMessage, bulkDisconnect };
}
