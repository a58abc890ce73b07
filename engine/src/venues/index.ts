// Public surface: ccxt client construction for every venue (real or simulated) and ccxt markets mapped to MarketSpecs.
export * from './client';
export * from './market-specs';
