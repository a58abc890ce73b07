// Public surface of the simulator's matching core.
export * from './markets';
export * from './types';
export * from './ledger';
export * from './matching';
export * from './rate-limit';
export * from './faults';
export * from './prices';
export * from './credentials';
export * from './context';
