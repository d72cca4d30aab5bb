import { describe, expect, it } from 'vitest';
import { junkieLiveCountsSchema, junkieSessionPageSchema, toJunkieCounts, toJunkiePage } from './junkie/schema';
import { luaprotSessionInfoSchema, luaprotSessionsSchema, toLuaProtKeyRecord, toLuaProtSession } from './luaprot/schema';
import {
  luaauthBulkMessageSchema,
  luaauthMessageSchema,
  luaauthScriptEnvelopeSchema,
  luaauthSessionListSchema,
  toLuaAuthScript,
  toLuaAuthSession,
  toMessageResult,
  toProjectExecutions,
} from './luaauth/schema';
import { readJson } from './json-text';
import { ReadNotes } from './read-notes';

const junkieNotes = () => new ReadNotes('junkie');

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
    const notes = junkieNotes();
    const page = toJunkiePage(body, 'script-9', notes);
    expect(notes.empty).toBe(true);
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

  // Issue 9 item 3 reverses two earlier tests ("names the failing field path" for a string `created`,
  // "refuses a numeric placeId"): one odd item must no longer fail the page. A page whose envelope
  // is unusable still fails, with the path named.
  it('names the failing path when the envelope is unusable', () => {
    const result = junkieSessionPageSchema.safeParse({ sessions: { 0: seedSession }, total: 1, page: 1, limit: 20 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['sessions']);
  });

  it('reads a string `created` and a numeric placeId, silently (the docs disagree about types)', () => {
    const notes = junkieNotes();
    const page = toJunkiePage(
      junkieSessionPageSchema.parse({ sessions: [{ ...seedSession, created: '1770624500000', placeId: 606849621 }], total: 1, page: 1, limit: 20 }),
      'x',
      notes,
    );
    expect(page.sessions[0]).toMatchObject({ createdAt: 1770624500000, placeId: '606849621' });
    expect(notes.lines()).toEqual([]);
  });

  it('keeps a session with robloxUsername null, shows it as unknown and notes it', () => {
    const notes = junkieNotes();
    const body = junkieSessionPageSchema.parse({
      sessions: [seedSession, { ...seedSession, sessionId: 's2', robloxUsername: null }],
      total: 2,
      page: 1,
      limit: 20,
    });
    const page = toJunkiePage(body, 'x', notes);
    expect(page.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(page.sessions[1]!.username).toBeUndefined();
    expect(page.sessions[1]!.extra.robloxUsername).toBeNull();
    expect(notes.lines()).toEqual(['Junkie: 1 session lacked robloxUsername']);
  });

  it('derives totalPages when absent', () => {
    const page = toJunkiePage(junkieSessionPageSchema.parse({ sessions: [], total: 41, page: 1, limit: 20 }), 'x', junkieNotes());
    expect(page.totalPages).toBe(3);
  });

  it('counts need whole numbers: a fractional or null count is left out and noted, the others kept', () => {
    const notes = junkieNotes();
    expect(toJunkieCounts(junkieLiveCountsSchema.parse({ counts: { a: 1.5, b: 2, c: null }, total: 3 }), notes)).toEqual({ counts: { b: 2 }, total: 3 });
    expect(notes.lines()).toEqual(['Junkie: 1 script had an unreadable count', 'Junkie: 1 script lacked count']);
    const clean = junkieNotes();
    expect(toJunkieCounts(junkieLiveCountsSchema.parse({ counts: { a: 2, b: 0 }, total: 2 }), clean)).toEqual({ counts: { a: 2, b: 0 }, total: 2 });
    expect(clean.empty).toBe(true);
  });

  it('reads counts sent as strings and a missing total as the sum', () => {
    const notes = junkieNotes();
    expect(toJunkieCounts(junkieLiveCountsSchema.parse({ counts: { a: '12', b: 3 } }), notes)).toEqual({ counts: { a: 12, b: 3 }, total: 15 });
    expect(notes.lines()).toEqual(['Junkie: 1 live count answer lacked total']);
  });

  it('refuses counts that are not an object (an unusable envelope)', () => {
    expect(junkieLiveCountsSchema.safeParse({ counts: [1, 2], total: 3 }).success).toBe(false);
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
    const notes = new ReadNotes('luaprot');
    const session = toLuaProtSession(body.sessions[0]!, notes);
    expect(notes.empty).toBe(true);
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
    const notes = new ReadNotes('luaprot');
    expect(toLuaProtSession(body.session, notes).userKey).toBe('73978994376e1f3e307914c4');
    const key = toLuaProtKeyRecord(body.key, notes);
    expect(notes.lines()).toEqual([]);
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
    const key = toLuaProtKeyRecord(luaprotSessionInfoSchema.shape.key.parse({ hubId: 'h', key: 'k', expire: 0 }), new ReadNotes('luaprot'));
    expect(key.expireAt).toBeNull();
  });

  it('keeps a session without robloxUsername and notes it; 20-digit ids stay exact whichever type they arrive as', () => {
    const read = readJson(
      '{"success":true,"message":"ok","sessions":[{"id":97963719390038484793,"robloxJobId":"j","robloxUniverseId":9432747410,"created":"1768140224"},' +
        JSON.stringify(seedSession) +
        ']}',
    );
    const body = luaprotSessionsSchema.parse(read.ok ? read.value : null);
    const notes = new ReadNotes('luaprot');
    const sessions = body.sessions.map((s) => toLuaProtSession(s, notes));
    expect(sessions[0]).toMatchObject({ id: '97963719390038484793', universeId: '9432747410', createdAt: 1768140224000 });
    expect(sessions[0]!.username).toBeUndefined();
    expect(sessions[1]!.username).toBe('LuaProtOnTop');
    expect(notes.lines()).toEqual(['LuaProt: 1 session lacked robloxUsername']);
  });

  it('reads a key record with executionCount null as unknown, noted', () => {
    const notes = new ReadNotes('luaprot');
    const key = toLuaProtKeyRecord({ hubId: '40511091490620200512', key: 'k', executionCount: null, extraField: 1 }, notes);
    expect(key.executionCount).toBeUndefined();
    expect(key.extra).toMatchObject({ executionCount: null, extraField: 1 });
    expect(notes.lines()).toContain('LuaProt: 1 key record lacked executionCount');
  });
});

describe('LuaAuth schema', () => {
  it('maps the seed session, including the trailing comma of the docs example', () => {
    const text = `{"success": true, "sessions": [{"id": "SESSION_ID", "user_key": "USER_KEY", "script_id": "SCRIPT_ID",
      "roblox_id": 10234711811, "place_id": 606849621, "job_id": "JOB_ID", "created_at": 1770624500000, }]}`;
    const read = readJson(text, true);
    expect(read.ok).toBe(true);
    const body = luaauthSessionListSchema.parse(read.ok ? read.value : null);
    expect(toLuaAuthSession(body.sessions[0]!, new ReadNotes('luaauth'))).toEqual({
      provider: 'luaauth',
      id: 'SESSION_ID',
      userKey: 'USER_KEY',
      scriptId: 'SCRIPT_ID',
      robloxUserId: '10234711811',
      placeId: '606849621',
      jobId: 'JOB_ID',
      createdAt: 1770624500000,
      extra: { id: 'SESSION_ID', user_key: 'USER_KEY', script_id: 'SCRIPT_ID', roblox_id: 10234711811, place_id: 606849621, job_id: 'JOB_ID', created_at: 1770624500000 },
    });
  });

  it('processed:false is a result with its reason', () => {
    const body = luaauthMessageSchema.parse({ success: true, processed: false, reason: 'client never responded' });
    expect(toMessageResult(body, 's1')).toEqual({ processed: false, reason: 'client never responded', sessionId: 's1' });
    expect(toMessageResult({ success: true, processed: false, reason: 'invalid return data' }, 's1')).toEqual({ processed: false, reason: 'invalid return data', sessionId: 's1' });
    const done = luaauthMessageSchema.parse({ success: true, processed: true, response: { ok: 1 } });
    expect(toMessageResult(done, 's1')).toEqual({ processed: true, response: { ok: 1 }, sessionId: 's1' });
  });

  it('bulk responses accept both shapes', () => {
    const body = luaauthBulkMessageSchema.parse({
      success: true,
      responses: [{ processed: true, response: {} }, { processed: false, reason: 'function doesnt exist' }],
    });
    expect(body.responses.map((r) => toMessageResult(r, undefined))).toEqual([
      { processed: true, response: {} },
      { processed: false, reason: 'function doesnt exist' },
    ]);
  });

  it('maps the seed script', () => {
    const raw = {
      id: 'SCRIPT_ID', project_id: 'PROJECT_ID', name: 'SCRIPT_NAME', free_for_all: false, use_heartbeat: true,
      kick_outdated: false, require_sessions: false, enabled: true, total_executions: 0, total_sessions: 3, total_instances: 4,
    };
    const script = toLuaAuthScript(luaauthScriptEnvelopeSchema.parse({ success: true, script: raw }).script, new ReadNotes('luaauth'));
    expect(script).toEqual({
      id: 'SCRIPT_ID', projectId: 'PROJECT_ID', name: 'SCRIPT_NAME', freeForAll: false, useHeartbeat: true, kickOutdated: false,
      requireSessions: false, enabled: true, totalExecutions: 0, totalSessions: 3, totalInstances: 4, extra: raw,
    });
  });

  it('reads a script without total_instances (unknown, noted) and a roblox_id sent as a string', () => {
    const notes = new ReadNotes('luaauth');
    const script = toLuaAuthScript({ id: 'S', project_id: 'P', name: 'N', enabled: true, total_sessions: '7', total_executions: 1, free_for_all: false, use_heartbeat: true, kick_outdated: false, require_sessions: false }, notes);
    expect(script).toMatchObject({ totalSessions: 7, totalInstances: null, enabled: true });
    const session = toLuaAuthSession({ id: 'x', user_key: 'k', script_id: 'S', roblox_id: '10234711811', place_id: 606849621, job_id: 'j', created_at: 1770624500000 }, notes);
    expect(session.robloxUserId).toBe('10234711811');
    expect(notes.lines()).toEqual(['LuaAuth: 1 script lacked total_instances']);
  });

  it('refuses success:false as a success body', () => {
    expect(luaauthSessionListSchema.safeParse({ success: false, sessions: [] }).success).toBe(false);
  });

  it('splits project execution keys on the last " - " and skips total', () => {
    const result = toProjectExecutions(
      {
      total: { '01/01': 5 },
      'Main - abc123': { '01/01': 2 },
      'Arsenal - Silent Aim - def456': { '01/01': 3 },
      'no separator': { '01/01': 0 },
      },
      new ReadNotes('luaauth'),
    );
    expect(result.total).toEqual({ '01/01': 5 });
    expect(result.scripts).toEqual([
      { id: 'abc123', name: 'Main', days: { '01/01': 2 } },
      { id: 'def456', name: 'Arsenal - Silent Aim', days: { '01/01': 3 } },
    ]);
  });
});
