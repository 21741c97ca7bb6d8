using System;

namespace Emr.Codegen.Runtime;

/// <summary>
/// How a generated <c>WaitUntil...Async</c> waits. Every value left null takes the spec's: its first delay, its longest
/// delay and the whole time allowed.
/// </summary>
public sealed class ApiWaiterOptions
{
    /// <summary>The whole time the waiter may take; when it is over, it throws <see cref="WaiterTimeoutException"/>.</summary>
    public TimeSpan? MaxWait { get; set; }

    /// <summary>The first delay between two polls; each further delay may double it (with jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan? MinDelay { get; set; }

    /// <summary>The longest delay between two polls.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>Told after every poll what was seen: the state, the answer or the error, and the next delay.</summary>
    public IProgress<ApiWaiterProgress>? Progress { get; set; }

    /// <summary>The clock the delays and the time limit use; the system's unless set (tests give a fake one).</summary>
    public TimeProvider? TimeProvider { get; set; }
}

/// <summary>What one poll of a waiter saw.</summary>
public sealed class ApiWaiterProgress
{
    internal ApiWaiterProgress(string waiter, int attempt, TimeSpan elapsed, string? state, object? response, Exception? error, TimeSpan? nextDelay)
    {
        Waiter = waiter;
        Attempt = attempt;
        Elapsed = elapsed;
        State = state;
        Response = response;
        Error = error;
        NextDelay = nextDelay;
    }

    /// <summary>The waiter's name in the spec (<c>ClusterRunning</c>).</summary>
    public string Waiter { get; }

    /// <summary>The poll's number, from 1.</summary>
    public int Attempt { get; }

    /// <summary>The time since the waiter started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The observed state: the values at the acceptors' paths (<c>ClusterList[].Status = 3</c>), or the error seen.</summary>
    public string? State { get; }

    /// <summary>The poll's answer (the action's response type), or null when the poll failed.</summary>
    public object? Response { get; }

    /// <summary>The poll's error, when it had no answer that an acceptor could read (a transient failure, retried).</summary>
    public Exception? Error { get; }

    /// <summary>How long the waiter waits before the next poll; null when this poll decided.</summary>
    public TimeSpan? NextDelay { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Waiter + " poll " + Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) + " after " + Elapsed.ToString(@"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture) + ": " + (State ?? "(nothing seen)");
}

/// <summary>A waiter reached a failure state of the spec (for example a cluster whose creation failed): waiting longer cannot succeed.</summary>
public sealed class WaiterFailedException : Exception
{
    internal WaiterFailedException(string waiter, string state, object? response, int attempts, Exception? inner)
        : base("The waiter " + waiter + " failed after " + attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " polls: it saw " + state + ", a failure state.", inner)
    {
        Waiter = waiter;
        LastState = state;
        Response = response;
        Attempts = attempts;
    }

    /// <summary>The waiter's name in the spec.</summary>
    public string Waiter { get; }

    /// <summary>The state seen last, which the spec calls a failure.</summary>
    public string LastState { get; }

    /// <summary>The answer that showed it, or null when an error did.</summary>
    public object? Response { get; }

    /// <summary>How many polls were made.</summary>
    public int Attempts { get; }
}

/// <summary>A waiter ran out of time (its <c>MaxWait</c>) before an acceptor decided. It is a <see cref="TimeoutException"/>.</summary>
public sealed class WaiterTimeoutException : TimeoutException
{
    internal WaiterTimeoutException(string waiter, TimeSpan maxWait, string? state, object? response, int attempts, Exception? lastError)
        : base("The waiter " + waiter + " gave up after " + maxWait.ToString("c", System.Globalization.CultureInfo.InvariantCulture) + " and " + attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " polls; it saw last " + (state ?? "nothing") + ".", lastError)
    {
        Waiter = waiter;
        LastState = state;
        Response = response;
        Attempts = attempts;
    }

    /// <summary>The waiter's name in the spec.</summary>
    public string Waiter { get; }

    /// <summary>The state seen last, or null when no poll had an answer.</summary>
    public string? LastState { get; }

    /// <summary>The last answer, or null when no poll had one.</summary>
    public object? Response { get; }

    /// <summary>How many polls were made.</summary>
    public int Attempts { get; }
}
