import { byStatus, record, isOk, type Classifier } from '../error-mapping';
import { LUAPROT_WHITELIST_403 } from './assumptions';

/* ---------------- LuaProt: {success:false, message} + 4xx ---------------- */

const LUAPROT_GONE = ['invalid session', 'you cannot manage this session', 'key could not be found', 'hub not found'];
// Stryker disable next-line ArrayDeclaration: equivalent, see the use below
const LUAPROT_NOTHING_TO_DO = ['no active sessions found'];
const LUAPROT_403_GONE = /not found|unauthori[sz]ed to manage/i;

export const classifyLuaProt: Classifier = (exchange) => {
  const obj = exchange.body.ok ? record(exchange.body.value) : undefined;
  const said = typeof obj?.message === 'string' ? obj.message : undefined;
  // Stryker disable next-line StringLiteral: `lower` is read only when `said` is defined
  const lower = said?.toLowerCase() ?? '';
  if (isOk(exchange.status)) {
    // A 2xx that still says success:false is a refusal in the provider's words.
    return obj?.success === false ? { kind: 'provider_refused', message: said ?? 'success: false' } : undefined;
  }
  if (exchange.status === 403 && said !== undefined) {
    // The seed's one 403 ("Session not found or unauthorized to manage.") means the session is gone.
    // Any other 403, whitelist wording or not, is taken as access refused: the IP whitelist is the
    // documented reason and its wording is not [assumption: LuaProt answers a non-whitelisted IP with
    // 403]. Reading "Access denied." as "not found" left a hub out of the total instead of saying so.
    if (LUAPROT_403_GONE.test(said) && !/whitelist|\bip\b|ip address/i.test(said)) return { kind: 'not_found', message: said };
    // Worded otherwise than the whitelist: the reading is an assumption, and the explanation says so.
    if (!/whitelist|\bip\b|ip address/i.test(said)) return { kind: 'forbidden', message: said, assumption: LUAPROT_WHITELIST_403 };
    return { kind: 'forbidden', message: said };
  }
  if (exchange.status === 400 && said !== undefined) {
    if (LUAPROT_GONE.some((m) => lower.includes(m))) return { kind: 'not_found', message: said };
    // The hub or key exists, there is just nobody to act on: not an id problem.
    // Stryker disable next-line all: equivalent to the byStatus fallback below (a 400 with a message is
    // provider_refused too); kept so the rule stays written where LuaProt's 400 wordings are read.
    if (LUAPROT_NOTHING_TO_DO.some((m) => lower.includes(m))) return { kind: 'provider_refused', message: said };
  }
  return byStatus(exchange, said);
};

