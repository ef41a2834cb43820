import { describe, expect, it } from 'vitest';
import { summariseTasks } from '../scripts/benchUiTargets';

const meta = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
/** A complete event on pid:tid from `ms` for `dur` ms (the trace's times are µs). */
const x = (name: string, ms: number, dur: number, pid = 1, tid = 1) => ({ name, ph: 'X', ts: ms * 1000, dur: dur * 1000, pid, tid });

describe('summariseTasks (bench:ui: load tasks less their GPU waits)', () => {
  it('subtracts the outermost GPU waits of each task and picks the page main thread', () => {
    const events = [
      meta(1, 1, 'CrRendererMain'),
      meta(2, 1, 'CrRendererMain'), // another renderer with less task time: ignored
      meta(3, 1, 'CrGpuMain'),
      // task A: 3,400 ms, of which 3,360 ms a read-back wait (WaitForCmd holding a nested WaitForGetOffset)
      x('RunTask', 0, 3400),
      x('ThreadControllerImpl::RunTask', 0, 3400),
      x('ImplementationBase::WaitForCmd', 20, 3360),
      x('CommandBufferProxyImpl::WaitForGetOffset', 21, 3355),
      // task B: 300 ms of script with two link-status waits of 40 and 60 ms
      x('RunTask', 4000, 300),
      x('FunctionCall', 4000, 300),
      x('CommandBufferProxyImpl::WaitForGetOffset', 4100, 40),
      x('CommandBufferProxyImpl::WaitForGetOffset', 4200, 60),
      // task C: 40 ms, under the budget
      x('RunTask', 5000, 40),
      x('RunTask', 0, 100, 2, 1),
      x('RunTask', 0, 5000, 3, 1), // the GPU process: not a page thread
    ];
    expect(summariseTasks(events)).toEqual({ longestMs: 3400, longestOwnMs: 200, ownTaskMs: 300, ownTaskWaitMs: 100, overBudget: 1 });
  });
});
