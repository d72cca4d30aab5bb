import { describe, expect, it } from 'vitest';
import { junkieLiveCountsSchema, junkieSessionPageSchema, toJunkiePage } from './junkie-schema';
import { luaprotSessionInfoSchema, luaprotSessionsSchema, toLuaProtKeyRecord, toLuaProtSession } from './luaprot-schema';
import {
  luaauthBulkMessageSchema,
  luaauthMessageSchema,
  luaauthScriptEnvelopeSchema,
  luaauthSessionListSchema,
  toLuaAuthScript,
  toLuaAuthSession,
  toMessageResult,
  toProjectExecutions,
} from './luaauth-schema';
import { readJson } from './json-text';

describe('Junkie schema', () => {
  const seedSession = {
    sessionId: 's1',
    robloxUsername: 'Builderman',
    robloxJobId: '5580cdf5-19cf-40ce-9fd9-fb6d3ca0098a',
    placeId: '606849621',
    hwid: 'hw-1',
    beatCount: 12,
    created: 1770624500000,
    lastBeat: 1770624560000,
    shard: 'eu', // unknown field: must pass through
  };

  it('maps a seed page, keeping ms timestamps and placeId as a string', () => {
    const body = junkieSessionPageSchema.parse({ sessions: [seedSession], total: 41, page: 2, limit: 20, totalPages: 3 });
    const page = toJunkiePage(body, 'script-9');
    expect(page).toMatchObject({ total: 41, page: 2, limit: 20, totalPages: 3 });
    expect(page.sessions[0]).toEqual({
      provider: 'junkie',
      id: 's1',
      username: 'Builderman',
      jobId: '5580cdf5-19cf-40ce-9fd9-fb6d3ca0098a',
      placeId: '606849621',
      hwid: 'hw-1',
      beatCount: 12,
      createdAt: 1770624500000,
      lastBeatAt: 1770624560000,
      scriptId: 'script-9',
      extra: seedSession,
    });
  });

  it('names the failing field path', () => {
    const result = junkieSessionPageSchema.safeParse({ sessions: [{ ...seedSession, created: '1770624500000' }], total: 1, page: 1, limit: 20 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['sessions', 0, 'created']);
  });

  it('refuses a numeric placeId (the seed says string)', () => {
    expect(junkieSessionPageSchema.safeParse({ sessions: [{ ...seedSession, placeId: 1 }], total: 1, page: 1, limit: 20 }).success).toBe(false);
  });

  it('derives totalPages when absent', () => {
    const page = toJunkiePage(junkieSessionPageSchema.parse({ sessions: [], total: 41, page: 1, limit: 20 }), 'x');
    expect(page.totalPages).toBe(3);
  });

  it('counts need integers', () => {
    expect(junkieLiveCountsSchema.safeParse({ counts: { a: 1.5 }, total: 1 }).success).toBe(false);
    expect(junkieLiveCountsSchema.parse({ counts: { a: 2, b: 0 }, total: 2 })).toEqual({ counts: { a: 2, b: 0 }, total: 2 });
  });
});

describe('LuaProt schema', () => {
  const seedSession = {
    id: '97963719390038484793',
    robloxUsername: 'LuaProtOnTop',
    robloxJobId: '5580cdf5-19cf-40ce-9fd9-fb6d3ca0098a',
    robloxUniverseId: '9432747410',
    created: 1768140224,
  };

  it('converts seconds to milliseconds and keeps the original in extra', () => {
    const body = luaprotSessionsSchema.parse({ success: true, message: 'Successfully fetched sessions.', sessions: [seedSession] });
    const session = toLuaProtSession(body.sessions[0]!);
    expect(session).toEqual({
      provider: 'luaprot',
      id: '97963719390038484793',
      username: 'LuaProtOnTop',
      jobId: '5580cdf5-19cf-40ce-9fd9-fb6d3ca0098a',
      universeId: '9432747410',
      createdAt: 1768140224000,
      extra: seedSession,
    });
  });

  it('maps the seed key record: seconds → ms, 0 → none', () => {
    const body = luaprotSessionInfoSchema.parse({
      success: true,
      message: 'Successfully fetched session info.',
      session: { ...seedSession, key: '73978994376e1f3e307914c4' },
      key: {
        hubId: '40511091490620200512',
        discordId: '123456789098765432',
        key: '73978994376e1f3e307914c4',
        expire: 1764749562,
        note: 'Customer note',
        created: 1764749562,
        activated: true,
        hwid: '589401805431295092384985734',
        hwidResetCount: 0,
        lastHwidReset: 0,
        executionCount: 0,
        lastExecution: 0,
        blacklisted: false,
        blacklistReason: null,
        limitedScripts: null,
        discordData: { id: '123456789098765432', username: 'wompus_dompus', avatar: null, global_name: 'Wompus', modified: 1759761781, created: 1759761781 },
      },
    });
    expect(toLuaProtSession(body.session).userKey).toBe('73978994376e1f3e307914c4');
    const key = toLuaProtKeyRecord(body.key);
    expect(key).toMatchObject({
      hubId: '40511091490620200512',
      expireAt: 1764749562000,
      createdAt: 1764749562000,
      lastExecutionAt: null,
      discordUsername: 'wompus_dompus',
      blacklistReason: null,
      executionCount: 0,
    });
    expect(key.extra.hwidResetCount).toBe(0);
    expect(key.extra.expire).toBe(1764749562); // as sent
  });

  it('expire 0 means never', () => {
    const key = toLuaProtKeyRecord(luaprotSessionInfoSchema.shape.key.parse({ hubId: 'h', key: 'k', expire: 0 }));
    expect(key.expireAt).toBeNull();
  });
});

describe('LuaAuth schema', () => {
  it('maps the seed session, including the trailing comma of the docs example', () => {
    const text = `{"success": true, "sessions": [{"id": "SESSION_ID", "user_key": "USER_KEY", "script_id": "SCRIPT_ID",
      "roblox_id": 10234711811, "place_id": 606849621, "job_id": "JOB_ID", "created_at": 1770624500000, }]}`;
    const read = readJson(text, true);
    expect(read.ok).toBe(true);
    const body = luaauthSessionListSchema.parse(read.ok ? read.value : null);
    expect(toLuaAuthSession(body.sessions[0]!)).toEqual({
      provider: 'luaauth',
      id: 'SESSION_ID',
      userKey: 'USER_KEY',
      scriptId: 'SCRIPT_ID',
      robloxUserId: 10234711811,
      placeId: '606849621',
      jobId: 'JOB_ID',
      createdAt: 1770624500000,
      extra: { id: 'SESSION_ID', user_key: 'USER_KEY', script_id: 'SCRIPT_ID', roblox_id: 10234711811, place_id: 606849621, job_id: 'JOB_ID', created_at: 1770624500000 },
    });
  });

  it('processed:false is a result with its reason', () => {
    const body = luaauthMessageSchema.parse({ success: true, processed: false, reason: 'client never responded' });
    expect(toMessageResult(body, 's1')).toEqual({ processed: false, reason: 'client never responded', sessionId: 's1' });
    const done = luaauthMessageSchema.parse({ success: true, processed: true, response: { ok: 1 } });
    expect(toMessageResult(done, 's1')).toEqual({ processed: true, response: { ok: 1 }, sessionId: 's1' });
  });

  it('bulk responses accept both shapes', () => {
    const body = luaauthBulkMessageSchema.parse({
      success: true,
      responses: [{ processed: true, response: {} }, { processed: false, reason: 'function doesnt exist' }],
    });
    expect(body.responses.map((r) => toMessageResult(r))).toEqual([
      { processed: true, response: {} },
      { processed: false, reason: 'function doesnt exist' },
    ]);
  });

  it('maps the seed script', () => {
    const raw = {
      id: 'SCRIPT_ID', project_id: 'PROJECT_ID', name: 'SCRIPT_NAME', free_for_all: false, use_heartbeat: true,
      kick_outdated: false, require_sessions: false, enabled: true, total_executions: 0, total_sessions: 3, total_instances: 4,
    };
    const script = toLuaAuthScript(luaauthScriptEnvelopeSchema.parse({ success: true, script: raw }).script);
    expect(script).toEqual({
      id: 'SCRIPT_ID', projectId: 'PROJECT_ID', name: 'SCRIPT_NAME', freeForAll: false, useHeartbeat: true, kickOutdated: false,
      requireSessions: false, enabled: true, totalExecutions: 0, totalSessions: 3, totalInstances: 4, extra: raw,
    });
  });

  it('refuses success:false as a success body', () => {
    expect(luaauthSessionListSchema.safeParse({ success: false, sessions: [] }).success).toBe(false);
  });

  it('splits project execution keys on the last " - " and skips total', () => {
    const result = toProjectExecutions({
      total: { '01/01': 5 },
      'Main - abc123': { '01/01': 2 },
      'Arsenal - Silent Aim - def456': { '01/01': 3 },
      'no separator': { '01/01': 0 },
    });
    expect(result.total).toEqual({ '01/01': 5 });
    expect(result.scripts).toEqual([
      { id: 'abc123', name: 'Main', days: { '01/01': 2 } },
      { id: 'def456', name: 'Arsenal - Silent Aim', days: { '01/01': 3 } },
    ]);
  });
});
