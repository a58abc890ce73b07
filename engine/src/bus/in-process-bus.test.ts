// Runs the shared Bus contract against InProcessBus (the bus used when REDIS_URL is unset).
import { describeOperationsContract } from './bus-suite-ops';
import { describeDeliveryContract } from './bus-suite';
import { InProcessBus } from './in-process-bus';
import type { BusHarness } from './testing';

const harness: BusHarness = {
  name: 'InProcessBus',
  create: (prefix) => new InProcessBus({ keyPrefix: prefix }),
  cleanup: async () => undefined,
};

describeDeliveryContract(harness);
describeOperationsContract(harness);
