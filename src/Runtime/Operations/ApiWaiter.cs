using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Emr.Codegen.Runtime;

/// <summary>What an acceptor decides when it matches.</summary>
public enum ApiWaiterState
{
    /// <summary>The waiter ends and returns the answer.</summary>
    Success,

    /// <summary>The waiter ends with <see cref="WaiterFailedException"/>.</summary>
    Failure,

    /// <summary>The waiter polls again.</summary>
    Retry,
}

/// <summary>How an acceptor looks at a poll.</summary>
public enum ApiWaiterMatcher
{
    /// <summary>The one value at the path equals an expected value.</summary>
    Path,

    /// <summary>There are values at the path, and every one equals an expected value.</summary>
    PathAll,

    /// <summary>Some value at the path equals an expected value.</summary>
    PathAny,

    /// <summary>The poll failed with one of the expected API error codes.</summary>
    Error,
}

/// <summary>One acceptor of a waiter, as the spec writes it; generated code builds them.</summary>
/// <typeparam name="TResponse">The polled action's response type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiWaiterAcceptor<TResponse>
{
    private readonly string[] _expected;
    private readonly Func<TResponse, IReadOnlyList<object?>>? _select;

    /// <summary>Creates an acceptor.</summary>
    /// <param name="matcher">How it looks.</param>
    /// <param name="state">What it decides.</param>
    /// <param name="path">The path it reads, as the spec writes it (null for an error acceptor).</param>
    /// <param name="expected">The values (invariant text) or error codes, any of which matches.</param>
    /// <param name="select">Reads the values at the path from an answer (null for an error acceptor).</param>
    public ApiWaiterAcceptor(ApiWaiterMatcher matcher, ApiWaiterState state, string? path, string[] expected, Func<TResponse, IReadOnlyList<object?>>? select)
    {
        if (matcher != ApiWaiterMatcher.Error && (path is null || select is null))
        {
            throw new ArgumentException("A path acceptor needs its path and the function that reads it.", nameof(select));
        }

        Matcher = matcher;
        State = state;
        Path = path;
        _expected = expected;
        _select = select;
    }

    /// <summary>How it looks.</summary>
    public ApiWaiterMatcher Matcher { get; }

    /// <summary>What it decides.</summary>
    public ApiWaiterState State { get; }

    /// <summary>The path it reads, or null.</summary>
    public string? Path { get; }

    internal IReadOnlyList<object?> Select(TResponse response) => _select!(response);

    internal bool MatchesValues(IReadOnlyList<object?> values)
    {
        switch (Matcher)
        {
            case ApiWaiterMatcher.Path:
                return values.Count == 1 && IsExpected(values[0]);
            case ApiWaiterMatcher.PathAll:
                if (values.Count == 0)
                {
                    return false;
                }

                foreach (object? value in values)
                {
                    if (!IsExpected(value))
                    {
                        return false;
                    }
                }

                return true;
            case ApiWaiterMatcher.PathAny:
                foreach (object? value in values)
                {
                    if (IsExpected(value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    internal bool MatchesError(string code) => Matcher == ApiWaiterMatcher.Error && Array.IndexOf(_expected, code) >= 0;

    private bool IsExpected(object? value) => ApiPath.Text(value) is string text && Array.IndexOf(_expected, text) >= 0;
}

/// <summary>
/// A waiter of the spec: polls an action until an acceptor, tried in order, says success or failure, with delays that
/// grow from the first to the longest (random within each step, so many waiters do not poll in step) and a time limit.
/// Generated <c>WaitUntil...Async</c> methods hold one.
/// </summary>
/// <typeparam name="TResponse">The polled action's response type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiWaiter<TResponse>
    where TResponse : class
{
    /// <summary>A poll that starts this close to the time limit is the last one, and is not cut short by it.</summary>
    private static readonly TimeSpan FinalPollWindow = TimeSpan.FromSeconds(1);

    private readonly string _name;
    private readonly TimeSpan _minDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxWait;
    private readonly ApiWaiterAcceptor<TResponse>[] _acceptors;
    private readonly string[] _transientCodes;
    private readonly string _rateLimitCode;

    /// <summary>Creates a waiter.</summary>
    /// <param name="name">Its name in the spec.</param>
    /// <param name="minDelay">The spec's first delay.</param>
    /// <param name="maxDelay">The spec's longest delay.</param>
    /// <param name="maxWait">The spec's time limit.</param>
    /// <param name="acceptors">The acceptors, in the spec's order.</param>
    /// <param name="transientCodes">The polled action's codes the spec marks retryable: a poll that fails with one is made again.</param>
    /// <param name="rateLimitCode">The spec's rate-limit code (and code family), also polled again.</param>
    public ApiWaiter(string name, TimeSpan minDelay, TimeSpan maxDelay, TimeSpan maxWait, ApiWaiterAcceptor<TResponse>[] acceptors, string[] transientCodes, string rateLimitCode)
    {
        _name = name;
        _minDelay = minDelay;
        _maxDelay = maxDelay;
        _maxWait = maxWait;
        _acceptors = acceptors;
        _transientCodes = transientCodes;
        _rateLimitCode = rateLimitCode;
    }

    /// <summary>Polls until an acceptor decides, and returns the answer that succeeded.</summary>
    /// <param name="poll">Sends the polled action once.</param>
    /// <param name="options">Delays, time limit, progress; the spec's when null.</param>
    /// <param name="cancellationToken">Ends the wait (the current poll and delay).</param>
    /// <returns>The answer a success acceptor matched.</returns>
    /// <exception cref="WaiterFailedException">A failure acceptor matched.</exception>
    /// <exception cref="WaiterTimeoutException">No acceptor decided within the time limit.</exception>
    /// <exception cref="ApiException">A poll failed with an error that no acceptor names and that is not transient.</exception>
    public async Task<TResponse> WaitAsync(Func<CancellationToken, Task<TResponse>> poll, ApiWaiterOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        TimeSpan minDelay = options?.MinDelay ?? _minDelay;
        TimeSpan maxDelay = options?.MaxDelay ?? (_maxDelay < minDelay ? minDelay : _maxDelay);
        TimeSpan maxWait = options?.MaxWait ?? _maxWait;
        if (minDelay < TimeSpan.Zero || maxDelay < minDelay || maxWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The waiter's delays must be at least zero, MaxDelay at least MinDelay, and MaxWait at least zero (MinDelay " + minDelay.ToString("c", CultureInfo.InvariantCulture) + ", MaxDelay " + maxDelay.ToString("c", CultureInfo.InvariantCulture) + ").");
        }

        TimeProvider clock = options?.TimeProvider ?? TimeProvider.System;
        IProgress<ApiWaiterProgress>? progress = options?.Progress;
        long started = clock.GetTimestamp();
        string? lastState = null;
        TResponse? lastResponse = null;
        Exception? lastError = null;
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TResponse? response = null;
            TimeSpan left = maxWait - clock.GetElapsedTime(started);

            // A poll that would run past the time limit is ended there: one poll with its retries could otherwise outlast
            // MaxWait by minutes. The last poll, made at the limit, has the client's own timeout instead.
            using var deadline = left > FinalPollWindow ? new CancellationTokenSource(left, clock) : new CancellationTokenSource();
            using var pollCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                response = await poll(pollCancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                progress?.Report(new ApiWaiterProgress(_name, attempt, clock.GetElapsedTime(started), lastState, null, lastError, null));
                throw new WaiterTimeoutException(_name, maxWait, lastState, lastResponse, attempt, lastError);
            }
            catch (ApiException exception) when (!cancellationToken.IsCancellationRequested)
            {
                string state = exception.IsApiError ? "error " + exception.ErrorCode : "an answer that is not the API's (HTTP " + (exception.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "none") + ")";
                ApiWaiterAcceptor<TResponse>? acceptor = exception.IsApiError ? Array.Find(_acceptors, a => a.MatchesError(exception.ErrorCode)) : null;
                bool again = acceptor?.State == ApiWaiterState.Retry || (acceptor is null && IsTransient(exception));
                if (!again)
                {
                    // A failure state, or an error the waiter does not know: said to the progress, then thrown.
                    progress?.Report(new ApiWaiterProgress(_name, attempt, clock.GetElapsedTime(started), state, null, exception, null));
                    if (acceptor?.State == ApiWaiterState.Failure)
                    {
                        throw new WaiterFailedException(_name, state, null, attempt, exception);
                    }

                    throw;
                }

                lastState = state;
                lastError = exception;
            }
            catch (Exception exception) when ((exception is TimeoutException or HttpRequestException) && !cancellationToken.IsCancellationRequested)
            {
                // The client has already retried what it safely could; a wait polls again anyway.
                lastState = "no answer (" + exception.GetType().Name + ")";
                lastError = exception;
            }

            if (response != null)
            {
                lastResponse = response;
                lastError = null;
                (ApiWaiterState decision, string state) = Decide(response);
                lastState = state;
                if (decision != ApiWaiterState.Retry)
                {
                    progress?.Report(new ApiWaiterProgress(_name, attempt, clock.GetElapsedTime(started), state, response, null, null));
                    if (decision == ApiWaiterState.Success)
                    {
                        return response;
                    }

                    throw new WaiterFailedException(_name, state, response, attempt, null);
                }
            }

            TimeSpan elapsed = clock.GetElapsedTime(started);
            TimeSpan remaining = maxWait - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                progress?.Report(new ApiWaiterProgress(_name, attempt, elapsed, lastState, response, lastError, null));
                throw new WaiterTimeoutException(_name, maxWait, lastState, lastResponse, attempt, lastError);
            }

            // The last poll is made at the time limit, not skipped because a full delay would pass it.
            TimeSpan delay = NextDelay(attempt, minDelay, maxDelay);
            if (delay > remaining)
            {
                delay = remaining;
            }

            progress?.Report(new ApiWaiterProgress(_name, attempt, elapsed, lastState, response, lastError, delay));
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first acceptor that matches decides; none means poll again. The state names every path's values.</summary>
    private (ApiWaiterState Decision, string State) Decide(TResponse response)
    {
        var state = new StringBuilder();
        var shown = new List<string>();
        ApiWaiterState? decision = null;
        foreach (ApiWaiterAcceptor<TResponse> acceptor in _acceptors)
        {
            if (acceptor.Matcher == ApiWaiterMatcher.Error)
            {
                continue;
            }

            IReadOnlyList<object?> values = acceptor.Select(response);
            if (!shown.Contains(acceptor.Path!))
            {
                shown.Add(acceptor.Path!);
                ApiPath.Describe(state, acceptor.Path!, values);
            }

            if (decision is null && acceptor.MatchesValues(values))
            {
                decision = acceptor.State;
            }
        }

        return (decision ?? ApiWaiterState.Retry, state.ToString());
    }

    /// <summary>
    /// A failure worth polling again: an answer that is not the API's (a gateway's 502 or 429, a page of HTML), the
    /// rate-limit code, or a code the spec marks retryable. Polling only reads, so sending it again is always safe.
    /// </summary>
    private bool IsTransient(ApiException exception) =>
        !exception.IsApiError
        || ApiClientRuntime.IsRateLimited(exception.ErrorCode, _rateLimitCode)
        || Array.IndexOf(_transientCodes, exception.ErrorCode) >= 0;

    /// <summary>
    /// A random delay between the first delay and the step's ceiling, which doubles each poll up to the longest delay.
    /// The ceiling grows from at least a second, so a first delay of zero still backs off towards the longest.
    /// </summary>
    private static TimeSpan NextDelay(int attempt, TimeSpan minDelay, TimeSpan maxDelay)
    {
        double growth = Math.Max(minDelay.TotalMilliseconds, 1000);
        double ceiling = Math.Min(maxDelay.TotalMilliseconds, growth * Math.Pow(2, Math.Min(attempt - 1, 30)));
        double low = minDelay.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(low + ((ceiling - low) * Random.Shared.NextDouble()));
    }
}
