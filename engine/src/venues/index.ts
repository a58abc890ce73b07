// Public surface: ccxt client construction for every venue (real or simulated).
export * from './client';
