using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Emr.Codegen.Runtime;

/// <summary>
/// At most <c>limit</c> requests in any one second: a call beyond it is given a later slot and waits for it.
/// Slots are handed out in call order.
/// </summary>
internal sealed class RateLimiter
{
    private static readonly long s_window = Stopwatch.Frequency;
    private readonly Queue<long> _starts = new Queue<long>();
    private readonly int _limit;

    public RateLimiter(int limit) => _limit = limit;

    /// <summary>The requests per second this limiter allows.</summary>
    public int Limit => _limit;

    /// <summary>
    /// Takes the next slot and says how long until it starts, zero when it is free now. The caller does the waiting, so
    /// that it can log a real wait and let cancellation end it.
    /// </summary>
    public TimeSpan Reserve()
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
        return wait <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)wait / s_window);
    }
}
