// The engine routes the console uses, as typed calls. Each takes the bearer token to act with (an
// operator's or a follower's, from the server-side session). No caching, no business rules.
import type { TradingState } from '../shared/events';
import type { EngineRequest } from './client';
import type {
  AuditView, DeadLetterView, FillView, FollowerKeySaved, FollowerPositions, FollowerSession, FollowerView, FollowView, KeyCheck,
  LatencyCurves, OperatorSession, OrderView, Overview, Sizing, Caps, StateChanged, StateSnapshot, VenueKey, WhalePositions, WhaleView,
} from './types';

type Token = string;
const items = <T>(reply: { items: T[] }) => reply.items;

export type NewWhale =
  | { venue: 'binanceusdm'; name?: string; apiKey: string; secret: string }
  | { venue: 'hyperliquid'; name?: string; address: string }
  | { venue: 'tradingview'; name: string; secret: string; tickerMap?: Record<string, string> };

export interface NewFollow {
  whaleId: string;
  followerId: string;
  sizing: Sizing;
  caps?: Caps;
}

export class EngineApi {
  constructor(private readonly request: EngineRequest) {}

  // Sign-in (engine/src/ingress/login)
  operatorLogin(email: string, password: string) {
    return this.request<OperatorSession>('POST', '/api/auth/operator-login', { token: null, body: { email, password } });
  }
  followerSignup(email: string, password: string, name: string) {
    return this.request<FollowerSession>('POST', '/api/auth/follower-signup', { token: null, body: { email, password, name } });
  }
  followerLogin(email: string, password: string) {
    return this.request<FollowerSession>('POST', '/api/auth/follower-login', { token: null, body: { email, password } });
  }
  createOperator(token: Token, email: string, password: string) {
    return this.request<{ id: string; email: string }>('POST', '/api/auth/operators', { token, body: { email, password } });
  }
  checkKey(token: Token, key: VenueKey) {
    return this.request<KeyCheck>('POST', '/api/auth/check-key', { token, body: key, timeoutMs: 20_000 });
  }
  saveFollowerKey(accountToken: Token, key: VenueKey) {
    return this.request<FollowerKeySaved>('POST', '/api/auth/follower-key', { token: accountToken, body: key, timeoutMs: 20_000 });
  }
  logout(token: Token) {
    return this.request<null>('POST', '/api/auth/logout', { token });
  }

  // Whales, followers, follows
  whales(token: Token) {
    return this.request<{ items: WhaleView[] }>('GET', '/api/whales', { token }).then(items);
  }
  whale(token: Token, id: string) {
    return this.request<WhaleView>('GET', `/api/whales/${encodeURIComponent(id)}`, { token });
  }
  createWhale(token: Token, whale: NewWhale) {
    return this.request<{ id: string }>('POST', '/api/whales', { token, body: whale });
  }
  whalePositions(token: Token, id: string) {
    return this.request<WhalePositions>('GET', `/api/whales/${encodeURIComponent(id)}/positions`, { token });
  }
  followers(token: Token) {
    return this.request<{ items: FollowerView[] }>('GET', '/api/followers', { token }).then(items);
  }
  follower(token: Token, id: string) {
    return this.request<FollowerView>('GET', `/api/followers/${encodeURIComponent(id)}`, { token });
  }
  createFollower(token: Token, body: { name: string } & VenueKey) {
    return this.request<{ id: string }>('POST', '/api/followers', { token, body });
  }
  followerPositions(token: Token, id: string) {
    return this.request<FollowerPositions>('GET', `/api/followers/${encodeURIComponent(id)}/positions`, { token });
  }
  setFollowerState(token: Token, id: string, state: TradingState) {
    return this.request<FollowerView>('PATCH', `/api/followers/${encodeURIComponent(id)}`, { token, body: { state } });
  }
  follows(token: Token, filter: { whaleId?: string; followerId?: string } = {}) {
    return this.request<{ items: FollowView[] }>('GET', '/api/follows', { token, query: filter }).then(items);
  }
  createFollow(token: Token, follow: NewFollow) {
    return this.request<{ id: string }>('POST', '/api/follows', { token, body: follow });
  }
  deleteFollow(token: Token, id: string) {
    return this.request<null>('DELETE', `/api/follows/${encodeURIComponent(id)}`, { token });
  }

  // Journal
  orders(token: Token, query: { followerId?: string; whaleId?: string; limit?: number } = {}) {
    return this.request<{ items: OrderView[] }>('GET', '/api/orders', { token, query }).then(items);
  }
  fills(token: Token, query: { followerId?: string; limit?: number } = {}) {
    return this.request<{ items: FillView[] }>('GET', '/api/fills', { token, query }).then(items);
  }

  // Operations (contracts.md "Engine operator API additions")
  overview(token: Token) {
    return this.request<Overview>('GET', '/api/overview', { token });
  }
  latency(token: Token) {
    return this.request<LatencyCurves>('GET', '/api/latency', { token });
  }
  states(token: Token) {
    return this.request<StateSnapshot>('GET', '/api/state', { token });
  }
  setState(token: Token, change: { scope: 'engine' | 'whale' | 'follower'; id?: string; state: TradingState; flatten?: boolean }) {
    return this.request<StateChanged>('POST', '/api/state', { token, body: change });
  }
  /** Oldest first; every shard when `shard` is undefined. */
  deadLetters(token: Token, query: { shard?: number; limit?: number } = {}) {
    return this.request<{ items: DeadLetterView[] }>('GET', '/api/dead-letters', { token, query }).then(items);
  }
  retryDeadLetter(token: Token, shard: number, deadId: string) {
    return this.request<{ shard: number; deadId: string; newId: string }>('POST', `/api/dead-letters/${shard}/${encodeURIComponent(deadId)}/retry`, { token });
  }
  discardDeadLetter(token: Token, shard: number, deadId: string) {
    return this.request<null>('POST', `/api/dead-letters/${shard}/${encodeURIComponent(deadId)}/discard`, { token });
  }
  audit(token: Token, query: { limit?: number; beforeId?: number; target?: string } = {}) {
    return this.request<{ items: AuditView[]; next: number | null }>('GET', '/api/audit', { token, query });
  }
}
