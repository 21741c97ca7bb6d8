using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Emr.Codegen.Runtime;

/// <summary>
/// At most <c>limit</c> requests in any one second: a call beyond it waits for its slot (cancellation ends the wait).
/// Slots are handed out in call order.
/// </summary>
internal sealed class RateLimiter
{
    private static readonly long s_window = Stopwatch.Frequency;
    private readonly Queue<long> _starts = new Queue<long>();
    private readonly int _limit;

    public RateLimiter(int limit) => _limit = limit;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        long now = Stopwatch.GetTimestamp();
        long slot = now;
        lock (_starts)
        {
            if (_starts.Count >= _limit)
            {
                slot = Math.Max(now, _starts.Dequeue() + s_window);
            }

            _starts.Enqueue(slot);
        }

        long wait = slot - now;
        return wait <= 0
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromSeconds((double)wait / s_window), cancellationToken);
    }
}
