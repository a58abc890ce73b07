// Public surface of the write-behind journal.
export { BatchQueue } from './batch-queue';
export type { BatchQueueOptions, BatchQueueStats } from './batch-queue';
export { JournalWriter } from './journal-writer';
export type { JournalOptions, JournalSink, JournalStats } from './journal-writer';
