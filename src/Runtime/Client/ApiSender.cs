using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Emr.Codegen.Runtime;

/// <summary>
/// One generated client's connection, credential, options and throttles: signs, sends, retries and reads each action.
/// Generated clients hold one; it is not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiSender
{
    private readonly ApiCredential _credential;
    private readonly string _region;
    private readonly string _service;
    private readonly string _version;
    private readonly string _rateLimitCode;
    private readonly Uri _endpoint;
    private readonly ApiClientOptions _options;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new ConcurrentDictionary<string, RateLimiter>();

    /// <summary>Creates a sender.</summary>
    /// <param name="credential">The API key.</param>
    /// <param name="region">The region every request names.</param>
    /// <param name="service">The service's short name, for the signature.</param>
    /// <param name="version">The API version every request names.</param>
    /// <param name="endpoint">The region's endpoint, unless the options override it.</param>
    /// <param name="rateLimitCode">The spec's rate-limit error code (and code family), always retried.</param>
    /// <param name="options">The client's options; defaults when null.</param>
    /// <param name="httpClient">The HttpClient to send with; a shared, pooled one when null.</param>
    public ApiSender(ApiCredential credential, string region, string service, string version, Uri endpoint, string rateLimitCode, ApiClientOptions? options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("The region is empty.", nameof(region));
        }

        _credential = credential;
        _region = region;
        _service = service;
        _version = version;
        _rateLimitCode = rateLimitCode;
        _options = options ?? new ApiClientOptions();
        _endpoint = _options.Endpoint ?? endpoint;
        _http = httpClient ?? ApiClientRuntime.SharedHttpClient;
    }

    /// <summary>The client's options.</summary>
    public ApiClientOptions Options => _options;

    /// <summary>Where requests go.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>
    /// Sends one action's body and reads its typed answer. <paramref name="idempotent"/> says whether the body carries an
    /// idempotency token, so that sending it again can never act twice; without one, only failures where the server
    /// certainly did not act are retried.
    /// </summary>
    /// <typeparam name="TResponse">The action's response type.</typeparam>
    /// <typeparam name="TCode">The spec's error-code type, for the exception.</typeparam>
    /// <param name="action">The action.</param>
    /// <param name="rateLimit">The action's requests per second, or null.</param>
    /// <param name="idempotent">Whether the body carries an idempotency token.</param>
    /// <param name="retryableCodes">Error codes retried when the body is idempotent.</param>
    /// <param name="body">The request's JSON.</param>
    /// <param name="parse">Reads the response envelope.</param>
    /// <param name="cancellationToken">Ends waits and the request.</param>
    public async Task<TResponse> SendAsync<TResponse, TCode>(
        string action, int? rateLimit, bool idempotent, string[] retryableCodes, string body,
        Func<string, TResponse> parse, CancellationToken cancellationToken)
        where TCode : struct, IApiErrorCode<TCode>
    {
        RateLimiter? limiter = rateLimit is int limit ? _limiters.GetOrAdd(action, _ => new RateLimiter(limit)) : null;
        ILogger? logger = _options.Logger;
        long callStarted = Stopwatch.GetTimestamp();
        Activity? callSpan = ApiTelemetry.StartCall(_service, action, _region, _endpoint);
        int attemptsSent = 0;
        string? requestId = null;
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                bool mayRetry = attempt <= _options.MaxRetries;
                cancellationToken.ThrowIfCancellationRequested();
                if (limiter != null)
                {
                    await WaitForSlotAsync(limiter, action, logger, cancellationToken).ConfigureAwait(false);
                }

                attemptsSent = attempt;
                requestId = null;
                Activity? attemptSpan = ApiTelemetry.StartAttempt(callSpan, _service, action, _endpoint, attempt);
                if (logger != null)
                {
                    ApiClientLog.AttemptSent(logger, action, _region, attempt, _endpoint.Host);
                }

                long started = Stopwatch.GetTimestamp();
                int status;
                string text;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(_options.Timeout);
                    using HttpRequestMessage request = CreateRequest(action, attempt, body);
                    using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // No answer: a timeout (the caller did not cancel) is retried when the body is idempotent; a network
                    // error too, or whatever the body when the connection was never made.
                    bool timedOut = exception is OperationCanceledException && !cancellationToken.IsCancellationRequested;
                    bool retryNoAnswer = mayRetry && (timedOut
                        ? idempotent
                        : exception is HttpRequestException http && (idempotent || NeverReachedServer(http)));
                    string errorType = timedOut ? ApiTelemetry.TimeoutErrorType : ApiTelemetry.ErrorTypeOf(exception);
                    ApiTelemetry.EndAttempt(attemptSpan, _service, action, attempt, null, null, null, errorType, retryNoAnswer);
                    if (retryNoAnswer)
                    {
                        await RetryAfterDelayAsync(action, attempt, errorType, logger, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (timedOut)
                    {
                        throw new TimeoutException(action + " had no answer within " + _options.Timeout.ToString("c", CultureInfo.InvariantCulture) + " (attempt " + attempt.ToString(CultureInfo.InvariantCulture) + ").");
                    }

                    throw;
                }

                ApiException<TCode>? failure = ReadFailure<TCode>(action, status, text, out requestId);
                bool retry = mayRetry && failure != null && (failure.IsApiError
                    ? ApiClientRuntime.IsRateLimited(failure.ErrorCode, _rateLimitCode) || (idempotent && Array.IndexOf(retryableCodes, failure.ErrorCode) >= 0)
                    : idempotent && status >= 500);
                string? errorCode = failure is { IsApiError: true } ? failure.ErrorCode : null;
                TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
                string? failureType = failure == null ? null : ApiTelemetry.ErrorTypeOf(failure);
                ApiTelemetry.EndAttempt(attemptSpan, _service, action, attempt, status, requestId, errorCode, failureType, retry);
                if (logger != null)
                {
                    ApiClientLog.AnswerReceived(logger, action, attempt, status, requestId, errorCode, elapsed);
                }

                _options.OnResponse?.Invoke(new ApiClientResponseInfo(action, attempt, status, requestId, errorCode, elapsed, retry));
                if (retry)
                {
                    await RetryAfterDelayAsync(action, attempt, failureType!, logger, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (failure != null)
                {
                    throw failure;
                }

                TResponse answer;
                try
                {
                    answer = parse(text);
                }
                catch (JsonException exception)
                {
                    throw new ApiException<TCode>(action, default, "The answer does not match the response type: " + exception.Message, requestId, status, isApiError: false);
                }

                ApiTelemetry.EndCall(callSpan, _service, action, callStarted, attempt, requestId, null, null);
                return answer;
            }
        }
        catch (Exception exception)
        {
            string errorType = ApiTelemetry.ErrorTypeOf(exception);
            ApiTelemetry.EndCall(callSpan, _service, action, callStarted, attemptsSent, requestId, exception is ApiException { IsApiError: true } api ? api.ErrorCode : null, errorType);
            if (logger != null)
            {
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    ApiClientLog.CallCanceled(logger, action, attemptsSent);
                }
                else
                {
                    ApiClientLog.CallFailed(logger, action, attemptsSent, errorType, requestId);
                }
            }

            throw;
        }
    }

    /// <summary>Waits for the action's next rate-limit slot, and logs the wait when there is one.</summary>
    private static Task WaitForSlotAsync(RateLimiter limiter, string action, ILogger? logger, CancellationToken cancellationToken)
    {
        TimeSpan wait = limiter.Reserve();
        if (wait <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        if (logger != null)
        {
            ApiClientLog.RateLimitWait(logger, action, wait, limiter.Limit);
        }

        return Task.Delay(wait, cancellationToken);
    }

    /// <summary>Logs that the attempt is sent again, then waits the backoff.</summary>
    private Task RetryAfterDelayAsync(string action, int attempt, string reason, ILogger? logger, CancellationToken cancellationToken)
    {
        TimeSpan delay = RetryDelay(attempt);
        if (logger != null)
        {
            ApiClientLog.RetryScheduled(logger, action, attempt, reason, delay);
        }

        return Task.Delay(delay, cancellationToken);
    }

    private HttpRequestMessage CreateRequest(string action, int attempt, string body)
    {
        long timestamp = global::System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        var content = new ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(ApiClientRuntime.ContentType);
        request.Content = content;
        string authorization = ApiClientRuntime.Authorization(_credential.SecretId, _credential.SecretKey, _service, _endpoint, timestamp, body);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-TC-Action", action),
            new("X-TC-Version", _version),
            new("X-TC-Region", _region),
            new("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            new("X-TC-RequestClient", ApiClientRuntime.RequestClient),
        };
        if (_credential.Token is string token)
        {
            headers.Add(new("X-TC-Token", token));
        }

        foreach (var header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (_options.OnRequest is { } onRequest)
        {
            var shown = new List<KeyValuePair<string, string>>();
            shown.Add(new("Host", _endpoint.Authority));
            shown.Add(new("Content-Type", ApiClientRuntime.ContentType));
            foreach (var header in headers)
            {
                shown.Add(header.Key == "X-TC-Token" ? new(header.Key, "****") : header);
            }

            int signature = authorization.LastIndexOf("Signature=", StringComparison.Ordinal);
            shown.Add(new("Authorization", authorization.Substring(0, signature).Replace("Credential=" + _credential.SecretId, "Credential=" + ApiClientRuntime.Mask(_credential.SecretId)) + "Signature=****"));
            onRequest(new ApiClientRequestInfo(action, attempt, _endpoint, shown));
        }

        return request;
    }

    /// <summary>The API's error envelope, or an answer that is not the API's, as an exception; null for a success envelope.</summary>
    private static ApiException<TCode>? ReadFailure<TCode>(string action, int status, string text, out string? requestId)
        where TCode : struct, IApiErrorCode<TCode>
    {
        requestId = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Response", out JsonElement response)
                && response.ValueKind == JsonValueKind.Object)
            {
                if (response.TryGetProperty("RequestId", out JsonElement id) && id.ValueKind == JsonValueKind.String)
                {
                    requestId = id.GetString();
                }

                if (response.TryGetProperty("Error", out JsonElement error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("Code", out JsonElement code) && code.ValueKind == JsonValueKind.String)
                {
                    string message = error.TryGetProperty("Message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
                    return new ApiException<TCode>(action, TCode.FromCode(code.GetString()!), message, requestId, status, isApiError: true);
                }

                return status >= 200 && status < 300 ? null : new ApiException<TCode>(action, default, "HTTP " + status.ToString(CultureInfo.InvariantCulture) + " with a response that is not an error.", requestId, status, isApiError: false);
            }
        }
        catch (JsonException)
        {
        }

        return new ApiException<TCode>(action, default, "The answer (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ", " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters) is not the API's {\"Response\": ...} envelope.", null, status, isApiError: false);
    }

    /// <summary>Whether the connection was never made, so the server cannot have acted.</summary>
    private static bool NeverReachedServer(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    /// <summary>Exponential backoff with jitter: a random delay from half to all of base x 2^(attempt-1), capped.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        double full = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        double jittered = full * (0.5 + (global::System.Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(jittered);
    }
}
