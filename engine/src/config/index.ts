// Public surface: the engine's configuration.
export * from './config';
