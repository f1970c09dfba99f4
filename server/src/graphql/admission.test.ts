import { describe, expect, it } from 'vitest';
import { AdmissionRefused, createAdmission } from './admission.ts';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'admitted',
    (error: unknown) => (error instanceof AdmissionRefused ? error.reason : error),
  );

describe('admission', () => {
  it('lets `concurrency` requests run, queues `queue` more and refuses the next at once', async () => {
    const admission = createAdmission({ concurrency: 2, queue: 1 });
    const first = await admission.enter(1000);
    await admission.enter(1000);
    const third = admission.enter(1000);
    expect(await refusal(admission.enter(1000))).toBe('queue-full');
    expect([admission.running, admission.waiting]).toEqual([2, 1]);
    first();
    first(); // a second call ends nothing more
    expect(await refusal(third)).toBe('admitted');
    expect([admission.running, admission.waiting]).toEqual([2, 0]);
  });

  it('refuses a request that got no turn within its wait, and forgets it', async () => {
    const admission = createAdmission({ concurrency: 1, queue: 5 });
    const only = await admission.enter(0);
    const started = Date.now();
    expect(await refusal(admission.enter(50))).toBe('wait-expired');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(admission.waiting).toBe(0);
    only();
    expect(admission.running).toBe(0);
  });

  it('refuses at once a request whose turn is not expected within its wait', async () => {
    const admission = createAdmission({ concurrency: 1, queue: 5 });
    const first = await admission.enter(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    first(); // turns now take about 60 ms
    const second = await admission.enter(0);
    const started = Date.now();
    expect(await refusal(admission.enter(30))).toBe('wait-too-long');
    expect(Date.now() - started).toBeLessThan(20);
    expect(admission.waiting).toBe(0);
    // A wait long enough for the turns ahead is queued as before.
    const third = admission.enter(1000);
    expect(admission.waiting).toBe(1);
    second();
    expect(await refusal(third)).toBe('admitted');
  });

  it('after a restart lets in a few, and one more with each turn that ends', async () => {
    const admission = createAdmission({ concurrency: 4, queue: 10 });
    admission.restart();
    const first = await admission.enter(0);
    await admission.enter(0);
    const waiting = [admission.enter(1000), admission.enter(1000), admission.enter(1000)];
    expect([admission.running, admission.waiting]).toEqual([2, 3]);
    first(); // allowed 3: the ended turn's place and one more
    expect([admission.running, admission.waiting]).toEqual([3, 1]);
    (await (waiting[0] as Promise<() => void>))(); // allowed 4
    expect([admission.running, admission.waiting]).toEqual([3, 0]);
    expect(await refusal(waiting[2] as Promise<() => void>)).toBe('admitted');
  });

  it('takes a waiting request out of the queue when its client goes away', async () => {
    const admission = createAdmission({ concurrency: 1, queue: 5 });
    const only = await admission.enter(0);
    const client = new AbortController();
    const waiting = admission.enter(10_000, client.signal);
    const next = admission.enter(10_000);
    client.abort();
    expect(await refusal(waiting)).toBe('gone');
    only();
    expect(await refusal(next)).toBe('admitted');
    expect([admission.running, admission.waiting]).toEqual([1, 0]);
  });

  it('serves the queue first come, first served', async () => {
    const admission = createAdmission({ concurrency: 1, queue: 3 });
    const order: number[] = [];
    let end = await admission.enter(0);
    const queued = [1, 2, 3].map((n) =>
      admission.enter(1000).then((leave) => {
        order.push(n);
        return leave;
      }),
    );
    for (const next of queued) {
      end();
      end = await next;
    }
    expect(order).toEqual([1, 2, 3]);
  });
});
