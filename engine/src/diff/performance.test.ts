// diffFollower over 10,000 followers for one whale frame: every follower gets its intent, a repeated frame
// none. Speed is measured by `bun run bench` (pass-split), never asserted here.
import { describe, expect, test } from 'bun:test';
import { FRESH_SIZING_MEMO, signedAmount, type Follow, type FollowerBookEntry, type SizingMemo } from '../model';
import { diffFollower, type FollowerDiffInput } from './diff-follower';
import { BTC, follow } from './test-fixtures';

const FOLLOWERS = 10_000;
const ROUNDS = 5;

describe('diffFollower throughput', () => {
  test('10,000 followers: one intent each on a whale change, none on a repeated frame', () => {
    const follows: Follow[] = [];
    const books: FollowerBookEntry[] = [];
    const memos: SizingMemo[] = [];
    for (let i = 0; i < FOLLOWERS; i++) {
      follows.push(follow({ id: `follow-${i}`, followerId: `follower-${i}`, sizing: { mode: 'proportional', k: 0.05 + (i % 100) / 1000 } }));
    }
    const reset = (): void => {
      for (let i = 0; i < FOLLOWERS; i++) {
        books[i] = { actual: 0, inFlight: 0 };
        memos[i] = FRESH_SIZING_MEMO;
      }
    };
    /** One whale frame over every follower, as the engine loop would run it (in flight recorded). */
    const frame = (seq: number, whale: number): { intents: number } => {
      let intents = 0;
      for (let i = 0; i < FOLLOWERS; i++) {
        const input: FollowerDiffInput = {
          follow: follows[i]!,
          market: BTC,
          whaleSeq: seq,
          whaleContracts: whale,
          whaleEquity: NaN,
          followerEquity: NaN,
          mark: 60_000,
          book: books[i]!,
          memo: memos[i]!,
        };
        const diff = diffFollower(input);
        if (diff.nextMemo !== null) memos[i] = diff.nextMemo;
        intents += diff.intents.length;
        for (const intent of diff.intents) books[i] = { actual: books[i]!.actual, inFlight: books[i]!.inFlight + signedAmount(intent) };
      }
      return { intents };
    };

    for (let round = 0; round < ROUNDS; round++) {
      reset();
      expect(frame(2 * round + 1, 1.5).intents).toBe(FOLLOWERS);
      expect(frame(2 * round + 2, 1.5).intents).toBe(0);
    }
  });
});
