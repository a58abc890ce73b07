// Adapts the store's follower repository to the executor's CredentialsLookup: decrypted credentials
// as plain venue-tagged values. Used by main.ts only; the executor core never imports the store.
import type { FollowerRepository } from '../store';
import { CredentialsVenueMismatchError, MissingCredentialsError } from './errors';
import type { CredentialsLookup, FollowerCredentials } from './types';

export function storeCredentials(followers: Pick<FollowerRepository, 'get' | 'credentials'>): CredentialsLookup {
  return async (followerId) => {
    const follower = await followers.get(followerId);
    if (follower === null) throw new MissingCredentialsError(`follower ${followerId} does not exist`, { ids: { followerId } });
    const credentials = await followers.credentials(followerId);
    let result: FollowerCredentials | undefined;
    if (follower.venue === 'binanceusdm' && credentials.kind === 'apiKey') {
      result = { venue: 'binanceusdm', apiKey: credentials.apiKey, secret: credentials.secret };
    } else if (follower.venue === 'hyperliquid' && credentials.kind === 'wallet') {
      result = { venue: 'hyperliquid', address: credentials.address, privateKey: credentials.privateKey };
    }
    if (result === undefined) {
      throw new CredentialsVenueMismatchError(`follower ${followerId} on ${follower.venue} holds ${credentials.kind} credentials`, {
        ids: { followerId, venue: follower.venue },
      });
    }
    return result;
  };
}
