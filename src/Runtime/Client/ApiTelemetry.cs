using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http;

namespace Emr.Codegen.Runtime;

/// <summary>
/// The names under which every generated client reports traces and metrics: pass <see cref="SourceName"/> to
/// OpenTelemetry's <c>AddSource</c> and <see cref="MeterName"/> to <c>AddMeter</c>. Each call is one client span named
/// <c>{service}/{action}</c> with one child span per attempt, and one <see cref="CallDurationName"/> measurement. Names and
/// attributes follow OpenTelemetry's RPC conventions as of v1.37 (<c>rpc.system</c>, <c>rpc.service</c>,
/// <c>rpc.method</c>, <c>rpc.client.duration</c> in milliseconds). Nothing is recorded while nobody listens, and no
/// attribute holds a request member's value or the credential.
/// </summary>
public static class ApiTelemetry
{
    /// <summary>The <see cref="ActivitySource"/>'s name. Its version is the runtime's (<see cref="RuntimeContract.PackageVersion"/>).</summary>
    public const string SourceName = "Emr.Codegen";

    /// <summary>The <see cref="Meter"/>'s name, the same as the source's. Its version is the runtime's.</summary>
    public const string MeterName = SourceName;

    /// <summary>
    /// The histogram of whole calls, rate-limit waits and retries included, in milliseconds: <c>rpc.client.duration</c>.
    /// Milliseconds rather than the newer <c>rpc.client.call.duration</c> in seconds, because a net8.0 library cannot
    /// advise bucket boundaries and the exporters' default buckets are made for milliseconds.
    /// </summary>
    public const string CallDurationName = "rpc.client.duration";

    /// <summary>The counter of attempts sent, <c>tencentcloud.client.attempts</c>; those after a call's first are tagged <c>tencentcloud.retry</c> = true.</summary>
    public const string AttemptsName = "tencentcloud.client.attempts";

    /// <summary>The value of <c>rpc.system</c>.</summary>
    public const string RpcSystem = "tencentcloud";

    private static readonly ActivitySource s_source = new ActivitySource(SourceName, RuntimeContract.PackageVersion);

    private static readonly Meter s_meter = new Meter(MeterName, RuntimeContract.PackageVersion);

    private static readonly Histogram<double> s_callDuration = s_meter.CreateHistogram<double>(
        CallDurationName, "ms", "How long a Tencent Cloud API call took, throttle waits and retries included, to its answer or its last failure.");

    private static readonly Counter<long> s_attempts = s_meter.CreateCounter<long>(
        AttemptsName, "{attempt}", "Attempts sent to the Tencent Cloud API; retries are tagged tencentcloud.retry = true.");

    /// <summary>An attempt with no answer in time: the type the call throws when it is the last.</summary>
    internal static readonly string TimeoutErrorType = typeof(TimeoutException).FullName!;

    /// <summary>The span of one call, or null (and nothing allocated) when no listener wants it.</summary>
    internal static Activity? StartCall(string service, string action, string region, Uri endpoint)
    {
        if (!s_source.HasListeners())
        {
            return null;
        }

        // Given at the start, so that a sampler can decide on them.
        return s_source.StartActivity(service + "/" + action, ActivityKind.Client, default(ActivityContext), StartTags(service, action, endpoint, new(Tags.Region, region)));
    }

    /// <summary>The span of one attempt, a child of the call's; null when no listener wants it.</summary>
    internal static Activity? StartAttempt(Activity? call, string service, string action, Uri endpoint, int attempt)
    {
        // The HTTP client's own span, when it is listened to, is the client span under this one.
        if (call == null || !s_source.HasListeners())
        {
            return null;
        }

        return s_source.StartActivity(service + "/" + action + " attempt", ActivityKind.Internal, default(ActivityContext), StartTags(service, action, endpoint, new(Tags.Attempt, attempt)));
    }

    /// <summary>The RPC attributes every span of a call starts with, and the one that tells a call from an attempt.</summary>
    private static KeyValuePair<string, object?>[] StartTags(string service, string action, Uri endpoint, KeyValuePair<string, object?> last) => new KeyValuePair<string, object?>[]
    {
        new(Tags.RpcSystem, RpcSystem),
        new(Tags.RpcService, service),
        new(Tags.RpcMethod, action),
        new(Tags.ServerAddress, endpoint.Host),
        new(Tags.ServerPort, endpoint.Port),
        last,
    };

    /// <summary>Ends an attempt: counts it and closes its span. <paramref name="errorType"/> is null for a success answer.</summary>
    internal static void EndAttempt(Activity? span, string service, string action, int attempt, int? statusCode, string? requestId, string? errorCode, string? errorType, bool willRetry)
    {
        if (s_attempts.Enabled)
        {
            var tags = new TagList
            {
                { Tags.RpcSystem, RpcSystem },
                { Tags.RpcService, service },
                { Tags.RpcMethod, action },
                { Tags.Retry, attempt > 1 },
            };
            if (errorType != null)
            {
                tags.Add(Tags.ErrorType, errorType);
            }

            s_attempts.Add(1, tags);
        }

        if (span == null)
        {
            return;
        }

        if (span.IsAllDataRequested)
        {
            if (statusCode is int status)
            {
                span.SetTag(Tags.HttpStatusCode, status);
            }

            SetOutcome(span, requestId, errorCode, errorType);
            span.SetTag(Tags.WillRetry, willRetry);
        }

        span.Dispose();
    }

    /// <summary>Ends a call: records its duration and closes its span. <paramref name="errorType"/> is null for a success.</summary>
    internal static void EndCall(Activity? span, string service, string action, long startTimestamp, int attempts, string? requestId, string? errorCode, string? errorType)
    {
        if (s_callDuration.Enabled)
        {
            var tags = new TagList
            {
                { Tags.RpcSystem, RpcSystem },
                { Tags.RpcService, service },
                { Tags.RpcMethod, action },
            };
            if (errorType != null)
            {
                tags.Add(Tags.ErrorType, errorType);
            }

            s_callDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
        }

        if (span == null)
        {
            return;
        }

        if (span.IsAllDataRequested)
        {
            SetOutcome(span, requestId, errorCode, errorType);
            span.SetTag(Tags.Attempts, attempts);
        }

        span.Dispose();
    }

    /// <summary>
    /// A failure's <c>error.type</c>: the API's error code; the HTTP status of an answer that is not the API's; the
    /// HTTP client's error kind (<c>connection_error</c>); otherwise the exception's type. Never its message, which may
    /// quote a request value.
    /// </summary>
    internal static string ErrorTypeOf(Exception exception) => exception switch
    {
        ApiException { IsApiError: true, ErrorCode.Length: > 0 } api => api.ErrorCode,
        ApiException { HttpStatus: >= 400 } api => api.HttpStatus.Value.ToString(CultureInfo.InvariantCulture),
        ApiException => typeof(ApiException).FullName!,
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => HttpErrorName(http.HttpRequestError),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    private static void SetOutcome(Activity span, string? requestId, string? errorCode, string? errorType)
    {
        if (requestId != null)
        {
            span.SetTag(Tags.RequestId, requestId);
        }

        if (errorCode != null)
        {
            span.SetTag(Tags.ErrorCode, errorCode);
        }

        if (errorType != null)
        {
            span.SetTag(Tags.ErrorType, errorType);
            span.SetStatus(ActivityStatusCode.Error, errorType);
        }
    }

    // Spelled out rather than derived from the enum's names, which trimming may not keep.
    private static string HttpErrorName(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "name_resolution_error",
        HttpRequestError.ConnectionError => "connection_error",
        HttpRequestError.SecureConnectionError => "secure_connection_error",
        HttpRequestError.HttpProtocolError => "http_protocol_error",
        HttpRequestError.ExtendedConnectNotSupported => "extended_connect_not_supported",
        HttpRequestError.VersionNegotiationError => "version_negotiation_error",
        HttpRequestError.UserAuthenticationError => "user_authentication_error",
        HttpRequestError.ProxyTunnelError => "proxy_tunnel_error",
        HttpRequestError.InvalidResponse => "invalid_response",
        HttpRequestError.ResponseEnded => "response_ended",
        HttpRequestError.ConfigurationLimitExceeded => "configuration_limit_exceeded",
        _ => typeof(HttpRequestException).FullName!,
    };

    /// <summary>The attribute names, as documented in the README.</summary>
    internal static class Tags
    {
        public const string RpcSystem = "rpc.system";
        public const string RpcService = "rpc.service";
        public const string RpcMethod = "rpc.method";
        public const string ServerAddress = "server.address";
        public const string ServerPort = "server.port";
        public const string HttpStatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
        public const string Region = "tencentcloud.region";
        public const string RequestId = "tencentcloud.request_id";
        public const string ErrorCode = "tencentcloud.error_code";
        public const string Attempt = "tencentcloud.attempt";
        public const string Attempts = "tencentcloud.attempts";
        public const string WillRetry = "tencentcloud.will_retry";
        public const string Retry = "tencentcloud.retry";
    }
}
