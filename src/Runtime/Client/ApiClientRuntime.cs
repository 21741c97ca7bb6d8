using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Emr.Codegen.Runtime;

/// <summary>What generated clients share: signing, throttling, retries. Public so that the signer can be checked.</summary>
public static class ApiClientRuntime
{
    /// <summary>The content type of every request; it is signed.</summary>
    public const string ContentType = "application/json";

    private static readonly Lazy<HttpClient> s_sharedHttpClient = new Lazy<HttpClient>(() =>
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        });

    /// <summary>
    /// The <c>Authorization</c> header of a POST to <paramref name="endpoint"/> by TC3-HMAC-SHA256, as Tencent Cloud publishes it:
    /// signed headers <c>content-type;host</c>, the host without a port (as the official SDKs sign it).
    /// </summary>
    public static string Authorization(string secretId, string secretKey, string service, Uri endpoint, long timestamp, string body)
    {
        string date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string query = endpoint.Query.Length > 0 ? endpoint.Query.Substring(1) : string.Empty;
        string canonicalRequest = "POST\n" + endpoint.AbsolutePath + "\n" + query + "\ncontent-type:" + ContentType + "\nhost:" + endpoint.Host + "\n\ncontent-type;host\n" + Hex(SHA256.HashData(Utf8(body)));
        string scope = date + "/" + service + "/tc3_request";
        string stringToSign = "TC3-HMAC-SHA256\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + scope + "\n" + Hex(SHA256.HashData(Utf8(canonicalRequest)));
        byte[] secretDate = Hmac(Utf8("TC3" + secretKey), date);
        byte[] secretService = Hmac(secretDate, service);
        byte[] secretSigning = Hmac(secretService, "tc3_request");
        string signature = Hex(Hmac(secretSigning, stringToSign));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature;
    }

    internal static string Mask(string secret) => secret.Length <= 8 ? "****" : secret.Substring(0, 4) + "****";

    private static byte[] Utf8(string text) => global::System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Utf8(text));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Whether a code is the spec's rate-limit error or one of its family: the server did not act on the request.</summary>
    internal static bool IsRateLimited(string code, string rateLimitCode) => code == rateLimitCode || (code.Length > rateLimitCode.Length && code[rateLimitCode.Length] == '.' && code.StartsWith(rateLimitCode, StringComparison.Ordinal));

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

    /// <summary>One client's connection, credential, options and throttles.</summary>
    internal sealed class Sender
    {
        private readonly ApiCredential _credential;
        private readonly string _region;
        private readonly string _service;
        private readonly string _version;
        private readonly string _rateLimitCode;
        private readonly Uri _endpoint;
        private readonly ApiClientOptions _options;
        private readonly HttpClient _http;
        private readonly ConcurrentDictionary<string, ApiClientRuntime.RateLimiter> _limiters = new ConcurrentDictionary<string, ApiClientRuntime.RateLimiter>();

        public Sender(ApiCredential credential, string region, string service, string version, Uri endpoint, string rateLimitCode, ApiClientOptions? options, HttpClient? httpClient)
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
            _http = httpClient ?? s_sharedHttpClient.Value;
        }

        public ApiClientOptions Options => _options;

        public Uri Endpoint => _endpoint;

        /// <summary>
        /// Sends one action's body and reads its typed answer. <paramref name="idempotent"/> says whether the body carries an
        /// idempotency token, so that sending it again can never act twice; without one, only failures where the server
        /// certainly did not act are retried.
        /// </summary>
        public async Task<TResponse> SendAsync<TResponse>(
            string action, int? rateLimit, bool idempotent, string[] retryableCodes, string body,
            Func<string, TResponse> parse, CancellationToken cancellationToken)
        {
            ApiClientRuntime.RateLimiter? limiter = rateLimit is int limit ? _limiters.GetOrAdd(action, _ => new ApiClientRuntime.RateLimiter(limit)) : null;
            for (int attempt = 1; ; attempt++)
            {
                bool mayRetry = attempt <= _options.MaxRetries;
                cancellationToken.ThrowIfCancellationRequested();
                if (limiter != null)
                {
                    await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                var started = Stopwatch.StartNew();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.Timeout);
                int status;
                string text;
                try
                {
                    using HttpRequestMessage request = CreateRequest(action, attempt, body);
                    using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (mayRetry && idempotent)
                    {
                        await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    throw new TimeoutException(action + " had no answer within " + _options.Timeout.ToString("c", CultureInfo.InvariantCulture) + " (attempt " + attempt.ToString(CultureInfo.InvariantCulture) + ").");
                }
                catch (HttpRequestException exception) when (mayRetry && (idempotent || NeverReachedServer(exception)))
                {
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                ApiException? failure = ReadFailure(action, status, text, out string? requestId);
                bool retry = mayRetry && failure != null && (failure.IsApiError
                    ? IsRateLimited(failure.Code.Code, _rateLimitCode) || (idempotent && Array.IndexOf(retryableCodes, failure.Code.Code) >= 0)
                    : idempotent && status >= 500);
                _options.OnResponse?.Invoke(new ApiClientResponseInfo(action, attempt, status, requestId, failure is { IsApiError: true } ? (ApiErrorCode?)failure.Code : null, started.Elapsed, retry));
                if (retry)
                {
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (failure != null)
                {
                    throw failure;
                }

                try
                {
                    return parse(text);
                }
                catch (JsonException exception)
                {
                    throw new ApiException(action, default, "The answer does not match the response type: " + exception.Message, requestId, status, isApiError: false);
                }
            }
        }

        private HttpRequestMessage CreateRequest(string action, int attempt, string body)
        {
            long timestamp = global::System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
            var content = new ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
            request.Content = content;
            string authorization = Authorization(_credential.SecretId, _credential.SecretKey, _service, _endpoint, timestamp, body);
            var headers = new List<KeyValuePair<string, string>>
            {
                new("X-TC-Action", action),
                new("X-TC-Version", _version),
                new("X-TC-Region", _region),
                new("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
                new("X-TC-RequestClient", "Emr.Codegen/TOOLVERSION"),
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
                shown.Add(new("Content-Type", ContentType));
                foreach (var header in headers)
                {
                    shown.Add(header.Key == "X-TC-Token" ? new(header.Key, "****") : header);
                }

                int signature = authorization.LastIndexOf("Signature=", StringComparison.Ordinal);
                shown.Add(new("Authorization", authorization.Substring(0, signature).Replace("Credential=" + _credential.SecretId, "Credential=" + Mask(_credential.SecretId)) + "Signature=****"));
                onRequest(new ApiClientRequestInfo(action, attempt, _endpoint, shown));
            }

            return request;
        }

        /// <summary>The API's error envelope, or an answer that is not the API's, as an exception; null for a success envelope.</summary>
        private static ApiException? ReadFailure(string action, int status, string text, out string? requestId)
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
                        return new ApiException(action, new ApiErrorCode(code.GetString()!), message, requestId, status, isApiError: true);
                    }

                    return status >= 200 && status < 300 ? null : new ApiException(action, default, "HTTP " + status.ToString(CultureInfo.InvariantCulture) + " with a response that is not an error.", requestId, status, isApiError: false);
                }
            }
            catch (JsonException)
            {
            }

            return new ApiException(action, default, "The answer (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ", " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters) is not the API's {\"Response\": ...} envelope.", null, status, isApiError: false);
        }

        /// <summary>Whether the connection was never made, so the server cannot have acted.</summary>
        private static bool NeverReachedServer(HttpRequestException exception) =>
            exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

        /// <summary>Exponential backoff with jitter: a random delay from half to all of base x 2^(attempt-1), capped.</summary>
        private Task DelayAsync(int attempt, CancellationToken cancellationToken)
        {
            double full = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            double jittered = full * (0.5 + (global::System.Random.Shared.NextDouble() / 2));
            return Task.Delay(TimeSpan.FromMilliseconds(jittered), cancellationToken);
        }
    }
}
