using System;
using Microsoft.Extensions.Logging;

namespace Emr.Codegen.Runtime;

/// <summary>
/// What the sender writes to <see cref="ApiClientOptions.Logger"/>. The event ids are stable: they are documented and
/// filters may rely on them. No event carries the request body, a request member's value, the credential or the
/// Authorization header: the body can hold passwords. An exception is never attached either, since its server message
/// may quote a request value; the caller gets the exception itself.
/// </summary>
internal static class ApiClientLog
{
    /// <summary>The id of each event, as documented in the README.</summary>
    internal static class Ids
    {
        public const int AttemptSent = 1;
        public const int AnswerReceived = 2;
        public const int RetryScheduled = 3;
        public const int CallFailed = 4;
        public const int RateLimitWait = 5;
        public const int CallCanceled = 6;
    }

    private static readonly Action<ILogger, string, string, int, string, Exception?> s_attemptSent =
        LoggerMessage.Define<string, string, int, string>(
            LogLevel.Debug,
            new EventId(Ids.AttemptSent, nameof(Ids.AttemptSent)),
            "Sending {Action} in {Region}, attempt {Attempt}, to {Host}");

    private static readonly Action<ILogger, string, int, int, string?, string?, double, Exception?> s_answerReceived =
        LoggerMessage.Define<string, int, int, string?, string?, double>(
            LogLevel.Debug,
            new EventId(Ids.AnswerReceived, nameof(Ids.AnswerReceived)),
            "{Action} attempt {Attempt} answered HTTP {StatusCode}, RequestId {RequestId}, error code {ErrorCode}, in {ElapsedMs:0.0} ms");

    private static readonly Action<ILogger, string, int, string, double, Exception?> s_retryScheduled =
        LoggerMessage.Define<string, int, string, double>(
            LogLevel.Warning,
            new EventId(Ids.RetryScheduled, nameof(Ids.RetryScheduled)),
            "{Action} attempt {Attempt} failed with {Reason}; sending it again in {DelayMs:0} ms");

    private static readonly Action<ILogger, string, int, string, string?, Exception?> s_callFailed =
        LoggerMessage.Define<string, int, string, string?>(
            LogLevel.Warning,
            new EventId(Ids.CallFailed, nameof(Ids.CallFailed)),
            "{Action} failed after {Attempts} attempt(s) with {ErrorType}, RequestId {RequestId}");

    private static readonly Action<ILogger, string, double, int, Exception?> s_rateLimitWait =
        LoggerMessage.Define<string, double, int>(
            LogLevel.Debug,
            new EventId(Ids.RateLimitWait, nameof(Ids.RateLimitWait)),
            "{Action} waits {WaitMs:0} ms for its rate limit of {RequestsPerSecond} per second");

    private static readonly Action<ILogger, string, int, Exception?> s_callCanceled =
        LoggerMessage.Define<string, int>(
            LogLevel.Debug,
            new EventId(Ids.CallCanceled, nameof(Ids.CallCanceled)),
            "{Action} was canceled by the caller after {Attempts} attempt(s)");

    public static void AttemptSent(ILogger logger, string action, string region, int attempt, string host) =>
        s_attemptSent(logger, action, region, attempt, host, null);

    public static void AnswerReceived(ILogger logger, string action, int attempt, int statusCode, string? requestId, string? errorCode, TimeSpan elapsed) =>
        s_answerReceived(logger, action, attempt, statusCode, requestId, errorCode, elapsed.TotalMilliseconds, null);

    public static void RetryScheduled(ILogger logger, string action, int attempt, string reason, TimeSpan delay) =>
        s_retryScheduled(logger, action, attempt, reason, delay.TotalMilliseconds, null);

    public static void CallFailed(ILogger logger, string action, int attempts, string errorType, string? requestId) =>
        s_callFailed(logger, action, attempts, errorType, requestId, null);

    public static void RateLimitWait(ILogger logger, string action, TimeSpan wait, int requestsPerSecond) =>
        s_rateLimitWait(logger, action, wait.TotalMilliseconds, requestsPerSecond, null);

    public static void CallCanceled(ILogger logger, string action, int attempts) =>
        s_callCanceled(logger, action, attempts, null);
}
